/**
 * From a merged Yjs document to the editor's document. What an editor shows is a function of the
 * room alone: every record of the room parsed (src/sync/parseRemoteRecord.ts), put in the
 * editor's normal form, and settled so that the diagram holds together
 * (src/sync/settleReferences.ts), in the order of the room's position keys
 * (src/model/sync/orderKeys.ts). Every editor reads the same room the same way, after others'
 * changes and after its own, so all of them show the same diagram, and a record mended for
 * display (a name dropped from a list) is never written back: the room keeps what was written,
 * and the name comes back when what it names does. The result is one diff against the editor's
 * document. Pure apart from reading the Yjs maps: runs in Node for the tests.
 */
import type * as Y from 'yjs';
import { emptyDiagram, type Diagram, type DocumentMeta } from '../model/diagram';
import { parseOrderKey, sortByOrderKeys } from '../model/sync/orderKeys';
import { META_ROOT, ORDER_ROOT, orderKeyOf } from '../model/sync/roomLayout';
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

type ParsedEntry = { ok: true; record: { id: string } } | { ok: false; message: string };

/** What a binding keeps between reads, so that an unchanged room costs no parsing or comparing. */
export interface RemoteReadState {
  /** Parsed records by the Yjs value they came from: an unchanged record is parsed once. */
  parsed: WeakMap<object, ParsedEntry>;
  /** A shown record found equal to the editor's own copy: compared once. */
  same: WeakMap<object, object>;
}

export function createRemoteReadState(): RemoteReadState {
  return { parsed: new WeakMap(), same: new WeakMap() };
}

/** The editor's normal form (documentSlice.ts): what a record looks like once the editor holds it. */
function normal(table: TableName, record: { id: string }): { id: string } {
  if (table === 'nodes') return normalNode(record as RecordOf<'nodes'>);
  if (table === 'edges') return normalEdge(record as RecordOf<'edges'>);
  return record;
}

function readRecord(state: RemoteReadState, table: TableName, id: string, value: unknown, report: (message: string) => void): { id: string } | null {
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
  return entry.record;
}

/**
 * One table of the room as records. A record that does not parse is shown as the editor has it
 * (or not at all); past the table's limit, the records the editor already has come first.
 */
function readTable(ydoc: Y.Doc, table: TableName, current: ReadonlyMap<string, { id: string }>, state: RemoteReadState, report: (message: string) => void): Map<string, { id: string }> {
  const records = new Map<string, { id: string }>();
  ydoc.getMap<unknown>(table).forEach((value, id) => {
    const record = readRecord(state, table, id, value, report);
    const shown = record ?? current.get(id);
    if (shown !== undefined) records.set(id, shown);
  });
  const limit = TABLE_LIMITS[table];
  if (records.size <= limit) return records;
  report(`${table}: more than ${limit.toLocaleString('en')} records; the rest were not added`);
  const ids = [...records.keys()].sort((x, y) => Number(current.has(y)) - Number(current.has(x)) || (x < y ? -1 : x > y ? 1 : 0));
  for (const id of ids.slice(limit)) records.delete(id);
  return records;
}

/** The room's own fields; a field that does not parse keeps the editor's value. */
function readMeta(ydoc: Y.Doc, meta: DocumentMeta, report: (message: string) => void): DocumentMeta {
  const map = ydoc.getMap<unknown>(META_MAP);
  const fields = new Map<string, unknown>();
  for (const key of new Set([...Object.keys(meta), ...map.keys()])) fields.set(key, map.get(key));
  const whole = parseRemoteMeta(meta, fields);
  if (whole.ok) return sameValue(whole.value, meta) ? meta : whole.value;
  let next = meta;
  for (const [key, value] of fields) {
    const parsed = parseRemoteMeta(next, new Map([[key, value]]));
    if (parsed.ok) next = parsed.value;
    else report(parsed.error.message);
  }
  return sameValue(next, meta) ? meta : next;
}

/**
 * The room's order of the records shown: the editor's order where the keys agree with it (and
 * then no sorting), records new to the editor placed by their keys.
 */
function readOrder(ydoc: Y.Doc, table: TableName, order: readonly string[], shown: ReadonlyMap<string, unknown>): readonly string[] {
  const keys = ydoc.getMap<unknown>(ORDER_ROOT);
  const present = new Set<string>();
  const ids: string[] = [];
  for (const id of order) {
    if (!shown.has(id)) continue;
    ids.push(id);
    present.add(id);
  }
  for (const id of shown.keys()) if (!present.has(id)) ids.push(id);
  const out = sortByOrderKeys(ids, (id) => parseOrderKey(keys.get(orderKeyOf(table, id))));
  return out.length === order.length && out.every((id, i) => id === order[i]) ? order : out;
}

/** The ids a diff touches in `table`. */
function touched(diff: DocumentDiff, table: TableName): Iterable<string> {
  const d = diff[table];
  return [...d.added.keys(), ...d.updated.keys(), ...d.removed.keys()];
}

export interface ReadOptions {
  /** This editor's changes not in the room yet (a drag still moving), shown as the editor has them until they are sent. */
  unsent?: DocumentDiff | null;
  /** False when no position key changed since `doc` was read: the order is then read only for tables whose records came or went. */
  keysMoved?: boolean;
}

/** The diff that brings `doc` to what the room shows. */
export function readRemoteChanges(ydoc: Y.Doc, doc: DiagramRecords, state: RemoteReadState, report: (message: string) => void, options: ReadOptions = {}): DocumentDiff {
  const { unsent = null, keysMoved = true } = options;
  const input = {} as Record<TableName, Map<string, { id: string }>>;
  for (const table of DOCUMENT_TABLES) {
    const current = doc[table].byId as ReadonlyMap<string, { id: string }>;
    const records = readTable(ydoc, table, current, state, report);
    if (unsent) {
      for (const id of touched(unsent, table)) {
        const mine = current.get(id);
        if (mine === undefined) records.delete(id);
        else records.set(id, mine);
      }
    }
    input[table] = records;
  }
  const settled = settleReferences(input as unknown as Tables);
  const change: Record<string, unknown> = {};
  for (const table of DOCUMENT_TABLES) {
    const current = doc[table].byId as ReadonlyMap<string, { id: string }>;
    const shown = settled.tables[table] as Map<string, { id: string }>;
    const put: { id: string }[] = [];
    const remove: string[] = [];
    for (const [id, record] of shown) {
      const mine = current.get(id);
      if (mine === record || (mine !== undefined && state.same.get(record) === mine)) continue;
      if (mine !== undefined && sameValue(mine, record)) {
        state.same.set(record, mine);
        continue;
      }
      put.push(record);
    }
    for (const id of current.keys()) if (!shown.has(id)) remove.push(id);
    const cameOrWent = remove.length > 0 || put.some((record) => !current.has(record.id));
    const order = unsent?.[table].order || !(keysMoved || cameOrWent) ? undefined : readOrder(ydoc, table, doc[table].order, shown);
    if (put.length > 0 || remove.length > 0 || (order !== undefined && order !== doc[table].order)) {
      change[table] = { put, remove, ...(order ? { order } : {}) } satisfies TableChange<{ id: string }>;
    }
  }
  const meta = unsent?.meta ? doc.meta : readMeta(ydoc, doc.meta, report);
  if (meta !== doc.meta) change.meta = meta;
  return diffOf(doc, change as DocumentChange);
}

/** The merged document as a diagram, read the way remote changes are (joining a room). */
export function readWholeDocument(ydoc: Y.Doc, state: RemoteReadState, report: (message: string) => void): Diagram {
  const empty = recordsFromDiagram(emptyDiagram());
  return diagramFromRecords(applyDiff(empty, readRemoteChanges(ydoc, empty, state, report)));
}
