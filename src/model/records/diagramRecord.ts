/**
 * The whole document as the current file version holds it: the document's own fields, then its
 * nodes and edges, then the design records (requirements, endpoints, entities, request paths,
 * notes), each list left out when empty so a version 1 file gains nothing. Checks that look across records (ids, references, group nesting) are a
 * separate pass, `checkReferences.ts`, run once every record has parsed.
 */
import { LIMITS } from '../limits';
import { DOCUMENT_META_SHAPE } from './documentMeta';
import { EdgeRecord } from './edge';
import type { z } from './fields';
import { list, record, withoutUndefined } from './fields';
import { NodeRecord } from './node';
import { EndpointRecord } from './endpoint';
import { EntityRecord } from './entity';
import { NoteRecord } from './note';
import { PathRecord } from './requestPath';
import { RequirementRecord } from './requirement';

/** A list of design records that may be absent; an empty one is the same as none. */
function designList<Item extends z.ZodType>(item: Item, limit: { max: number; what: string }) {
  return list(item, limit)
    .transform((items) => (items.length > 0 ? items : undefined))
    .optional();
}

/** The shape, in the order a file writes the fields (after `format` and `version`). */
export const DIAGRAM_SHAPE = {
  ...DOCUMENT_META_SHAPE,
  nodes: list(NodeRecord, { max: LIMITS.maxNodes, what: 'nodes' }),
  edges: list(EdgeRecord, { max: LIMITS.maxEdges, what: 'edges' }),
  requirements: designList(RequirementRecord, { max: LIMITS.maxRequirements, what: 'requirements' }),
  endpoints: designList(EndpointRecord, { max: LIMITS.maxDesignRecords, what: 'endpoints' }),
  entities: designList(EntityRecord, { max: LIMITS.maxDesignRecords, what: 'entities' }),
  paths: designList(PathRecord, { max: LIMITS.maxDesignRecords, what: 'request paths' }),
  notes: designList(NoteRecord, { max: LIMITS.maxDesignRecords, what: 'notes' }),
};

export const DiagramRecord = record(DIAGRAM_SHAPE).overwrite(withoutUndefined);

export type Diagram = z.output<typeof DiagramRecord>;
