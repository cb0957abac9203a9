/**
 * An entity (a table, collection or key space) a datastore-role component holds: its fields
 * with their keys, and the endpoints that read or write it.
 */
import { LIMITS } from '../limits';
import type { z } from './fields';
import { flag, id, list, record, text, withoutUndefined } from './fields';
import { idList } from './idList';

function name() {
  return text(LIMITS.maxLabelLength).refine((value) => value !== '', { error: 'must not be empty' });
}

export const ENTITY_FIELD_SHAPE = {
  name: name(),
  /** As the user writes it: `string`, `uuid`, `timestamp`, `bigint`… */
  type: text(LIMITS.maxLabelLength),
  primaryKey: flag(),
  partitionKey: flag(),
  indexed: flag(),
};

export const EntityFieldRecord = record(ENTITY_FIELD_SHAPE).overwrite(withoutUndefined);
export type EntityField = z.output<typeof EntityFieldRecord>;

/** The shape, in the order a file writes the fields. */
export const ENTITY_SHAPE = {
  id: id(),
  /** The datastore that holds it. */
  node: id(),
  name: name(),
  fields: list(EntityFieldRecord, { max: LIMITS.maxListItems, what: 'fields' }),
  /** Ids of the endpoints that read or write it. */
  endpoints: idList('endpoint ids'),
};

/** Fields that hold a node's id. */
export const ENTITY_NODE_REFERENCES = ['node'] as const;

export const EntityRecord = record(ENTITY_SHAPE).overwrite(withoutUndefined);
export type DiagramEntity = z.output<typeof EntityRecord>;
