import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GROUP_KIND, defaultSize, roleOf } from '../../src/model/catalog';
import type { Diagram, DiagramNode, Point, Size } from '../../src/model/diagram';
import { placeOnGrid } from '../../src/model/placeOnGrid';
import { arbitraryDiagram } from './arbitraries';

interface Box extends Point, Size {}

const sizeOf = (n: DiagramNode): Size => n.size ?? defaultSize(n.kind);

/** Absolute boxes (positions are relative to the parent group). */
function boxes(d: Diagram): Map<string, Box> {
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  const abs = (n: DiagramNode): Point => {
    const p = n.position ?? { x: NaN, y: NaN };
    const parent = n.parent === undefined ? undefined : byId.get(n.parent);
    if (!parent) return p;
    const q = abs(parent);
    return { x: q.x + p.x, y: q.y + p.y };
  };
  return new Map(d.nodes.map((n) => [n.id, { ...abs(n), ...sizeOf(n) }]));
}

const overlap = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

function node(id: string, kind: string, extra: Partial<DiagramNode> = {}): DiagramNode {
  return { id, kind, label: id, ...extra };
}
const diagram = (nodes: DiagramNode[], flow: Diagram['flow'] = 'bottom-up'): Diagram => ({ title: 't', flow, nodes, edges: [] });

describe('placeOnGrid', () => {
  it('returns the same diagram when every node has a position', () => {
    const d = diagram([node('a', 'user', { position: { x: 1, y: 2 } })]);
    expect(placeOnGrid(d)).toBe(d);
  });

  it('bottom-up: data on top, servers below, clients at the bottom, support at the side', () => {
    const d = placeOnGrid(diagram([node('u', 'user'), node('db', 'sql-database'), node('api', 'api-server'), node('dns', 'dns')]));
    const at = boxes(d);
    const y = (id: string) => at.get(id)!.y;
    expect(y('db')).toBeLessThan(y('api'));
    expect(y('api')).toBeLessThan(y('u'));
    const mainRight = Math.max(...['u', 'db', 'api'].map((id) => at.get(id)!.x + at.get(id)!.width));
    expect(at.get('dns')!.x).toBeGreaterThanOrEqual(mainRight);
  });

  it('top-down: clients on top, data at the bottom', () => {
    const at = boxes(placeOnGrid(diagram([node('u', 'user'), node('db', 'cache'), node('api', 'service')], 'top-down')));
    expect(at.get('u')!.y).toBeLessThan(at.get('api')!.y);
    expect(at.get('api')!.y).toBeLessThan(at.get('db')!.y);
  });

  it('bands by the effective role, so an override moves a node', () => {
    const at = boxes(placeOnGrid(diagram([node('u', 'user'), node('x', 'cache', { role: 'client' }), node('db', 'cache')])));
    expect(at.get('x')!.y).toBe(at.get('u')!.y);
  });

  it('never moves positioned nodes and never overlaps them', () => {
    const fixed = node('f', 'api-server', { position: { x: 0, y: 0 }, size: { width: 2000, height: 2000 } });
    const d = placeOnGrid(diagram([fixed, node('a', 'user'), node('b', 'cache'), node('c', 'service')]));
    expect(d.nodes[0]).toBe(fixed);
    const at = boxes(d);
    for (const id of ['a', 'b', 'c']) expect(overlap(at.get(id)!, at.get('f')!)).toBe(false);
  });

  it('places children inside their group, growing the group to hold them', () => {
    const kids = Array.from({ length: 9 }, (_, i) => node(`k${i}`, i % 2 ? 'service' : 'cache', { parent: 'g' }));
    const d = placeOnGrid(diagram([node('g', GROUP_KIND), ...kids, node('u', 'user')]));
    const at = boxes(d);
    for (const k of kids) expect(inside(at.get(k.id)!, at.get('g')!)).toBe(true);
    expect(overlap(at.get('u')!, at.get('g')!)).toBe(false);
    expect(d.nodes[0]?.size?.width).toBeGreaterThan(defaultSize(GROUP_KIND).width);
  });

  it('gives every node a position, with no two siblings overlapping and children inside groups (property)', () => {
    fc.assert(
      fc.property(arbitraryDiagram({ maxNodes: 25, positions: 'none' }), (input) => {
        const d = placeOnGrid(input);
        expect(d.nodes.every((n) => n.position && Number.isFinite(n.position.x) && Number.isFinite(n.position.y))).toBe(true);
        const at = boxes(d);
        const byId = new Map(d.nodes.map((n) => [n.id, n]));
        for (const a of d.nodes) {
          if (a.parent !== undefined) expect(inside(at.get(a.id)!, at.get(a.parent)!)).toBe(true);
          for (const b of d.nodes) {
            if (a !== b && a.parent === b.parent) expect(overlap(at.get(a.id)!, at.get(b.id)!)).toBe(false);
          }
        }
        // Everything else about each node is kept.
        input.nodes.forEach((n, i) => {
          const { position: _p, size: _s, ...rest } = d.nodes[i]!;
          const { position: _q, size: _t, ...was } = n;
          expect(rest).toStrictEqual(was);
          expect(roleOf(d.nodes[i]!)).toBe(roleOf(n));
        });
        expect(byId.size).toBe(d.nodes.length);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves positioned nodes exactly where they were and does not overlap them (property)', () => {
    fc.assert(
      fc.property(arbitraryDiagram({ maxNodes: 20, positions: 'some', groups: false }), (input) => {
        const d = placeOnGrid(input);
        const at = boxes(d);
        input.nodes.forEach((n, i) => {
          if (n.position) expect(d.nodes[i]).toBe(n);
        });
        for (const a of input.nodes) {
          if (a.position) continue;
          for (const b of input.nodes) {
            if (b.position) expect(overlap(at.get(a.id)!, at.get(b.id)!)).toBe(false);
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
