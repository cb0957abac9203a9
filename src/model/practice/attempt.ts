/**
 * What the rubric reads: a diagram with the design records of "The design, not just the
 * drawing" (requirements, endpoints, entities, paths, meta.scale) and the capacity figures of
 * issue 13 on nodes and edges. Typed structurally so any `Diagram` fits, whatever records it holds.
 */
import type { NodeFigures } from '../analysis/figures';
import type { AnalysisInput, EdgeFigures } from '../analysis/figures';
import type { Diagram } from '../diagram';
import type { ScaleFigures } from './estimate';

export interface AttemptRequirement { id: string; text: string; priority?: string }
export interface AttemptEndpoint { id: string; node: string; method: string; path: string; requirements?: readonly string[] }
export interface AttemptEntity { id: string; node: string; name: string; fields: readonly { name: string; primaryKey?: boolean; partitionKey?: boolean }[] }
export interface AttemptPath { id: string; name?: string; requirement?: string; endpoint?: string; steps: readonly string[] }

export type AttemptDesign = Diagram & {
  scale?: ScaleFigures;
  requirements?: readonly AttemptRequirement[];
  endpoints?: readonly AttemptEndpoint[];
  entities?: readonly AttemptEntity[];
  paths?: readonly AttemptPath[];
};

interface WithFigures { figures?: Partial<NodeFigures> & { rps?: number } }
type EdgeWithFigures = EdgeFigures;

/** The capacity model's input for a design at a given total load: its own figures on nodes and edges. */
export function analysisInputOf(design: Diagram, totalRps: number, down: readonly string[] = []): AnalysisInput {
  const nodes: Record<string, Partial<NodeFigures>> = {};
  for (const node of design.nodes) {
    const figures = (node as WithFigures).figures;
    if (figures) nodes[node.id] = figures;
  }
  const edges: Record<string, EdgeFigures> = {};
  for (const edge of design.edges) {
    const { share, mode, latencyMs } = edge as EdgeWithFigures;
    if (share !== undefined || mode !== undefined || latencyMs !== undefined) {
      edges[edge.id] = { ...(share !== undefined ? { share } : {}), ...(mode !== undefined ? { mode } : {}), ...(latencyMs !== undefined ? { latencyMs } : {}) };
    }
  }
  return { diagram: design, totalRps, figures: { nodes, edges }, down };
}
