/**
 * An undo step replayed over a document that others have changed since: only the parts whose
 * "before" side still holds are applied. A record someone else edited, removed or re-added
 * after you keeps their version; the title keeps their title while your change of flow is
 * undone. Alone in a document nothing has moved, and the step applies whole.
 */
import type { DocumentMeta } from './recordsDiff';
import { type DiagramRecords, type DocumentDiff, type RecordTable, type TableDiff } from './recordsDiff';
import { SYNC_TABLES } from './syncTables';
import { sameValue } from './sameValue';

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/**
 * The order after `added` are put back where `target` has them (after their nearest earlier
 * neighbour still present) and `removed` are taken out of the current order.
 */
function mergedOrder(current: readonly string[], target: readonly string[], added: ReadonlySet<string>, removed: ReadonlySet<string>): string[] {
  const out = current.filter((id) => !removed.has(id));
  if (added.size === 0) return out;
  const present = new Set(out);
  let after: string | null = null;
  for (const id of target) {
    if (added.has(id)) {
      const at: number = after === null ? 0 : out.indexOf(after) + 1;
      out.splice(at, 0, id);
      present.add(id);
      after = id;
    } else if (present.has(id)) {
      after = id;
    }
  }
  return out;
}

function rebaseTable<R extends { id: string }>(table: RecordTable<R>, diff: TableDiff<R>): TableDiff<R> {
  if (diff.added.size === 0 && diff.updated.size === 0 && diff.removed.size === 0 && diff.order === undefined) return diff;
  const added = new Map<string, R>();
  const updated = new Map<string, readonly [R, R]>();
  const removed = new Map<string, R>();
  for (const [id, record] of diff.added) if (!table.byId.has(id)) added.set(id, record);
  for (const [id, [before, after]] of diff.updated) {
    const current = table.byId.get(id);
    if (current !== undefined && sameValue(current, before)) updated.set(id, [current, after]);
  }
  for (const [id, record] of diff.removed) {
    const current = table.byId.get(id);
    if (current !== undefined && sameValue(current, record)) removed.set(id, current);
  }
  const out: TableDiff<R> = { added, updated, removed };
  if (!diff.order) return out;
  // The step's order fits only when every record it adds or removes still is: an undone add
  // whose record someone else changed since stays, and so must its place in the order.
  const whole = added.size === diff.added.size && removed.size === diff.removed.size;
  if (whole && sameOrder(table.order, diff.order[0])) return { ...out, order: [table.order, diff.order[1]] };
  // Others added or removed records meanwhile: keep their order, put ours back where they were.
  // A pure reordering of ours over theirs is dropped (theirs is the newer).
  if (added.size === 0 && removed.size === 0) return out;
  const order = mergedOrder(table.order, diff.order[1], new Set(added.keys()), new Set(removed.keys()));
  return { ...out, order: [table.order, order] };
}

function rebaseMeta(current: DocumentMeta, [before, after]: readonly [DocumentMeta, DocumentMeta]): DocumentMeta | undefined {
  const out: Record<string, unknown> = { ...current };
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    const b = (before as unknown as Record<string, unknown>)[key];
    const a = (after as unknown as Record<string, unknown>)[key];
    if (!sameValue((current as unknown as Record<string, unknown>)[key], b)) continue;
    if (a === undefined) delete out[key];
    else out[key] = a;
  }
  return sameValue(out, current) ? undefined : (out as unknown as DocumentMeta);
}

/** The part of `diff` that still applies to `doc`, with `doc`'s records as its "before" side. */
export function rebaseDiff(doc: DiagramRecords, diff: DocumentDiff): DocumentDiff {
  const out: Record<string, unknown> = {};
  for (const name of SYNC_TABLES) {
    out[name] = rebaseTable(doc[name] as RecordTable<{ id: string }>, diff[name] as TableDiff<{ id: string }>);
  }
  const meta = diff.meta ? rebaseMeta(doc.meta, diff.meta) : undefined;
  if (meta !== undefined) out.meta = [doc.meta, meta];
  return out as unknown as DocumentDiff;
}
