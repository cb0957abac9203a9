/**
 * The document inside a share link (link format 1): the version 1 file, rearranged losslessly so
 * that it deflates about 30% smaller and more diagrams fit in a URL that chat tools accept.
 *
 * - Nodes and edges are stored as columns (`{"id": [...], "kind": [...]}`) rather than rows:
 *   similar values sit together and repeat within deflate's reach.
 * - Edge ends and parents name a node by its index in the node list instead of repeating its id
 *   (the id string itself when it names no node, so even a broken diagram round-trips).
 * - Optional fields are columns only when some row has them; `null` marks a row without.
 *
 * Decoding rebuilds the version 1 file object and leaves every check to the file parser, so a
 * link can never hold anything a file could not.
 */
import type { Diagram, DiagramFileV1 } from '../model/diagram';
import { FORMAT_NAME } from '../model/diagram';
import { toDiagramFile } from '../model/serializeDiagramFile';

type Row = Record<string, unknown>;
type Columns = Record<string, unknown[]>;

interface Table {
  /** Column order. */
  fields: readonly string[];
  /** Columns every row has. */
  required: ReadonlySet<string>;
  /** Columns that name a node. */
  refs: ReadonlySet<string>;
  /** Columns of points and sizes, stored as flat number lists without their keys. */
  flat: Readonly<Record<string, Flattener>>;
}

interface Flattener {
  pack(value: unknown): unknown;
  unpack(cell: unknown): unknown;
}

function pairOf(cell: unknown): [unknown, unknown] {
  if (!Array.isArray(cell) || cell.length !== 2) throw new MalformedLinkDocument('not a pair');
  return [cell[0], cell[1]];
}

const POINT: Flattener = {
  pack: (value) => {
    const p = value as { x: number; y: number };
    return [p.x, p.y];
  },
  unpack: (cell) => {
    const [x, y] = pairOf(cell);
    return { x, y };
  },
};

const SIZE: Flattener = {
  pack: (value) => {
    const s = value as { width: number; height: number };
    return [s.width, s.height];
  },
  unpack: (cell) => {
    const [width, height] = pairOf(cell);
    return { width, height };
  },
};

const ROUTE: Flattener = {
  pack: (value) => (value as { x: number; y: number }[]).flatMap((p) => [p.x, p.y]),
  unpack: (cell) => {
    if (!Array.isArray(cell) || cell.length % 2 !== 0) throw new MalformedLinkDocument('not a route');
    const points: { x: unknown; y: unknown }[] = [];
    for (let i = 0; i < cell.length; i += 2) points.push({ x: cell[i], y: cell[i + 1] });
    return points;
  },
};

const NODES: Table = {
  fields: ['id', 'kind', 'label', 'role', 'parent', 'position', 'size', 'tech', 'notes'],
  required: new Set(['id', 'kind', 'label']),
  refs: new Set(['parent']),
  flat: { position: POINT, size: SIZE },
};
const EDGES: Table = {
  fields: ['id', 'source', 'target', 'label', 'protocol', 'bidirectional', 'route'],
  required: new Set(['id', 'source', 'target']),
  refs: new Set(['source', 'target']),
  flat: { route: ROUTE },
};

/** The compact object a link carries. */
export function toLinkDocument(diagram: Diagram): Record<string, unknown> {
  const file = toDiagramFile(diagram);
  const index = new Map<string, number>();
  file.nodes.forEach((node, i) => {
    if (!index.has(node.id)) index.set(node.id, i);
  });
  const ref = (id: unknown) => (typeof id === 'string' ? (index.get(id) ?? id) : id);
  const doc: Record<string, unknown> = { title: file.title, flow: file.flow };
  if (file.layout) doc.layout = file.layout;
  doc.nodes = toColumns(file.nodes as unknown as Row[], NODES, ref);
  doc.edges = toColumns(file.edges as unknown as Row[], EDGES, ref);
  return doc;
}

function toColumns(rows: readonly Row[], table: Table, ref: (id: unknown) => unknown): Columns {
  const columns: Columns = {};
  for (const field of table.fields) {
    if (!table.required.has(field) && !rows.some((row) => row[field] !== undefined)) continue;
    columns[field] = rows.map((row) => {
      const value = row[field];
      if (value === undefined) return null;
      if (table.refs.has(field)) return ref(value);
      const flat = table.flat[field];
      return flat ? flat.pack(value) : value;
    });
  }
  return columns;
}

/** Why a link document could not be turned back into a file: it was not made by Archflow. */
export class MalformedLinkDocument extends Error {}

/**
 * The version 1 file object a link document stands for, ready for the file parser. Throws
 * MalformedLinkDocument when the shape is not a link document at all.
 */
export function fromLinkDocument(value: unknown): Record<string, unknown> {
  const doc = objectOf(value);
  const file: Record<string, unknown> = {
    format: FORMAT_NAME,
    // Link format 1 always carries a version 1 file; the file parser migrates it from there.
    version: 1 satisfies DiagramFileV1['version'],
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
    const column = own(columns, field);
    if (column === undefined && !table.required.has(field)) continue;
    if (!Array.isArray(column) || column.length !== rows.length) {
      throw new MalformedLinkDocument(`column ${field} does not match`);
    }
    column.forEach((cell: unknown, i) => {
      if (cell === null && !table.required.has(field)) return;
      const flat = table.flat[field];
      const row = rows[i] as Row;
      if (table.refs.has(field)) row[field] = resolveRef(cell, nodeIds);
      else row[field] = flat ? flat.unpack(cell) : cell;
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
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new MalformedLinkDocument('not an object');
  }
  return value as Record<string, unknown>;
}

/** Own properties only: a key such as `__proto__` in the link must never reach a prototype. */
function own(obj: Record<string, unknown>, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}
