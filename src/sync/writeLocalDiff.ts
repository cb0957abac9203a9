/**
 * From the editor's diffs to the shared Yjs document: one Yjs map per table, each record a plain
 * JSON value under its id, and one map for the document's own fields. Called inside a Yjs
 * transaction whose origin marks it as this editor's.
 */
import type * as Y from 'yjs';
import type { DiagramRecords, DocumentDiff, RecordTable, TableDiff } from '../model/recordsDiff';
import { recordsInOrder } from '../model/recordsDiff';
import { sameValue } from '../model/sameValue';
import { SYNC_TABLES } from '../model/syncTables';
import { META_MAP } from './readRemoteChanges';

function writeTable(map: Y.Map<unknown>, diff: TableDiff<{ id: string }>): void {
  for (const id of diff.removed.keys()) map.delete(id);
  for (const [id, record] of diff.added) map.set(id, record);
  for (const [id, [, after]] of diff.updated) map.set(id, after);
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
  for (const table of SYNC_TABLES) writeTable(ydoc.getMap(table), diff[table] as TableDiff<{ id: string }>);
  if (diff.meta) writeMeta(ydoc.getMap(META_MAP), diff.meta[0], diff.meta[1]);
}

/** Puts the whole document into an empty Yjs document (sharing a diagram). */
export function writeWholeDocument(ydoc: Y.Doc, doc: DiagramRecords): void {
  for (const table of SYNC_TABLES) {
    const map = ydoc.getMap<unknown>(table);
    for (const record of recordsInOrder(doc[table] as RecordTable<{ id: string }>)) map.set(record.id, record);
  }
  writeMeta(ydoc.getMap(META_MAP), {}, doc.meta);
}
