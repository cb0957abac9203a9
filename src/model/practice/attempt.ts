/**
 * What the rubric reads: a diagram with the design records of "The design, not just the
 * drawing" (requirements, endpoints, entities, paths, meta.scale) and the capacity figures of
 * issue 13 on nodes and edges (read by `analysisInputOf`, src/model/analysis/analysisInput.ts).
 * Typed structurally so any `Diagram` fits, whatever records it holds.
 */
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
