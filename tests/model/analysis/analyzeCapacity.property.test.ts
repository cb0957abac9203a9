import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeCapacity } from '../../../src/model/analysis/analyzeCapacity';
import type { CapacityAnalysis } from '../../../src/model/analysis/analyzeCapacity';
import type { AnalysisInput } from '../../../src/model/analysis/figures';
import { roleOf } from '../../../src/model/catalog';
import { reverseEdges } from '../../../src/model/suggestFlowFix';
import { otherFlow } from '../../../src/model/validateFlow';
import { diagramArb, inputArb } from './arbitraries';

const loadOf = (analysis: CapacityAnalysis, id: string) => analysis.nodes.find((n) => n.id === id)!.load;
const unbounded = (latency: number | null) => latency ?? Number.POSITIVE_INFINITY;

describe('capacity model properties', () => {
  it('more instances never raise a component’s utilisation or latency', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), fc.integer({ min: 1, max: 8 }), (input, pick, more) => {
        const before = analyzeCapacity(input);
        if (before.nodes.length === 0) return;
        const target = before.nodes[pick % before.nodes.length]!;
        const nodes = { ...input.figures?.nodes, [target.id]: { ...target.figures, instances: target.instances + more } };
        const after = analyzeCapacity({ ...input, figures: { ...input.figures, nodes } });
        const grown = after.nodes.find((n) => n.id === target.id)!;
        expect(grown.load).toBe(target.load);
        expect(grown.utilization).toBeLessThanOrEqual(target.utilization);
        expect(unbounded(grown.latencyMs)).toBeLessThanOrEqual(unbounded(target.latencyMs) + 1e-9);
        expect(grown.availability).toBeGreaterThanOrEqual(target.availability);
      }),
    );
  });

  it('a cache never raises the load behind it: a higher hit ratio never raises any load', () => {
    fc.assert(
      fc.property(inputArb, fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (input, h1, h2) => {
        const [low, high] = h1 <= h2 ? [h1, h2] : [h2, h1];
        const withRatio = (hitRatio: number): AnalysisInput => {
          const nodes = { ...input.figures?.nodes };
          for (const node of input.diagram.nodes) {
            if (node.kind === 'cache' || node.kind === 'cdn') nodes[node.id] = { ...nodes[node.id], hitRatio };
          }
          return { ...input, figures: { ...input.figures, nodes } };
        };
        const fewerHits = analyzeCapacity(withRatio(low));
        const moreHits = analyzeCapacity(withRatio(high));
        for (const node of moreHits.nodes) expect(node.load).toBeLessThanOrEqual(loadOf(fewerHits, node.id) * (1 + 1e-12) + 1e-9);
      }),
    );
  });

  it('finds exactly the components whose removal cuts a client off, the same as removing each in turn', () => {
    fc.assert(
      fc.property(diagramArb, (diagram) => {
        // One instance everywhere (the default), so every component on all of a client's routes is a SPOF.
        const analysis = analyzeCapacity({ diagram });
        const bruteForce = diagram.nodes
          .filter((node) => roleOf(node) === 'server' || roleOf(node) === 'datastore')
          .filter((node) => analyzeCapacity({ diagram, down: [node.id] }).cutOff.length > 0)
          .map((node) => node.id);
        expect(analysis.spof).toEqual(bruteForce);
      }),
    );
  });

  it('removing a component that is not a SPOF never cuts a client off', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const analysis = analyzeCapacity(input);
        const spof = new Set(analysis.spof);
        for (const node of analysis.nodes) {
          if (spof.has(node.id) || node.instances > 1) continue;
          expect(analyzeCapacity({ ...input, down: [node.id] }).cutOff).toEqual([]);
        }
      }),
    );
  });

  it('switching the flow and reversing every edge gives the same analysis', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const turned = { ...reverseEdges(input.diagram), flow: otherFlow(input.diagram.flow) };
        expect(analyzeCapacity({ ...input, diagram: turned })).toEqual(analyzeCapacity(input));
      }),
    );
  });

  it('never crashes and gives finite, non-negative loads', () => {
    fc.assert(
      fc.property(inputArb, fc.array(fc.constantFrom('n0', 'n1', 'n2', 'ghost', '__proto__'), { maxLength: 3 }), (input, down) => {
        const analysis = analyzeCapacity({ ...input, down });
        for (const node of analysis.nodes) {
          expect(Number.isFinite(node.load) && node.load >= 0).toBe(true);
          expect(node.instancesNeeded).toBeGreaterThanOrEqual(1);
        }
        for (const client of analysis.clients) expect(client.path.ids[0]).toBe(client.id);
      }),
    );
  });
});
