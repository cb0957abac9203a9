/**
 * Records arriving from other editors are untrusted input, like files: each goes through its
 * table's record schema (src/model/records/), the same one a file's records go through. A record
 * that does not parse is refused with a message naming it, never applied.
 */
import type { ParseResult } from '../model/diagram';
import { LIMITS } from '../model/limits';
import { quoteText, refusal } from '../model/plainData';
import { DocumentMetaRecord, type DocumentMeta } from '../model/records/documentMeta';
import { EdgeRecord } from '../model/records/edge';
import { EndpointRecord } from '../model/records/endpoint';
import { EntityRecord } from '../model/records/entity';
import { NodeRecord } from '../model/records/node';
import { NoteRecord } from '../model/records/note';
import { parseRecord } from '../model/records/parseRecord';
import { PathRecord } from '../model/records/requestPath';
import { RequirementRecord } from '../model/records/requirement';
import type { RecordOf } from '../model/recordsDiff';
import type { SyncTable } from '../model/syncTables';

const SCHEMAS = {
  nodes: NodeRecord,
  edges: EdgeRecord,
  requirements: RequirementRecord,
  endpoints: EndpointRecord,
  entities: EntityRecord,
  paths: PathRecord,
  notes: NoteRecord,
} as const satisfies Record<SyncTable, unknown>;

/** How many records a table may hold, as for a file. */
export const TABLE_LIMITS: Record<SyncTable, number> = {
  nodes: LIMITS.maxNodes,
  edges: LIMITS.maxEdges,
  requirements: LIMITS.maxRequirements,
  endpoints: LIMITS.maxDesignRecords,
  entities: LIMITS.maxDesignRecords,
  paths: LIMITS.maxDesignRecords,
  notes: LIMITS.maxDesignRecords,
};

export type RemoteRecord<T extends SyncTable> = RecordOf<T>;

/** The record stored under `id` in `table`, parsed; refused when it does not parse or names another id. */
export function parseRemoteRecord<T extends SyncTable>(table: T, id: string, value: unknown): ParseResult<RemoteRecord<T>> {
  const place = `${table}[${quoteText(id.slice(0, LIMITS.maxIdLength))}]`;
  const parsed = parseRecord(SCHEMAS[table], value, place) as ParseResult<RemoteRecord<T>>;
  if (parsed.ok && parsed.value.id !== id) return refusal('invalid', `${place}.id`, 'does not match the id it is stored under');
  return parsed;
}

/** The document's own fields after `changes` (field → value, undefined = removed), when they parse. */
export function parseRemoteMeta(current: DocumentMeta, changes: ReadonlyMap<string, unknown>): ParseResult<DocumentMeta> {
  const candidate: Record<string, unknown> = { ...current };
  for (const [key, value] of changes) {
    if (value === undefined) delete candidate[key];
    else candidate[key] = value;
  }
  return parseRecord(DocumentMetaRecord, candidate, 'meta');
}
