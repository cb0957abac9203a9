/**
 * From a merged Yjs document to the editor's document: the records other editors changed are
 * parsed (src/sync/parseRemoteRecord.ts), put in the editor's normal form, and settled so that
 * the diagram holds together (src/sync/settleReferences.ts). The result is one diff against the
 * editor's document. Pure apart from reading the Yjs maps: runs in Node for the tests.
 */
import type * as Y from 'yjs';
import { emptyDiagram, type Diagram, type DocumentMeta } from '../model/diagram';
import { META_ROOT } from '../model/sync/roomLayout';
import {
  applyDiff,
  diagramFromRecords,
  diffOf,
  DOCUMENT_TABLES,
  recordsFromDiagram,
  type DiagramRecords,
  type DocumentChange,
  type DocumentDiff,
  type RecordOf,
  type TableChange,
  type TableName,
} from '../model/recordsDiff';
import { sameValue } from '../model/sameValue';
import { normalEdge, normalNode } from '../store/documentSlice';
import { parseRemoteMeta, parseRemoteRecord, TABLE_LIMITS } from './parseRemoteRecord';
import { settleReferences, type Tables } from './settleReferences';

/** The Yjs map that holds the document's own fields (title, flow, layout…). */
export const META_MAP = META_ROOT;

/** What changed in one Yjs transaction: record ids per table, field names of the meta. */
export interface RemoteChanges {
  tables: ReadonlyMap<TableName, ReadonlySet<string>>;
  meta: ReadonlySet<string>;
}

type ParsedEntry = { ok: true; record: { id: string } } | { ok: false; message: string };

/** What a binding keeps between transactions. */
export interface RemoteReadState {
  /** Parsed records by the Yjs value they came from: an unchanged record is parsed once. */
  parsed: WeakMap<object, ParsedEntry>;
  /** Records of the merged document not shown because what they name is missing. */
  heldBack: { [T in TableName]: Set<string> };
}

export function createRemoteReadState(): RemoteReadState {
  return { parsed: new WeakMap(), heldBack: Object.fromEntries(DOCUMENT_TABLES.map((t) => [t, new Set<string>()])) as RemoteReadState['heldBack'] };
}

/** The editor's normal form (documentSlice.ts): what a record looks like once the editor holds it. */
function normal(table: TableName, record: { id: string }): { id: string } {
  if (table === 'nodes') return normalNode(record as RecordOf<'nodes'>);
  if (table === 'edges') return normalEdge(record as RecordOf<'edges'>);
  return record;
}

function readRecord<T extends TableName>(state: RemoteReadState, table: T, id: string, value: unknown, report: (message: string) => void): RecordOf<T> | null {
  const cacheable = typeof value === 'object' && value !== null;
  let entry: ParsedEntry | undefined = cacheable ? state.parsed.get(value) : undefined;
  if (entry === undefined) {
    const parsed = parseRemoteRecord(table, id, value);
    entry = parsed.ok ? { ok: true, record: normal(table, parsed.value) } : { ok: false, message: parsed.error.message };
    if (cacheable) state.parsed.set(value, entry);
  }
  if (!entry.ok) {
    report(entry.message);
    return null;
  }
  return entry.record as RecordOf<T>;
}

type Puts = { [T in TableName]: { put: Map<string, RecordOf<T>>; remove: Set<string> } };

/**
 * The diff that brings `doc` up to the merged document's `changes`. A record that does not parse
 * is left as the editor has it and reported; one beyond a table's limit is not added.
 */
export function readRemoteChanges(ydoc: Y.Doc, doc: DiagramRecords, changes: RemoteChanges, state: RemoteReadState, report: (message: string) => void): DocumentDiff {
  const puts = Object.fromEntries(DOCUMENT_TABLES.map((t) => [t, { put: new Map(), remove: new Set() }])) as unknown as Puts;
  for (const table of DOCUMENT_TABLES) {
    const ids = changes.tables.get(table);
    if (!ids) continue;
    const map = ydoc.getMap<unknown>(table);
    const current = doc[table].byId as ReadonlyMap<string, { id: string }>;
    const into = puts[table] as { put: Map<string, { id: string }>; remove: Set<string> };
    let size = current.size;
    for (const id of ids) {
      const value = map.get(id);
      if (value === undefined) {
        state.heldBack[table].delete(id);
        if (current.has(id)) {
          into.remove.add(id);
          size--;
        }
        continue;
      }
      const record = readRecord(state, table, id, value, report);
      if (record === null) continue;
      const before = current.get(id);
      if (before === undefined) {
        if (size >= TABLE_LIMITS[table]) {
          report(`${table}: more than ${TABLE_LIMITS[table].toLocaleString('en')} records; the rest were not added`);
          continue;
        }
        size++;
      } else if (sameValue(before, record)) {
        continue;
      }
      into.put.set(id, record);
    }
  }
  let meta: DocumentMeta | undefined;
  if (changes.meta.size > 0) {
    const map = ydoc.getMap<unknown>(META_MAP);
    let next = doc.meta;
    for (const key of changes.meta) {
      const parsed = parseRemoteMeta(next, new Map([[key, map.get(key)]]));
      if (parsed.ok) next = parsed.value;
      else report(parsed.error.message);
    }
    if (!sameValue(next, doc.meta)) meta = next;
  }
  return settle(ydoc, doc, puts, meta, state, report);
}

function asChange(puts: Puts, meta: DocumentMeta | undefined): DocumentChange {
  const change: Record<string, unknown> = { meta };
  for (const table of DOCUMENT_TABLES) {
    const { put, remove } = puts[table] as { put: Map<string, { id: string }>; remove: Set<string> };
    if (put.size > 0 || remove.size > 0) change[table] = { put: [...put.values()], remove } satisfies TableChange<{ id: string }>;
  }
  return change as DocumentChange;
}

/** Adds to the change what the merged document needs to hold together, and makes it a diff. */
function settle(ydoc: Y.Doc, doc: DiagramRecords, puts: Puts, meta: DocumentMeta | undefined, state: RemoteReadState, report: (message: string) => void): DocumentDiff {
  const first = applyDiff(doc, diffOf(doc, asChange(puts, meta)));
  const input = {} as Record<TableName, Map<string, { id: string }>>;
  for (const table of DOCUMENT_TABLES) {
    const map = new Map(first[table].byId as ReadonlyMap<string, { id: string }>);
    const ymap = ydoc.getMap<unknown>(table);
    for (const id of state.heldBack[table]) {
      const value = ymap.get(id);
      const record = value === undefined ? null : readRecord(state, table, id, value, report);
      if (record !== null) map.set(id, record);
    }
    input[table] = map;
  }
  const settled = settleReferences(input as unknown as Tables);
  for (const table of DOCUMENT_TABLES) {
    const into = puts[table] as { put: Map<string, { id: string }>; remove: Set<string> };
    const shown = settled.tables[table] as Map<string, { id: string }>;
    const firstById = first[table].byId as ReadonlyMap<string, { id: string }>;
    // Mended records, and records held back until now that hold together again.
    for (const [id, record] of shown) if (record !== firstById.get(id)) into.put.set(id, record);
    for (const id of settled.heldBack[table]) {
      into.put.delete(id);
      if (doc[table].byId.has(id)) into.remove.add(id);
    }
    state.heldBack[table] = settled.heldBack[table];
  }
  return diffOf(doc, asChange(puts, meta));
}

/** Every record and field of the merged document, as changes (joining a room). */
export function everything(ydoc: Y.Doc): RemoteChanges {
  const tables = new Map<TableName, Set<string>>();
  for (const table of DOCUMENT_TABLES) tables.set(table, new Set(ydoc.getMap(table).keys()));
  return { tables, meta: new Set(ydoc.getMap(META_MAP).keys()) };
}

/** The merged document as a diagram, read the way remote changes are (joining a room). */
export function readWholeDocument(ydoc: Y.Doc, state: RemoteReadState, report: (message: string) => void): Diagram {
  const empty = recordsFromDiagram(emptyDiagram());
  return diagramFromRecords(applyDiff(empty, readRemoteChanges(ydoc, empty, everything(ydoc), state, report)));
}
