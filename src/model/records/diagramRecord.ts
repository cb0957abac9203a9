/**
 * The whole document as the current file version holds it: the document's own fields, then its
 * nodes and edges. Checks that look across records (ids, references, group nesting) are a
 * separate pass, `checkReferences.ts`, run once every record has parsed.
 */
import { LIMITS } from '../limits';
import { DOCUMENT_META_SHAPE } from './documentMeta';
import { EdgeRecord } from './edge';
import type { z } from './fields';
import { list, record, withoutUndefined } from './fields';
import { NodeRecord } from './node';

/** The shape, in the order a file writes the fields (after `format` and `version`). */
export const DIAGRAM_SHAPE = {
  ...DOCUMENT_META_SHAPE,
  nodes: list(NodeRecord, { max: LIMITS.maxNodes, what: 'nodes' }),
  edges: list(EdgeRecord, { max: LIMITS.maxEdges, what: 'edges' }),
};

export const DiagramRecord = record(DIAGRAM_SHAPE).overwrite(withoutUndefined);

export type Diagram = z.output<typeof DiagramRecord>;
