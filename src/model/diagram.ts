/**
 * The diagram document: what is saved, shared and validated. Session state (selection,
 * viewport, open panels) never lives here.
 */
import type { Role } from './catalog';

export type Flow = 'bottom-up' | 'top-down';
export const FLOWS: readonly Flow[] = ['bottom-up', 'top-down'];

/** Direction the edges point after auto layout. `auto` follows the flow. */
export type LayoutDirection = 'up' | 'down' | 'left' | 'right';
export const LAYOUT_DIRECTIONS: readonly LayoutDirection[] = ['up', 'down', 'left', 'right'];

export interface Point {
  x: number;
  y: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface DiagramNode {
  id: string;
  kind: string;
  label: string;
  /** Relative to the parent group when `parent` is set. */
  position?: Point;
  /** Overrides the kind's role. `group` is only valid for the group kind. */
  role?: Role;
  /** Id of a group node. */
  parent?: string;
  size?: Size;
  tech?: string;
  notes?: string;
}

export interface DiagramEdge {
  id: string;
  source: string;
  target: string;
  label?: string;
  protocol?: string;
  bidirectional?: boolean;
  /**
   * Bend points from the last auto layout, in absolute canvas coordinates. Dropped as soon as
   * either end moves, so the edge falls back to its normal path.
   */
  route?: Point[];
}

export interface DiagramLayout {
  direction?: LayoutDirection;
}

export interface Diagram {
  title: string;
  flow: Flow;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  layout?: DiagramLayout;
}

export const FORMAT_NAME = 'archflow';
export const CURRENT_VERSION = 1;

/** The on-disk shape of the current version. */
export interface DiagramFileV1 extends Diagram {
  format: typeof FORMAT_NAME;
  version: 1;
}

export function emptyDiagram(title = 'Untitled diagram'): Diagram {
  return { title, flow: 'bottom-up', nodes: [], edges: [] };
}

/** Why a piece of untrusted input was refused. `path` names the place, e.g. `edges[3].target`. */
export type DiagramErrorCode =
  | 'empty'
  | 'too-large'
  | 'not-json'
  | 'not-archflow'
  | 'newer-version'
  | 'bad-version'
  | 'invalid'
  | 'limit';

export interface DiagramError {
  code: DiagramErrorCode;
  /** Where in the document, '' for the whole input. */
  path: string;
  /** One sentence a person can act on, already including the path. */
  message: string;
}

export type ParseResult<T> =
  | { ok: true; value: T; notices: string[] }
  | { ok: false; error: DiagramError };
