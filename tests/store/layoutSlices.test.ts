import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../src/model/diagram';
import { applyDiff, diffOf, recordsFromDiagram } from '../../src/model/recordsDiff';
import { LAYOUT_PIECE_NODES, layoutTarget, measuredGroups, nextRevealBudget, placeNodes, planLayoutSlices, routeEdges } from '../../src/store/layoutSlices';

const recordsOf = (d: Diagram) => recordsFromDiagram(d);

/** Three groups of four services, each group's services chained, plus two loose nodes. */
function grouped(): Diagram {
  const nodes: Diagram['nodes'] = [];
  const edges: Diagram['edges'] = [];
  for (let g = 1; g <= 3; g++) {
    nodes.push({ id: `g${g}`, kind: 'group', label: `Team ${g}`, position: { x: g * 500, y: 0 }, size: { width: 400, height: 300 } });
    for (let i = 1; i <= 4; i++) {
      nodes.push({ id: `s${g}${i}`, kind: 'api-server', label: `S${g}${i}`, parent: `g${g}`, position: { x: 20, y: i * 60 } });
      if (i > 1) edges.push({ id: `e${g}${i}`, source: `s${g}${i - 1}`, target: `s${g}${i}`, route: [{ x: 0, y: 0 }, { x: 1, y: 1 }] });
    }
  }
  nodes.push({ id: 'web', kind: 'web-client', label: 'Web', position: { x: 0, y: 600 } });
  nodes.push({ id: 'db', kind: 'sql-database', label: 'DB', position: { x: 0, y: -300 } });
  edges.push({ id: 'ew', source: 'web', target: 's11' }, { id: 'ed', source: 's34', target: 'db' });
  return { title: 'Grouped', flow: 'bottom-up', nodes, edges };
}

describe('planLayoutSlices', () => {
  it('covers every node once, parents before children, and keeps a group with its contents', () => {
    const { nodes } = grouped();
    const slices = planLayoutSlices(nodes, 5);
    const flat = slices.flat();
    expect([...flat].sort()).toEqual(nodes.map((n) => n.id).sort());
    for (const n of nodes) {
      if (n.parent === undefined) continue;
      const slice = slices.findIndex((s) => s.includes(n.id));
      expect(slices[slice]).toContain(n.parent);
      expect(flat.indexOf(n.parent)).toBeLessThan(flat.indexOf(n.id));
    }
    expect(slices.length).toBeGreaterThan(1);
  });

  it('splits a group too big for one slice, still parents first', () => {
    const diagram = grouped();
    for (let i = 5; i <= 30; i++) diagram.nodes.push({ id: `x${i}`, kind: 'cache', label: `X${i}`, parent: 'g1', position: { x: 0, y: 0 } });
    const { nodes } = diagram;
    const slices = planLayoutSlices(nodes, 5);
    expect(Math.max(...slices.map((s) => s.length))).toBeLessThanOrEqual(10);
    const flat = slices.flat();
    expect(flat.indexOf('g1')).toBeLessThan(flat.indexOf('x30'));
    expect(new Set(flat).size).toBe(nodes.length);
  });
});

describe('placing a layout', () => {
  const diagram = grouped();
  const laidOut: Diagram = {
    ...diagram,
    nodes: diagram.nodes.map((n, i) => ({ ...n, position: { x: i * 10, y: i * 20 }, size: n.kind === 'group' ? { width: 333.4, height: 222.6 } : { width: 100, height: 50 } })),
    edges: diagram.edges.map((e) => ({ ...e, route: [{ x: 5, y: 5 }, { x: 6, y: 6 }] })),
  };
  const target = layoutTarget(laidOut);

  it('moves only the nodes asked for, sizing groups as laid out and as React Flow will measure them', () => {
    const doc = recordsOf(diagram);
    const placed = placeNodes(doc.nodes, new Set(['g1', 's11']), target);
    const g1 = placed.find((n) => n.id === 'g1')!;
    expect(g1.position).toEqual({ x: 0, y: 0 });
    expect(g1.size).toEqual({ width: 333.4, height: 222.6 });
    expect(measuredGroups(placed, new Map()).get('g1')).toEqual({ width: 333, height: 223 });
    expect(placed.find((n) => n.id === 's11')!.position).toEqual({ x: 10, y: 20 });
    // Untouched nodes keep their identity, so React Flow does not redraw them.
    const after = applyDiff(doc, diffOf(doc, { nodes: { put: placed } }));
    expect(after.nodes.byId.get('s12')).toBe(doc.nodes.byId.get('s12'));
  });

  it('gives every edge its laid-out route, and drops a stale route the layout has none for', () => {
    const doc0 = recordsOf(diagram);
    const doc1 = applyDiff(doc0, diffOf(doc0, { edges: { put: routeEdges(doc0.edges, target) } }));
    expect(doc1.edges.byId.get('e12')!.route).toEqual([{ x: 5, y: 5 }, { x: 6, y: 6 }]);
    expect([...doc1.edges.byId.values()].every((e) => e.route?.[0]?.x === 5)).toBe(true);
    const unrouted = layoutTarget({ ...laidOut, edges: laidOut.edges.map(({ route: _route, ...e }) => e) });
    expect(routeEdges(doc0.edges, unrouted).find((e) => e.id === 'e12')!.route).toBeUndefined();
  });

  it('knows the laid-out extent in absolute coordinates', () => {
    const small: Diagram = {
      title: 't',
      flow: 'bottom-up',
      nodes: [
        { id: 'g', kind: 'group', label: 'G', position: { x: 100, y: 100 }, size: { width: 300, height: 200 } },
        { id: 'a', kind: 'cache', label: 'A', parent: 'g', position: { x: 250, y: 150 }, size: { width: 100, height: 80 } },
      ],
      edges: [],
    };
    expect(layoutTarget(small).bounds).toEqual({ x: 100, y: 100, width: 350, height: 230 });
  });
});

describe('revealing a big layout', () => {
  it('halves the nodes per frame after a very slow frame, doubles them after a quick one, within bounds', () => {
    expect(nextRevealBudget(64, 400)).toBe(32);
    expect(nextRevealBudget(64, 10)).toBe(128);
    expect(nextRevealBudget(64, 120)).toBe(64);
    expect(nextRevealBudget(2 * LAYOUT_PIECE_NODES, 900)).toBe(2 * LAYOUT_PIECE_NODES);
    expect(nextRevealBudget(150, 5)).toBe(200);
  });
});
