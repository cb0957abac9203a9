/**
 * The diagram document: what is saved, shared and validated. Session state (selection,
 * viewport, open panels) never lives here.
 *
 * Each record's type comes from its schema in `records/` (one definition of the type, its parse,
 * its defaults and its saved fields); this module gathers them under the names the rest of the
 * app uses, with the file format's name and version and the parse result types.
 */
export type { Point, Size } from './records/geometry';
export type { DiagramNode } from './records/node';
export type { DiagramEdge } from './records/edge';
export type { ComponentFigures } from './records/node';
export type { EdgeMode } from './records/edge';
export { EDGE_MODES } from './records/edge';
export type { DiagramLayout, DocumentMeta, Flow, LayoutDirection, LoadSettings, ScaleRequirements } from './records/documentMeta';
export { FLOWS, LAYOUT_DIRECTIONS } from './records/documentMeta';
export type { DiagramRequirement, Priority } from './records/requirement';
export { PRIORITIES } from './records/requirement';
export type { DiagramEndpoint, EndpointMethod } from './records/endpoint';
export { ENDPOINT_METHODS } from './records/endpoint';
export type { DiagramEntity, EntityField } from './records/entity';
export type { DiagramPath } from './records/requestPath';
export type { DiagramNote, NoteColor } from './records/note';
export { NOTE_COLORS } from './records/note';
export type { Diagram } from './records/diagramRecord';
import type { Diagram } from './records/diagramRecord';

export const FORMAT_NAME = 'archflow';
/** Version 2 holds version 1's fields; "The design, not just the drawing" adds its new ones. */
export const CURRENT_VERSION = 2;

/** The on-disk shape of the current version. */
export interface DiagramFile extends Diagram {
  format: typeof FORMAT_NAME;
  version: typeof CURRENT_VERSION;
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
