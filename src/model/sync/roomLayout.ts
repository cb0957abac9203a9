/**
 * The shape of a live room's Y.Doc, shared by the browser binding and the sync server
 * (docs/sync-protocol.md): one root Y.Map per document table named as the table, plus `meta`
 * (the document's own fields), `order` (file order) and `session` (shared practice state).
 * Values are plain JSON; the server refuses updates that create any other root.
 */
import { DOCUMENT_TABLES } from '../recordsDiff';

export const META_ROOT = 'meta';
export const ORDER_ROOT = 'order';
export const SESSION_ROOT = 'session';

/** Every root type a room may hold, each a Y.Map. */
export const ROOM_ROOTS: readonly string[] = [META_ROOT, ...DOCUMENT_TABLES, ORDER_ROOT, SESSION_ROOT];

/** The `order` map's key for a record: the table, a slash, the id. */
export function orderKeyOf(table: string, id: string): string {
  return `${table}/${id}`;
}
