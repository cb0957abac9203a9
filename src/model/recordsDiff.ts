/**
 * The document as records by id, and every change to it as a diff (tldraw's `RecordsDiff`):
 * records added, updated (before and after) and removed, plus the title, flow and layout. One
 * pure function applies a diff; undo applies its inverse; a drag squashes many into one; the
 * store hands the same diffs to autosave and, later, to the live-collaboration binding.
 *
 * Records are kept in `Map`s, never in plain objects: an id such as "12" would reorder a plain
 * object's keys and "__proto__" would reach its prototype. File order is explicit (`order`), and
 * a diff that adds, removes or moves records carries the order before and after, so applying
 * its inverse gives back exactly the same file.
 */
import type { Diagram, DiagramEdge, DiagramLayout, DiagramNode, Flow } from './diagram';
import { RecordMap } from './recordMap';

/** The document's own fields: what is saved besides its nodes and edges. */
export interface DocumentMeta {
  title: string;
  flow: Flow;
  layout?: DiagramLayout;
}

/** Records of one type by id, in file order. */
export interface RecordTable<R extends { id: string }> {
  readonly byId: ReadonlyMap<string, R>;
  readonly order: readonly string[];
}

/** The document scope: what is saved, shared and undone. */
export interface DiagramRecords {
  readonly meta: DocumentMeta;
  readonly nodes: RecordTable<DiagramNode>;
  readonly edges: RecordTable<DiagramEdge>;
}

export interface TableDiff<R> {
  readonly added: ReadonlyMap<string, R>;
  readonly updated: ReadonlyMap<string, readonly [before: R, after: R]>;
  readonly removed: ReadonlyMap<string, R>;
  /** The file order before and after, present whenever records were added, removed or moved. */
  readonly order?: readonly [before: readonly string[], after: readonly string[]];
}

export interface DocumentDiff {
  readonly meta?: readonly [before: DocumentMeta, after: DocumentMeta];
  readonly nodes: TableDiff<DiagramNode>;
  readonly edges: TableDiff<DiagramEdge>;
}

const NONE = new Map<string, never>() as ReadonlyMap<string, never>;
const EMPTY_TABLE_DIFF: TableDiff<never> = { added: NONE, updated: NONE, removed: NONE };

export function emptyTableDiff<R>(): TableDiff<R> {
  return EMPTY_TABLE_DIFF;
}

export const EMPTY_DIFF: DocumentDiff = { nodes: EMPTY_TABLE_DIFF, edges: EMPTY_TABLE_DIFF };

export function emptyTable<R extends { id: string }>(): RecordTable<R> {
  return { byId: RecordMap.of(), order: [] };
}

function isEmptyTableDiff(d: TableDiff<unknown>): boolean {
  return d.added.size === 0 && d.updated.size === 0 && d.removed.size === 0 && d.order === undefined;
}

export function isEmptyDiff(diff: DocumentDiff): boolean {
  return diff.meta === undefined && isEmptyTableDiff(diff.nodes) && isEmptyTableDiff(diff.edges);
}

function applyTable<R extends { id: string }>(table: RecordTable<R>, diff: TableDiff<R>): RecordTable<R> {
  if (isEmptyTableDiff(diff)) return table;
  const put: [string, R][] = [];
  for (const [id, [, after]] of diff.updated) put.push([id, after]);
  for (const entry of diff.added) put.push(entry);
  // Shares the old table's entries: a drag does not copy every record (see recordMap.ts).
  const byId = RecordMap.from(table.byId).with(put, diff.removed.keys());
  return { byId, order: diff.order ? diff.order[1] : table.order };
}

/** The document after `diff`. Unchanged tables (and records) keep their identity. */
export function applyDiff(doc: DiagramRecords, diff: DocumentDiff): DiagramRecords {
  if (isEmptyDiff(diff)) return doc;
  return {
    meta: diff.meta ? diff.meta[1] : doc.meta,
    nodes: applyTable(doc.nodes, diff.nodes),
    edges: applyTable(doc.edges, diff.edges),
  };
}

function invertTable<R>(diff: TableDiff<R>): TableDiff<R> {
  if (isEmptyTableDiff(diff)) return diff;
  const updated = new Map<string, readonly [R, R]>();
  for (const [id, [before, after]] of diff.updated) updated.set(id, [after, before]);
  const out: TableDiff<R> = { added: diff.removed, updated, removed: diff.added };
  return diff.order ? { ...out, order: [diff.order[1], diff.order[0]] } : out;
}

/** The diff that takes the document back: applying `diff` then its inverse changes nothing. */
export function invertDiff(diff: DocumentDiff): DocumentDiff {
  const out: DocumentDiff = { nodes: invertTable(diff.nodes), edges: invertTable(diff.edges) };
  return diff.meta ? { ...out, meta: [diff.meta[1], diff.meta[0]] } : out;
}

function squashTables<R>(a: TableDiff<R>, b: TableDiff<R>): TableDiff<R> {
  if (isEmptyTableDiff(a)) return b;
  if (isEmptyTableDiff(b)) return a;
  const added = new Map(a.added);
  const updated = new Map(a.updated);
  const removed = new Map(a.removed);
  for (const [id, [, after]] of b.updated) {
    const wasAdded = added.get(id);
    const wasUpdated = updated.get(id);
    if (wasAdded !== undefined) added.set(id, after);
    else if (wasUpdated !== undefined) updated.set(id, [wasUpdated[0], after]);
    else updated.set(id, b.updated.get(id)!);
  }
  for (const [id, record] of b.removed) {
    if (added.delete(id)) continue;
    const wasUpdated = updated.get(id);
    updated.delete(id);
    removed.set(id, wasUpdated !== undefined ? wasUpdated[0] : record);
  }
  for (const [id, record] of b.added) {
    const wasRemoved = removed.get(id);
    if (wasRemoved !== undefined) {
      removed.delete(id);
      updated.set(id, [wasRemoved, record]);
    } else {
      added.set(id, record);
    }
  }
  const order = a.order && b.order ? ([a.order[0], b.order[1]] as const) : (b.order ?? a.order);
  const out: TableDiff<R> = { added, updated, removed };
  return order ? { ...out, order } : out;
}

/** One diff with the effect of applying `a` and then `b` (a drag or a burst of typing). */
export function squashDiffs(a: DocumentDiff, b: DocumentDiff): DocumentDiff {
  const meta = a.meta && b.meta ? ([a.meta[0], b.meta[1]] as const) : (b.meta ?? a.meta);
  const out: DocumentDiff = { nodes: squashTables(a.nodes, b.nodes), edges: squashTables(a.edges, b.edges) };
  return meta ? { ...out, meta } : out;
}

/** What to change in one table: records to put (added or replaced), ids to remove, a new order. */
export interface TableChange<R> {
  put?: readonly R[];
  remove?: Iterable<string>;
  /** The new file order; by default added records go last, in the order given. */
  order?: readonly string[];
}

function changeTable<R extends { id: string }>(table: RecordTable<R>, change: TableChange<R> | undefined): TableDiff<R> {
  if (!change) return EMPTY_TABLE_DIFF;
  const added = new Map<string, R>();
  const updated = new Map<string, readonly [R, R]>();
  const removed = new Map<string, R>();
  for (const id of change.remove ?? []) {
    const record = table.byId.get(id);
    if (record !== undefined) removed.set(id, record);
  }
  for (const record of change.put ?? []) {
    const before = removed.get(record.id) ?? table.byId.get(record.id);
    if (removed.delete(record.id) || before !== undefined) {
      if (before !== record) updated.set(record.id, [before!, record]);
    } else {
      added.set(record.id, record);
    }
  }
  let order: readonly string[] | undefined = change.order;
  if (order === undefined && (added.size > 0 || removed.size > 0)) {
    order = [...(removed.size > 0 ? table.order.filter((id) => !removed.has(id)) : table.order), ...added.keys()];
  }
  const out: TableDiff<R> = { added, updated, removed };
  return order !== undefined && !sameOrder(order, table.order) ? { ...out, order: [table.order, order] } : out;
}

function sameOrder(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The diff that makes the described change to `doc` (records given but unchanged are left out). */
export function diffOf(
  doc: DiagramRecords,
  change: { meta?: DocumentMeta; nodes?: TableChange<DiagramNode>; edges?: TableChange<DiagramEdge> },
): DocumentDiff {
  const out: DocumentDiff = { nodes: changeTable(doc.nodes, change.nodes), edges: changeTable(doc.edges, change.edges) };
  return change.meta !== undefined && change.meta !== doc.meta ? { ...out, meta: [doc.meta, change.meta] } : out;
}

/** The diff that replaces everything in `before` with `after` (opening a diagram). */
export function replacementDiff(before: DiagramRecords, after: DiagramRecords): DocumentDiff {
  return diffOf(before, {
    meta: after.meta,
    nodes: { remove: before.nodes.order, put: after.nodes.order.map((id) => after.nodes.byId.get(id)!), order: after.nodes.order },
    edges: { remove: before.edges.order, put: after.edges.order.map((id) => after.edges.byId.get(id)!), order: after.edges.order },
  });
}

function tableOf<R extends { id: string }>(records: readonly R[]): RecordTable<R> {
  return { byId: RecordMap.of(records.map((r) => [r.id, r] as const)), order: records.map((r) => r.id) };
}

export function recordsFromDiagram(diagram: Diagram): DiagramRecords {
  const meta: DocumentMeta = { title: diagram.title, flow: diagram.flow };
  if (diagram.layout !== undefined) meta.layout = { ...diagram.layout };
  return { meta, nodes: tableOf(diagram.nodes), edges: tableOf(diagram.edges) };
}

export function recordsInOrder<R extends { id: string }>(table: RecordTable<R>): R[] {
  return table.order.map((id) => table.byId.get(id)!);
}

export function diagramFromRecords(doc: DiagramRecords): Diagram {
  const diagram: Diagram = { title: doc.meta.title, flow: doc.meta.flow, nodes: recordsInOrder(doc.nodes), edges: recordsInOrder(doc.edges) };
  if (doc.meta.layout !== undefined) diagram.layout = { ...doc.meta.layout };
  return diagram;
}
