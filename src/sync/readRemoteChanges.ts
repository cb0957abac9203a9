/**
 * From a merged Yjs document to the editor's document: the records other editors changed are
 * parsed (src/sync/parseRemoteRecord.ts), put in the editor's normal form, and settled so that
 * the diagram holds together (src/sync/settleReferences.ts). The result is one diff against the
 * editor's document. Pure apart from reading the Yjs maps: runs in Node for the tests.
 */
import type * as Y from 'yjs';
import { emptyDiagram, type Diagram, type DiagramEdge, type DiagramNode, type DocumentMeta } from '../model/diagram';
import {
  applyDiff,
  diagramFromRecords,
  diffOf,
  recordsFromDiagram,
  type DiagramRecords,
  type DocumentDiff,
  type TableChange,
} from '../model/recordsDiff';
import { sameValue } from '../model/sameValue';
import { SYNC_TABLES, type SyncTable } from '../model/syncTables';
import { normalEdge, normalNode } from '../store/documentSlice';
import { parseRemoteMeta, parseRemoteRecord, TABLE_LIMITS, type RemoteRecord } from './parseRemoteRecord';
import { settleReferences } from './settleReferences';

/** The Yjs map that holds the document's own fields (title, flow, layout…). */
export const META_MAP = 'meta';

/** What changed in one Yjs transaction: record ids per table, field names of the meta. */
export interface RemoteChanges {
  tables: ReadonlyMap<SyncTable, ReadonlySet<string>>;
  meta: ReadonlySet<string>;
}

type ParsedEntry = { ok: true; record: { id: string } } | { ok: false; message: string };

/** What a binding keeps between transactions. */
export interface RemoteReadState {
  /** Parsed records by the Yjs value they came from: an unchanged record is parsed once. */
  parsed: WeakMap<object, ParsedEntry>;
  /** Connections in the merged document whose ends are missing, so not shown. */
  heldBack: Set<string>;
}

export function createRemoteReadState(): RemoteReadState {
  return { parsed: new WeakMap(), heldBack: new Set() };
}

const NORMAL = {
  nodes: (r: DiagramNode) => normalNode(r),
  edges: (r: DiagramEdge) => normalEdge(r),
} as { [T in SyncTable]: (r: RemoteRecord<T>) => RemoteRecord<T> };

function readRecord<T extends SyncTable>(
  state: RemoteReadState,
  table: T,
  id: string,
  value: unknown,
  report: (message: string) => void,
): RemoteRecord<T> | null {
  const cacheable = typeof value === 'object' && value !== null;
  let entry: ParsedEntry | undefined = cacheable ? state.parsed.get(value) : undefined;
  if (entry === undefined) {
    const parsed = parseRemoteRecord(table, id, value);
    entry = parsed.ok ? { ok: true, record: NORMAL[table](parsed.value) } : { ok: false, message: parsed.error.message };
    if (cacheable) state.parsed.set(value, entry);
  }
  if (!entry.ok) {
    report(entry.message);
    return null;
  }
  return entry.record as RemoteRecord<T>;
}

/**
 * The diff that brings `doc` up to the merged document's `changes`. A record that does not parse
 * is left as the editor has it and reported; one beyond a table's limit is not added.
 */
export function readRemoteChanges(
  ydoc: Y.Doc,
  doc: DiagramRecords,
  changes: RemoteChanges,
  state: RemoteReadState,
  report: (message: string) => void,
): DocumentDiff {
  const change: { meta?: DocumentMeta; nodes: { put: DiagramNode[]; remove: string[] }; edges: { put: DiagramEdge[]; remove: string[] } } = {
    nodes: { put: [], remove: [] },
    edges: { put: [], remove: [] },
  };
  for (const table of SYNC_TABLES) {
    const ids = changes.tables.get(table);
    if (!ids) continue;
    const map = ydoc.getMap<unknown>(table);
    const current = doc[table].byId as ReadonlyMap<string, RemoteRecord<typeof table>>;
    const into = change[table] as { put: RemoteRecord<typeof table>[]; remove: string[] };
    let size = current.size;
    for (const id of ids) {
      const value = map.get(id);
      if (value === undefined) {
        if (table === 'edges') state.heldBack.delete(id);
        if (current.has(id)) {
          into.remove.push(id);
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
      into.put.push(record);
    }
  }
  if (changes.meta.size > 0) {
    const map = ydoc.getMap<unknown>(META_MAP);
    let meta = doc.meta;
    for (const key of changes.meta) {
      const parsed = parseRemoteMeta(meta, new Map([[key, map.get(key)]]));
      if (parsed.ok) meta = parsed.value;
      else report(parsed.error.message);
    }
    if (!sameValue(meta, doc.meta)) change.meta = meta;
  }
  return settle(ydoc, doc, change, state, report);
}

/** Adds to `change` what the merged document needs to hold together, and makes it a diff. */
function settle(
  ydoc: Y.Doc,
  doc: DiagramRecords,
  change: { meta?: DocumentMeta; nodes: { put: DiagramNode[]; remove: string[] }; edges: { put: DiagramEdge[]; remove: string[] } },
  state: RemoteReadState,
  report: (message: string) => void,
): DocumentDiff {
  const first = applyDiff(doc, diffOf(doc, change));
  const edges = new Map(first.edges.byId);
  const edgeMap = ydoc.getMap<unknown>('edges');
  for (const id of state.heldBack) {
    const value = edgeMap.get(id);
    const record = value === undefined ? null : readRecord(state, 'edges', id, value, report);
    if (record !== null) edges.set(id, record);
  }
  const settled = settleReferences(first.nodes.byId, edges);
  const nodes: TableChange<DiagramNode> = { put: [], remove: change.nodes.remove };
  const put = new Map(change.nodes.put.map((n) => [n.id, n]));
  for (const [id, node] of settled.nodes) if (node !== first.nodes.byId.get(id)) put.set(id, node);
  nodes.put = [...put.values()];
  const edgePut = new Map(change.edges.put.map((e) => [e.id, e]));
  const edgeRemove = new Set(change.edges.remove);
  for (const id of settled.heldBack) {
    edgePut.delete(id);
    if (doc.edges.byId.has(id)) edgeRemove.add(id);
  }
  for (const id of state.heldBack) {
    const edge = settled.edges.get(id);
    if (edge !== undefined && !doc.edges.byId.has(id)) edgePut.set(id, edge);
  }
  state.heldBack = settled.heldBack;
  return diffOf(doc, { meta: change.meta, nodes, edges: { put: [...edgePut.values()], remove: edgeRemove } });
}

/** Every record and field of the merged document, as changes (joining a room). */
export function everything(ydoc: Y.Doc): RemoteChanges {
  const tables = new Map<SyncTable, Set<string>>();
  for (const table of SYNC_TABLES) tables.set(table, new Set(ydoc.getMap(table).keys()));
  return { tables, meta: new Set(ydoc.getMap(META_MAP).keys()) };
}

/** The merged document as a diagram, read the way remote changes are (joining a room). */
export function readWholeDocument(ydoc: Y.Doc, state: RemoteReadState, report: (message: string) => void): Diagram {
  const empty = recordsFromDiagram(emptyDiagram());
  return diagramFromRecords(applyDiff(empty, readRemoteChanges(ydoc, empty, everything(ydoc), state, report)));
}
