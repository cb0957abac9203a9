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
import type {
  Diagram,
  DiagramEdge,
  DiagramEndpoint,
  DiagramEntity,
  DiagramNode,
  DiagramNote,
  DiagramPath,
  DiagramRequirement,
  DocumentMeta,
} from './diagram';
import { RecordMap } from './recordMap';

export type { DocumentMeta };

/** The document's tables in the order a file writes them. */
export const DOCUMENT_TABLES = ['nodes', 'edges', 'requirements', 'endpoints', 'entities', 'paths', 'notes'] as const;
export type TableName = (typeof DOCUMENT_TABLES)[number];

/** The record type each table holds. */
export interface TableRecords {
  nodes: DiagramNode;
  edges: DiagramEdge;
  requirements: DiagramRequirement;
  endpoints: DiagramEndpoint;
  entities: DiagramEntity;
  paths: DiagramPath;
  notes: DiagramNote;
}
export type RecordOf<T extends TableName> = TableRecords[T];

/** Records of one type by id, in file order. */
export interface RecordTable<R extends { id: string }> {
  readonly byId: ReadonlyMap<string, R>;
  readonly order: readonly string[];
}

/** The document scope: what is saved, shared and undone. */
export type DiagramRecords = { readonly meta: DocumentMeta } & {
  readonly [T in TableName]: RecordTable<RecordOf<T>>;
};

export interface TableDiff<R> {
  readonly added: ReadonlyMap<string, R>;
  readonly updated: ReadonlyMap<string, readonly [before: R, after: R]>;
  readonly removed: ReadonlyMap<string, R>;
  /** The file order before and after, present whenever records were added, removed or moved. */
  readonly order?: readonly [before: readonly string[], after: readonly string[]];
}

export type DocumentDiff = { readonly meta?: readonly [before: DocumentMeta, after: DocumentMeta] } & {
  readonly [T in TableName]: TableDiff<RecordOf<T>>;
};

const NONE = new Map<string, never>() as ReadonlyMap<string, never>;
const EMPTY_TABLE_DIFF: TableDiff<never> = { added: NONE, updated: NONE, removed: NONE };

export function emptyTableDiff<R>(): TableDiff<R> {
  return EMPTY_TABLE_DIFF;
}

type AnyRecord = { id: string };

/**
 * Builds one value per table (the tables of a diff or a document). The tables hold different
 * record types; the helpers below work on any record, so `make` sees them as records with an id.
 */
function perTable<V extends { [T in TableName]: unknown }>(make: (table: TableName) => unknown): V {
  const out = {} as Record<TableName, unknown>;
  for (const table of DOCUMENT_TABLES) out[table] = make(table);
  return out as V;
}

function tableIn(doc: DiagramRecords, table: TableName): RecordTable<AnyRecord> {
  return doc[table] as RecordTable<AnyRecord>;
}

function diffIn(diff: DocumentDiff, table: TableName): TableDiff<AnyRecord> {
  return diff[table] as TableDiff<AnyRecord>;
}

export const EMPTY_DIFF: DocumentDiff = perTable<DocumentDiff>(() => EMPTY_TABLE_DIFF);

const EMPTY_TABLE: RecordTable<never> = { byId: RecordMap.of(), order: [] };

export function emptyTable<R extends { id: string }>(): RecordTable<R> {
  return EMPTY_TABLE;
}

function isEmptyTableDiff(d: TableDiff<unknown>): boolean {
  return d.added.size === 0 && d.updated.size === 0 && d.removed.size === 0 && d.order === undefined;
}

export function isEmptyDiff(diff: DocumentDiff): boolean {
  return diff.meta === undefined && DOCUMENT_TABLES.every((table) => isEmptyTableDiff(diff[table]));
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
  const tables = perTable<Omit<DiagramRecords, 'meta'>>((table) => applyTable(tableIn(doc, table), diffIn(diff, table)));
  return { meta: diff.meta ? diff.meta[1] : doc.meta, ...tables };
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
  const out: DocumentDiff = perTable<DocumentDiff>((table) => invertTable(diffIn(diff, table)));
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
  const out: DocumentDiff = perTable<DocumentDiff>((table) => squashTables(diffIn(a, table), diffIn(b, table)));
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

/** A change to the document: a new meta and, per table, what to put and remove. */
export type DocumentChange = { meta?: DocumentMeta } & { [T in TableName]?: TableChange<RecordOf<T>> };

/** The diff that makes the described change to `doc` (records given but unchanged are left out). */
export function diffOf(doc: DiagramRecords, change: DocumentChange): DocumentDiff {
  const out: DocumentDiff = perTable<DocumentDiff>((table) =>
    changeTable(tableIn(doc, table), change[table] as TableChange<AnyRecord> | undefined),
  );
  return change.meta !== undefined && change.meta !== doc.meta ? { ...out, meta: [doc.meta, change.meta] } : out;
}

/** The diff that replaces everything in `before` with `after` (opening a diagram). */
export function replacementDiff(before: DiagramRecords, after: DiagramRecords): DocumentDiff {
  const change: DocumentChange = { meta: after.meta };
  for (const table of DOCUMENT_TABLES) {
    const to = tableIn(after, table);
    (change as Record<TableName, TableChange<AnyRecord>>)[table] = {
      remove: before[table].order,
      put: recordsInOrder(to),
      order: to.order,
    };
  }
  return diffOf(before, change);
}

function tableOf<R extends { id: string }>(records: readonly R[]): RecordTable<R> {
  return { byId: RecordMap.of(records.map((r) => [r.id, r] as const)), order: records.map((r) => r.id) };
}

/** The document's own fields (everything but the tables), in the file's order. */
const META_FIELDS = ['layout', 'scale', 'load'] as const;

export function recordsFromDiagram(diagram: Diagram): DiagramRecords {
  const meta: DocumentMeta = { title: diagram.title, flow: diagram.flow };
  for (const field of META_FIELDS) if (diagram[field] !== undefined) Object.assign(meta, { [field]: { ...diagram[field] } });
  const tables = perTable<Omit<DiagramRecords, 'meta'>>((table) => {
    const records = diagram[table];
    return records && records.length > 0 ? tableOf<AnyRecord>(records) : EMPTY_TABLE;
  });
  return { meta, ...tables };
}

export function recordsInOrder<R extends { id: string }>(table: RecordTable<R>): R[] {
  return table.order.map((id) => table.byId.get(id)!);
}

export function diagramFromRecords(doc: DiagramRecords): Diagram {
  const diagram: Diagram = { title: doc.meta.title, flow: doc.meta.flow, nodes: recordsInOrder(doc.nodes), edges: recordsInOrder(doc.edges) };
  for (const field of META_FIELDS) if (doc.meta[field] !== undefined) Object.assign(diagram, { [field]: { ...doc.meta[field] } });
  // The design tables are written only when they hold something, so a diagram without design
  // data comes out exactly as before they existed.
  for (const table of DOCUMENT_TABLES) {
    if (table === 'nodes' || table === 'edges' || doc[table].order.length === 0) continue;
    Object.assign(diagram, { [table]: recordsInOrder(tableIn(doc, table)) });
  }
  return diagram;
}
