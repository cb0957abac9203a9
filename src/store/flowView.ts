/**
 * React Flow's nodes and edges, derived from the document's records and the session (selection,
 * measured sizes, drag). A per-id cache keeps each object while its inputs are unchanged: a drag
 * makes one new node object, a selection change one per node it touches, and pan or zoom none
 * at all, as React Flow's performance guidance asks. Types only from React Flow: the store does
 * not load it at run time.
 */
import type { Edge, EdgeMarker, Node } from '@xyflow/react';
import { GROUP_KIND, type Role } from '../model/catalog';
import type { DiagramEdge, DiagramNode, Point, Size } from '../model/diagram';
import type { RecordTable } from '../model/recordsDiff';

export interface ComponentData extends Record<string, unknown> {
  kind: string;
  label: string;
  role?: Role;
  tech?: string;
  notes?: string;
  /** The size a file gave a component. */
  size?: Size;
}

export type ComponentNode = Node<ComponentData, 'component'>;
export type GroupNode = Node<ComponentData, 'group'>;
export type ArchNode = ComponentNode | GroupNode;

export interface ConnectionData extends Record<string, unknown> {
  label?: string;
  protocol?: string;
  bidirectional?: boolean;
  /** Absolute bend points from the last auto layout; dropped once an end moves. */
  route?: Point[];
}

export type ArchEdge = Edge<ConnectionData, 'connection'>;

/** A group's size when a file gave none. */
export const DEFAULT_GROUP_SIZE: Size = { width: 360, height: 240 };

// Marker objects are shared so React Flow defines each arrowhead once. 'arrowclosed' is
// MarkerType.ArrowClosed, written out so the store needs no React Flow code.
const ARROW: EdgeMarker = { type: 'arrowclosed', color: 'var(--af-edge)', width: 16, height: 16 };

function nodeData(record: DiagramNode): ComponentData {
  const data: ComponentData = { kind: record.kind, label: record.label };
  if (record.role !== undefined && record.kind !== GROUP_KIND) data.role = record.role;
  if (record.tech !== undefined) data.tech = record.tech;
  if (record.notes !== undefined) data.notes = record.notes;
  if (record.size !== undefined && record.kind !== GROUP_KIND) data.size = record.size;
  return data;
}

/** Whether two records show the same data (a drag changes only the position). */
function sameData(a: DiagramNode, b: DiagramNode): boolean {
  return a.kind === b.kind && a.label === b.label && a.role === b.role && a.tech === b.tech && a.notes === b.notes && a.size === b.size;
}

function flowNode(record: DiagramNode, selected: boolean, measured: Size | undefined, dragging: boolean, data: ComponentData): ArchNode {
  const position = record.position ?? { x: 0, y: 0 };
  const node = {
    id: record.id,
    type: record.kind === GROUP_KIND ? 'group' : 'component',
    position,
    data,
  } as ArchNode;
  if (record.parent !== undefined) node.parentId = record.parent;
  if (record.kind === GROUP_KIND) {
    const size = record.size ?? DEFAULT_GROUP_SIZE;
    node.width = size.width;
    node.height = size.height;
    // Groups stay behind the components they hold.
    node.zIndex = -1;
  }
  if (selected) node.selected = true;
  if (measured) node.measured = measured;
  if (dragging) node.dragging = true;
  return node;
}

function flowEdge(record: DiagramEdge, selected: boolean): ArchEdge {
  const data: ConnectionData = {};
  if (record.label !== undefined) data.label = record.label;
  if (record.protocol !== undefined) data.protocol = record.protocol;
  if (record.bidirectional) data.bidirectional = true;
  if (record.route !== undefined) data.route = record.route;
  const edge: ArchEdge = { id: record.id, source: record.source, target: record.target, type: 'connection', data, markerEnd: ARROW };
  if (record.bidirectional) edge.markerStart = ARROW;
  if (selected) edge.selected = true;
  return edge;
}

/** React Flow needs every parent before its children. */
export function orderParentsFirst<T extends { id: string; parent?: string }>(records: readonly T[]): T[] {
  const byId = new Map(records.map((n) => [n.id, n]));
  const placed = new Set<string>();
  const out: T[] = [];
  for (const start of records) {
    const chain: T[] = [];
    const inChain = new Set<string>();
    let current: T | undefined = start;
    while (current && !placed.has(current.id) && !inChain.has(current.id)) {
      chain.push(current);
      inChain.add(current.id);
      current = current.parent !== undefined ? byId.get(current.parent) : undefined;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const node = chain[i]!;
      placed.add(node.id);
      out.push(node);
    }
  }
  return out;
}

export interface ViewInputs {
  nodes: RecordTable<DiagramNode>;
  edges: RecordTable<DiagramEdge>;
  selection: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> };
  measured: ReadonlyMap<string, Size>;
  dragging: ReadonlySet<string>;
}

interface NodeEntry {
  record: DiagramNode;
  selected: boolean;
  measured: Size | undefined;
  dragging: boolean;
  node: ArchNode;
}

interface EdgeEntry {
  record: DiagramEdge;
  selected: boolean;
  edge: ArchEdge;
}

export interface FlowView {
  /** The view for `next`; arrays and objects are reused where `prev`'s inputs are unchanged. */
  derive(next: ViewInputs, prev: ViewInputs | null): { nodes: ArchNode[]; edges: ArchEdge[] } | null;
}

export function createFlowView(): FlowView {
  const nodeCache = new Map<string, NodeEntry>();
  const edgeCache = new Map<string, EdgeEntry>();
  let nodes: ArchNode[] = [];
  let edges: ArchEdge[] = [];
  /** Record ids in React Flow's order (parents first), kept while no parent or order changes. */
  let nodeOrder: readonly string[] = [];
  let nodeOrderOf: readonly string[] | null = null;

  /** React Flow's order for `table` (parents first); drops cache entries of removed records. */
  function reorder(table: RecordTable<DiagramNode>): void {
    for (const id of nodeCache.keys()) if (!table.byId.has(id)) nodeCache.delete(id);
    nodeOrder = orderParentsFirst(table.order.map((id) => table.byId.get(id)!)).map((n) => n.id);
    nodeOrderOf = table.order;
  }

  function deriveNodes(next: ViewInputs): ArchNode[] {
    const table = next.nodes;
    const reordered = table.order !== nodeOrderOf;
    if (reordered) reorder(table);
    let changed = reordered;
    let parentChanged = false;
    const out: ArchNode[] = new Array<ArchNode>(nodeOrder.length);
    for (let i = 0; i < nodeOrder.length; i++) {
      const id = nodeOrder[i]!;
      const record = table.byId.get(id)!;
      const selected = next.selection.nodes.has(id);
      const measured = next.measured.get(id);
      const dragging = next.dragging.has(id);
      const entry = nodeCache.get(id);
      if (entry && entry.record === record && entry.selected === selected && entry.measured === measured && entry.dragging === dragging) {
        out[i] = entry.node;
        continue;
      }
      if (entry && entry.record.parent !== record.parent) parentChanged = true;
      // Panels read `data`: it keeps its identity while only the position changes.
      const data = entry && sameData(entry.record, record) ? entry.node.data : nodeData(record);
      const node = flowNode(record, selected, measured, dragging, data);
      nodeCache.set(id, { record, selected, measured, dragging, node });
      out[i] = node;
      changed = true;
    }
    if (!changed) return nodes;
    if (parentChanged) {
      // A node joined or left a group: React Flow needs the new parent before it.
      reorder(table);
      nodes = nodeOrder.map((id) => nodeCache.get(id)!.node);
    } else {
      nodes = out;
    }
    return nodes;
  }

  function deriveEdges(next: ViewInputs, prev: ViewInputs | null): ArchEdge[] {
    const table = next.edges;
    let changed = prev === null || table.order !== prev.edges.order;
    const out: ArchEdge[] = [];
    for (const id of table.order) {
      const record = table.byId.get(id)!;
      const selected = next.selection.edges.has(id);
      const entry = edgeCache.get(id);
      if (entry && entry.record === record && entry.selected === selected) {
        out.push(entry.edge);
        continue;
      }
      const edge = flowEdge(record, selected);
      edgeCache.set(id, { record, selected, edge });
      out.push(edge);
      changed = true;
    }
    if (!changed) return edges;
    if (prev !== null && table.order !== prev.edges.order) {
      for (const id of edgeCache.keys()) if (!table.byId.has(id)) edgeCache.delete(id);
    }
    edges = out;
    return edges;
  }

  return {
    derive(next, prev) {
      const nodesIn =
        prev === null || next.nodes !== prev.nodes || next.selection.nodes !== prev.selection.nodes || next.measured !== prev.measured || next.dragging !== prev.dragging;
      const edgesIn = prev === null || next.edges !== prev.edges || next.selection.edges !== prev.selection.edges;
      if (!nodesIn && !edgesIn) return null;
      return { nodes: nodesIn ? deriveNodes(next) : nodes, edges: edgesIn ? deriveEdges(next, prev) : edges };
    },
  };
}
