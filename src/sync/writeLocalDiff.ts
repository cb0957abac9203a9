/**
 * From the editor's diffs to the shared Yjs document: one Yjs map per table, each record a plain
 * JSON value under its id, one map for the document's own fields, and one of position keys for
 * the file order (src/model/sync/orderKeys.ts). Called inside a Yjs
 * transaction whose origin marks it as this editor's.
 */
import type * as Y from 'yjs';
import type { DiagramRecords, DocumentDiff, RecordTable, TableDiff } from '../model/recordsDiff';
import { recordsInOrder } from '../model/recordsDiff';
import { sameValue } from '../model/sameValue';
import { orderKeysFor, parseOrderKey } from '../model/sync/orderKeys';
import { ORDER_ROOT, orderKeyOf } from '../model/sync/roomLayout';
import { SYNC_TABLES, type SyncTable } from '../model/syncTables';
import { META_MAP } from './readRemoteChanges';

/** Position keys that make the room list `table`'s records as `order` does (only those that move). */
function writeOrder(ydoc: Y.Doc, table: SyncTable, order: readonly string[]): void {
  const keys = ydoc.getMap<unknown>(ORDER_ROOT);
  const fresh = orderKeysFor(order, (id) => parseOrderKey(keys.get(orderKeyOf(table, id))));
  for (const [id, key] of fresh) keys.set(orderKeyOf(table, id), key);
}

function writeTable(ydoc: Y.Doc, table: SyncTable, diff: TableDiff<{ id: string }>): void {
  const map = ydoc.getMap<unknown>(table);
  for (const id of diff.removed.keys()) {
    map.delete(id);
    ydoc.getMap(ORDER_ROOT).delete(orderKeyOf(table, id));
  }
  for (const [id, record] of diff.added) map.set(id, record);
  for (const [id, [, after]] of diff.updated) map.set(id, after);
  if (diff.order) writeOrder(ydoc, table, diff.order[1]);
}

function writeMeta(map: Y.Map<unknown>, before: object, after: object): void {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  for (const key of new Set([...Object.keys(b), ...Object.keys(a)])) {
    if (sameValue(b[key], a[key])) continue;
    if (a[key] === undefined) map.delete(key);
    else map.set(key, a[key]);
  }
}

export function writeLocalDiff(ydoc: Y.Doc, diff: DocumentDiff): void {
  for (const table of SYNC_TABLES) writeTable(ydoc, table, diff[table] as TableDiff<{ id: string }>);
  if (diff.meta) writeMeta(ydoc.getMap(META_MAP), diff.meta[0], diff.meta[1]);
}

/** Puts the whole document into an empty Yjs document (sharing a diagram). */
export function writeWholeDocument(ydoc: Y.Doc, doc: DiagramRecords): void {
  for (const table of SYNC_TABLES) {
    const map = ydoc.getMap<unknown>(table);
    for (const record of recordsInOrder(doc[table] as RecordTable<{ id: string }>)) map.set(record.id, record);
    writeOrder(ydoc, table, doc[table].order);
  }
  writeMeta(ydoc.getMap(META_MAP), {}, doc.meta);
}
