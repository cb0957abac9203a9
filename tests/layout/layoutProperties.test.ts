import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMPONENT_ROLES, GROUP_KIND, KINDS } from '../../src/model/catalog';
import { FLOWS, LAYOUT_DIRECTIONS, type Diagram, type DiagramNode } from '../../src/model/diagram';
import { layoutDiagram } from '../../src/layout/layoutDiagram';
import { allFinite, badRoutes, bandViolations, escapedChildren, siblingOverlaps } from './layoutChecks';

const KIND_IDS = KINDS.map((k) => k.id);

/**
 * Random diagrams: any kinds (groups too, nested without cycles, listed before or after their
 * children), role overrides, and random edges including self-loops, edges to groups and edges
 * between a group and its own content.
 */
const diagrams: fc.Arbitrary<Diagram> = fc
  .record({
    flow: fc.constantFrom(...FLOWS),
    specs: fc.array(
      fc.record({
        kind: fc.constantFrom(...KIND_IDS, GROUP_KIND, GROUP_KIND),
        role: fc.option(fc.constantFrom(...COMPONENT_ROLES), { nil: undefined, freq: 4 }),
        parentPick: fc.option(fc.nat(), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 24 },
    ),
    edgePicks: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 36 }),
    childrenFirst: fc.boolean(),
  })
  .map(({ flow, specs, edgePicks, childrenFirst }) => {
    const nodes: DiagramNode[] = [];
    const groups: string[] = [];
    specs.forEach((spec, i) => {
      const id = `n${i}`;
      const n: DiagramNode = { id, kind: spec.kind, label: id };
      if (spec.kind !== GROUP_KIND && spec.role) n.role = spec.role;
      if (spec.parentPick !== undefined && groups.length > 0) n.parent = groups[spec.parentPick % groups.length];
      if (spec.kind === GROUP_KIND) groups.push(id);
      nodes.push(n);
    });
    const edges = edgePicks.map(([a, b], k) => ({
      id: `e${k}`,
      source: nodes[a % nodes.length]!.id,
      target: nodes[b % nodes.length]!.id,
    }));
    if (childrenFirst) nodes.reverse();
    return { title: 'random', flow, nodes, edges };
  });

describe('layoutDiagram on random diagrams', () => {
  it('keeps bands among siblings, children inside groups, no overlaps and clean routes', async () => {
    await fc.assert(
      fc.asyncProperty(diagrams, fc.constantFrom(...LAYOUT_DIRECTIONS), async (diagram, direction) => {
        const outcome = await layoutDiagram(diagram, { direction });
        if (!outcome.ok) throw new Error(`${outcome.error.code}: ${outcome.error.message}`);
        const out = outcome.diagram;
        expect(allFinite(out)).toBe(true);
        expect(bandViolations(out, direction)).toEqual([]);
        expect(siblingOverlaps(out)).toEqual([]);
        expect(escapedChildren(out)).toEqual([]);
        expect(badRoutes(out)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});
