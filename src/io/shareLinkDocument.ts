/**
 * The document inside a share link (link format 1): the diagram file, rearranged so that it
 * deflates small and more diagrams fit in a URL that chat tools accept.
 *
 * - Nodes and edges are stored as columns (`{"id": [...], "kind": [...]}`) rather than rows:
 *   similar values sit together and repeat within deflate's reach. The columns are the record
 *   schemas' fields in their order (src/model/records), so a field added to a record is carried
 *   by links without a change here.
 * - Edge ends and parents name a node by its index in the node list instead of repeating its id
 *   (the id string itself when it names no node, so even a broken diagram round-trips).
 * - Ids are renamed compactly (`n1`, `n2`…, `e1`…): ids that two editors cannot both take are
 *   long, and a link only needs them to be distinct. Opening a link gives the compact ids.
 * - Nested records whose fields are all required (points, sizes) are stored as plain number
 *   lists without their keys; a route is one flat list.
 * - Optional fields are columns only when some row has them; `null` marks a row without.
 * - `version` is the file version the rows follow; links made before it existed are version 1.
 *
 * Decoding rebuilds the file object and leaves every check to the file parser, so a link can
 * never hold anything a file could not.
 */
import type { Diagram } from '../model/diagram';
import { CURRENT_VERSION, FORMAT_NAME } from '../model/diagram';
import { isPlainObject, own } from '../model/plainData';
import { EDGE_REFERENCES, EDGE_SHAPE } from '../model/records/edge';
import { ENDPOINT_NODE_REFERENCES, ENDPOINT_SHAPE } from '../model/records/endpoint';
import { ENTITY_NODE_REFERENCES, ENTITY_SHAPE } from '../model/records/entity';
import { NODE_REFERENCES, NODE_SHAPE } from '../model/records/node';
import { NOTE_NODE_REFERENCES, NOTE_SHAPE } from '../model/records/note';
import { PATH_NODE_LIST_REFERENCES, PATH_SHAPE } from '../model/records/requestPath';
import { REQUIREMENT_SHAPE } from '../model/records/requirement';
import type { FieldInfo } from '../model/records/recordShape';
import { fieldsOf } from '../model/records/recordShape';
import { toDiagramFile } from '../model/serializeDiagramFile';

type Row = Record<string, unknown>;
type Columns = Record<string, unknown[]>;

interface Table {
  fields: readonly FieldInfo[];
  /** Columns that name a node. */
  refs: ReadonlySet<string>;
  /** Columns that hold a list of node names (a request path's steps). */
  listRefs: ReadonlySet<string>;
}

function table(shape: Parameters<typeof fieldsOf>[0], refs: readonly string[] = [], listRefs: readonly string[] = []): Table {
  return { fields: fieldsOf(shape), refs: new Set(refs), listRefs: new Set(listRefs) };
}

const NODES = table(NODE_SHAPE, NODE_REFERENCES);
const EDGES = table(EDGE_SHAPE, EDGE_REFERENCES);
/**
 * The design records keep their ids (they name each other, and there are few of them); the
 * components they name are written as node indexes like edge ends.
 */
const DESIGN_TABLES = [
  ['requirements', table(REQUIREMENT_SHAPE)],
  ['endpoints', table(ENDPOINT_SHAPE, ENDPOINT_NODE_REFERENCES)],
  ['entities', table(ENTITY_SHAPE, ENTITY_NODE_REFERENCES)],
  ['paths', table(PATH_SHAPE, [], PATH_NODE_LIST_REFERENCES)],
  ['notes', table(NOTE_SHAPE, NOTE_NODE_REFERENCES)],
] as const;
/** The document's own fields a link carries besides the title and flow. */
const META_FIELDS = ['layout', 'scale', 'load'] as const;

/** Why a link document could not be turned back into a file: it was not made by Archflow. */
export class MalformedLinkDocument extends Error {}

function pack(field: FieldInfo, value: unknown): unknown {
  if (field.tupleKeys) {
    const keys = field.tupleKeys;
    return keys.map((key) => (value as Row)[key]);
  }
  if (field.listOfTupleKeys) {
    const keys = field.listOfTupleKeys;
    return (value as Row[]).flatMap((item) => keys.map((key) => item[key]));
  }
  return value;
}

function unpack(field: FieldInfo, cell: unknown): unknown {
  const keys = field.tupleKeys ?? field.listOfTupleKeys;
  if (!keys) return cell;
  if (!Array.isArray(cell) || (field.tupleKeys ? cell.length !== keys.length : cell.length % keys.length !== 0)) {
    throw new MalformedLinkDocument(`${field.name} is not a list of ${keys.length} values`);
  }
  const records: Row[] = [];
  for (let at = 0; at < cell.length; at += keys.length) {
    const record: Row = {};
    keys.forEach((key, k) => (record[key] = cell[at + k]));
    records.push(record);
  }
  return field.tupleKeys ? records[0] : records;
}

/**
 * Compact names for `count` records: `prefix` and a counter, skipping any name in `taken` (a
 * broken diagram's reference to a node that does not exist keeps its text, and must not come to
 * name a real node).
 */
function compactIds(prefix: string, count: number, taken: ReadonlySet<unknown>): string[] {
  const ids: string[] = [];
  for (let n = 1; ids.length < count; n++) {
    const id = `${prefix}${n}`;
    if (!taken.has(id)) ids.push(id);
  }
  return ids;
}

/** The compact object a link carries. */
export function toLinkDocument(diagram: Diagram): Record<string, unknown> {
  const file = toDiagramFile(diagram);
  const nodes = file.nodes as unknown as Row[];
  const edges = file.edges as unknown as Row[];
  const index = new Map<unknown, number>();
  nodes.forEach((node, i) => {
    if (!index.has(node.id)) index.set(node.id, i);
  });
  const fileRows = file as unknown as Record<string, Row[] | undefined>;
  const dangling = new Set<unknown>();
  const tables: (readonly [readonly Row[], Table])[] = [
    [nodes, NODES],
    [edges, EDGES],
    ...DESIGN_TABLES.map(([name, t]) => [fileRows[name] ?? [], t] as const),
  ];
  for (const [rows, t] of tables) {
    for (const row of rows) {
      for (const ref of t.refs) if (row[ref] !== undefined && !index.has(row[ref])) dangling.add(row[ref]);
      for (const ref of t.listRefs) for (const id of (row[ref] as unknown[] | undefined) ?? []) if (!index.has(id)) dangling.add(id);
    }
  }
  const ref = (id: unknown) => index.get(id) ?? id;
  const doc: Record<string, unknown> = { version: CURRENT_VERSION, title: file.title, flow: file.flow };
  for (const field of META_FIELDS) if (file[field]) doc[field] = file[field];
  doc.nodes = { ...toColumns(nodes, NODES, ref), id: compactIds('n', nodes.length, dangling) };
  doc.edges = { ...toColumns(edges, EDGES, ref), id: compactIds('e', edges.length, new Set()) };
  for (const [name, t] of DESIGN_TABLES) {
    const rows = fileRows[name];
    if (rows && rows.length > 0) doc[name] = toColumns(rows, t, ref);
  }
  return doc;
}

function toColumns(rows: readonly Row[], table: Table, ref: (id: unknown) => unknown): Columns {
  const columns: Columns = {};
  for (const field of table.fields) {
    if (field.optional && !rows.some((row) => row[field.name] !== undefined)) continue;
    columns[field.name] = rows.map((row) => {
      const value = row[field.name];
      if (value === undefined) return null;
      if (table.listRefs.has(field.name)) return (value as unknown[]).map(ref);
      return table.refs.has(field.name) ? ref(value) : pack(field, value);
    });
  }
  return columns;
}

/**
 * The file object a link document stands for, ready for the file parser. Throws
 * MalformedLinkDocument when the shape is not a link document at all.
 */
export function fromLinkDocument(value: unknown): Record<string, unknown> {
  const doc = objectOf(value);
  const version = own(doc, 'version');
  const file: Record<string, unknown> = {
    format: FORMAT_NAME,
    // Links made before the version was written carry version 1 rows.
    version: version === undefined ? 1 : version,
    title: own(doc, 'title'),
    flow: own(doc, 'flow'),
  };
  for (const field of META_FIELDS) if (own(doc, field) !== undefined) file[field] = own(doc, field);
  const nodeColumns = objectOf(own(doc, 'nodes'));
  const nodeIds = own(nodeColumns, 'id');
  if (!Array.isArray(nodeIds)) throw new MalformedLinkDocument('no node ids');
  file.nodes = fromColumns(nodeColumns, NODES, nodeIds);
  file.edges = fromColumns(objectOf(own(doc, 'edges')), EDGES, nodeIds);
  for (const [name, t] of DESIGN_TABLES) {
    const columns = own(doc, name);
    if (columns !== undefined) file[name] = fromColumns(objectOf(columns), t, nodeIds);
  }
  return file;
}

function fromColumns(columns: Record<string, unknown>, table: Table, nodeIds: readonly unknown[]): Row[] {
  const idColumn = own(columns, 'id');
  if (!Array.isArray(idColumn)) throw new MalformedLinkDocument('no id column');
  const rows: Row[] = idColumn.map(() => ({}));
  for (const field of table.fields) {
    const column = own(columns, field.name);
    if (column === undefined && field.optional) continue;
    if (!Array.isArray(column) || column.length !== rows.length) {
      throw new MalformedLinkDocument(`column ${field.name} does not match`);
    }
    column.forEach((cell: unknown, i) => {
      if (cell === null && field.optional) return;
      const row = rows[i] as Row;
      if (table.listRefs.has(field.name)) {
        if (!Array.isArray(cell)) throw new MalformedLinkDocument(`${field.name} is not a list`);
        row[field.name] = cell.map((item: unknown) => resolveRef(item, nodeIds));
      } else {
        row[field.name] = table.refs.has(field.name) ? resolveRef(cell, nodeIds) : unpack(field, cell);
      }
    });
  }
  return rows;
}

function resolveRef(cell: unknown, nodeIds: readonly unknown[]): unknown {
  if (typeof cell !== 'number') return cell;
  if (!Number.isInteger(cell) || cell < 0 || cell >= nodeIds.length) {
    throw new MalformedLinkDocument('node reference out of range');
  }
  return nodeIds[cell];
}

function objectOf(value: unknown): Record<string, unknown> {
  if (!isPlainObject(value)) throw new MalformedLinkDocument('not an object');
  return value;
}
