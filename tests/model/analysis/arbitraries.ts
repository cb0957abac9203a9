/** Random diagrams and figures for the capacity model's property tests. */
import fc from 'fast-check';
import type { AnalysisInput, EdgeFigures, NodeFigures } from '../../../src/model/analysis/figures';
import type { Diagram } from '../../../src/model/diagram';
import { arbitraryFlowDiagram } from '../arbitraries';

const KINDS = [
  'user',
  'web-client',
  'load-balancer',
  'api-server',
  'service',
  'message-queue',
  'worker',
  'cache',
  'cdn',
  'sql-database',
  'nosql-database',
  'dns',
  'group',
  'mystery',
];

/** Any kinds and role overrides, self-loops, parallel and bidirectional edges, edges to nowhere. */
export const diagramArb: fc.Arbitrary<Diagram> = arbitraryFlowDiagram(KINDS, { maxNodes: 12, fullSize: true });

const nodeFiguresArb: fc.Arbitrary<Partial<NodeFigures>> = fc.record(
  {
    instances: fc.integer({ min: 1, max: 5 }),
    capacityRps: fc.integer({ min: 1, max: 5_000 }),
    serviceTimeMs: fc.integer({ min: 1, max: 200 }),
    hitRatio: fc.double({ min: 0, max: 1, noNaN: true }),
  },
  { requiredKeys: [] },
);

const edgeFiguresArb: fc.Arbitrary<EdgeFigures> = fc.record(
  { share: fc.double({ min: 0, max: 1, noNaN: true }), mode: fc.constantFrom<'sync' | 'async'>('sync', 'async') },
  { requiredKeys: [] },
);

/** A diagram with figures on some of its nodes and edges and a load. */
export const inputArb: fc.Arbitrary<AnalysisInput> = diagramArb.chain((diagram) =>
  fc
    .record({
      nodeFigures: fc.array(fc.option(nodeFiguresArb), { minLength: diagram.nodes.length, maxLength: diagram.nodes.length }),
      edgeFigures: fc.array(fc.option(edgeFiguresArb), { minLength: diagram.edges.length, maxLength: diagram.edges.length }),
      totalRps: fc.integer({ min: 0, max: 50_000 }),
    })
    .map(({ nodeFigures, edgeFigures, totalRps }) => {
      const nodes: Record<string, Partial<NodeFigures>> = {};
      nodeFigures.forEach((f, i) => {
        if (f !== null) nodes[diagram.nodes[i]!.id] = f;
      });
      const edges: Record<string, EdgeFigures> = {};
      edgeFigures.forEach((f, i) => {
        if (f !== null) edges[diagram.edges[i]!.id] = f;
      });
      return { diagram, totalRps, figures: { nodes, edges } };
    }),
);
