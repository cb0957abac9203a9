/**
 * The layout service's contract, shared by the Node adapter, the worker and the client. Types
 * only: importing this file never pulls elkjs into a bundle.
 */
import type { Diagram, LayoutDirection, Size } from '../model/diagram';

/** The one ELK method the adapter needs, so a worker-backed or fake ELK can stand in. */
export interface ElkLike {
  layout(graph: ElkGraphNode): Promise<ElkGraphNode>;
}

/** The subset of elkjs's JSON graph the adapter writes and reads. */
export interface ElkGraphNode {
  id: string;
  x?: number;
  y?: number;
  width?: number;
  height?: number;
  layoutOptions?: Record<string, string>;
  children?: ElkGraphNode[];
  edges?: ElkGraphEdge[];
}

export interface ElkGraphEdge {
  id: string;
  sources: string[];
  targets: string[];
  sections?: { startPoint: ElkPointLike; endPoint: ElkPointLike; bendPoints?: ElkPointLike[] }[];
}

export interface ElkPointLike {
  x: number;
  y: number;
}

export interface LayoutOptions {
  /** Overrides the file's saved direction, which overrides the flow's default. */
  direction?: LayoutDirection;
  /** Rendered sizes by node id; a node without one uses its `size`, else its kind's default. */
  sizes?: ReadonlyMap<string, Size>;
  /** Defaults to a shared elkjs instance (Node only; the worker passes its own). */
  elk?: ElkLike;
}

export type LayoutErrorCode = 'failed' | 'timeout' | 'superseded' | 'too-large';

export type LayoutOutcome =
  | { ok: true; diagram: Diagram; direction: LayoutDirection }
  | { ok: false; error: { code: LayoutErrorCode; message: string } };

/** What can cross into the worker: everything but the ELK instance. */
export type WorkerLayoutOptions = Omit<LayoutOptions, 'elk'>;

export interface LayoutRequest {
  id: number;
  diagram: Diagram;
  options: WorkerLayoutOptions;
}

export interface LayoutResponse {
  id: number;
  outcome: LayoutOutcome;
}

export function layoutFailure(code: LayoutErrorCode, message: string): LayoutOutcome {
  return { ok: false, error: { code, message } };
}
