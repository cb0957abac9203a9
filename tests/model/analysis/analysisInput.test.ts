import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analysisInputOf, analysisPeakOf, expandDown } from '../../../src/model/analysis/analysisInput';
import { analyzeCapacity } from '../../../src/model/analysis/analyzeCapacity';
import type { Diagram, DiagramNode } from '../../../src/model/diagram';
import { FIGURED_PEAK_RPS, figuredDesign } from '../../fixtures/figuredDesign';

describe('analysisInputOf', () => {
  it('reads the design\u2019s figures, peak, target and paths; the multiplier scales every load', () => {
    const input = analysisInputOf(figuredDesign(), { multiplier: 3 });
    expect(input.totalRps).toBeCloseTo(FIGURED_PEAK_RPS * 3, 9);
    expect(input.clientRps).toEqual({ mobile: 900 });
    expect(input.figures!.nodes!['api-a']).toEqual({ instances: 2, capacityRps: 800, serviceTimeMs: 25 });
    expect(input.figures!.edges!['a-cache']).toEqual({ latencyMs: 1 });
    expect(input.targetUtilization).toBe(0.6);
    expect(input.paths).toEqual([{ id: 'read', ids: ['web', 'lb', 'api-a', 'cache', 'db'] }]);
  });

  it('a given peak replaces the design\u2019s own and says so', () => {
    expect(analysisPeakOf(figuredDesign())).toEqual({ rps: expect.closeTo(2000, 9) as number, source: 'scale' });
    expect(analysisPeakOf(figuredDesign(), { peakRps: 50 })).toEqual({ rps: 50, source: 'given' });
    expect(analysisInputOf(figuredDesign(), { peakRps: 50 }).totalRps).toBe(50);
  });

  it('a group marked down stands for the components inside it, nested groups included', () => {
    expect(expandDown(figuredDesign(), ['zone-b'])).toEqual(['api-b', 'cache', 'db']);
    expect(expandDown(figuredDesign(), ['web', 'data'])).toEqual(['web', 'cache', 'db']);
    expect(expandDown(figuredDesign(), ['zone-a', 'api-a'])).toEqual(['api-a']);
  });
});

/** Components and groups in a random forest: each node's parent, if any, is an earlier group. */
const nestedArb: fc.Arbitrary<Diagram> = fc
  .array(fc.record({ group: fc.boolean(), parent: fc.nat() , client: fc.boolean() }), { minLength: 1, maxLength: 14 })
  .map((specs) => {
    const nodes: DiagramNode[] = [];
    specs.forEach((spec, i) => {
      const groups = nodes.filter((n) => n.kind === 'group');
      const kind = spec.group ? 'group' : spec.client ? 'web-client' : i % 3 === 0 ? 'sql-database' : 'api-server';
      const node: DiagramNode = { id: `n${i}`, kind, label: '', position: { x: 0, y: 0 } };
      if (groups.length > 0 && spec.parent % 2 === 0) node.parent = groups[spec.parent % groups.length]!.id;
      nodes.push(node);
    });
    const components = nodes.filter((n) => n.kind !== 'group');
    const edges = components.slice(1).map((n, i) => ({ id: `e${i}`, source: components[i]!.id, target: n.id }));
    return { title: 't', flow: 'bottom-up', nodes, edges };
  });

describe('a group down, as a property', () => {
  it('takes down exactly the components with that group among their ancestors, and analyses as marking each of them', () => {
    fc.assert(
      fc.property(nestedArb, fc.nat(), (design, pick) => {
        const groups = design.nodes.filter((n) => n.kind === 'group');
        fc.pre(groups.length > 0);
        const group = groups[pick % groups.length]!.id;
        const parent = new Map(design.nodes.map((n) => [n.id, n.parent]));
        const inside = (id: string): boolean => {
          for (let at = parent.get(id); at !== undefined; at = parent.get(at)) if (at === group) return true;
          return false;
        };
        const members = design.nodes.filter((n) => n.kind !== 'group' && inside(n.id)).map((n) => n.id);
        expect(expandDown(design, [group]).sort()).toEqual([...members].sort());
        expect(analyzeCapacity(analysisInputOf(design, { down: [group] }))).toEqual(analyzeCapacity(analysisInputOf(design, { down: members })));
      }),
    );
  });
});
