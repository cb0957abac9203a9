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
import { NODE_REFERENCES, NODE_SHAPE } from '../model/records/node';
import type { FieldInfo } from '../model/records/recordShape';
import { fieldsOf } from '../model/records/recordShape';
import { toDiagramFile } from '../model/serializeDiagramFile';

type Row = Record<string, unknown>;
type Columns = Record<string, unknown[]>;

interface Table {
  fields: readonly FieldInfo[];
  /** Columns that name a node. */
  refs: ReadonlySet<string>;
}

const NODES: Table = { fields: fieldsOf(NODE_SHAPE), refs: new Set(NODE_REFERENCES) };
const EDGES: Table = { fields: fieldsOf(EDGE_SHAPE), refs: new Set(EDGE_REFERENCES) };

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
  const dangling = new Set<unknown>();
  for (const [rows, table] of [
    [nodes, NODES],
    [edges, EDGES],
  ] as const) {
    for (const row of rows) for (const ref of table.refs) if (row[ref] !== undefined && !index.has(row[ref])) dangling.add(row[ref]);
  }
  const ref = (id: unknown) => index.get(id) ?? id;
  const doc: Record<string, unknown> = { version: CURRENT_VERSION, title: file.title, flow: file.flow };
  if (file.layout) doc.layout = file.layout;
  doc.nodes = { ...toColumns(nodes, NODES, ref), id: compactIds('n', nodes.length, dangling) };
  doc.edges = { ...toColumns(edges, EDGES, ref), id: compactIds('e', edges.length, new Set()) };
  return doc;
}

function toColumns(rows: readonly Row[], table: Table, ref: (id: unknown) => unknown): Columns {
  const columns: Columns = {};
  for (const field of table.fields) {
    if (field.optional && !rows.some((row) => row[field.name] !== undefined)) continue;
    columns[field.name] = rows.map((row) => {
      const value = row[field.name];
      if (value === undefined) return null;
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
  if (own(doc, 'layout') !== undefined) file.layout = own(doc, 'layout');
  const nodeColumns = objectOf(own(doc, 'nodes'));
  const nodeIds = own(nodeColumns, 'id');
  if (!Array.isArray(nodeIds)) throw new MalformedLinkDocument('no node ids');
  file.nodes = fromColumns(nodeColumns, NODES, nodeIds);
  file.edges = fromColumns(objectOf(own(doc, 'edges')), EDGES, nodeIds);
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
      row[field.name] = table.refs.has(field.name) ? resolveRef(cell, nodeIds) : unpack(field, cell);
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
