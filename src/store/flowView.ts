/**
 * React Flow's nodes and edges, derived from the document's records and the session (selection,
 * measured sizes, drag). A per-id cache keeps each object while its inputs are unchanged: a drag
 * makes one new node object, a selection change one per node it touches, and pan or zoom none
 * at all, as React Flow's performance guidance asks. Types only from React Flow: the store does
 * not load it at run time.
 */
import type { Edge, EdgeMarker, Node } from '@xyflow/react';
import { GROUP_KIND, type Role } from '../model/catalog';
import type { ComponentFigures, DiagramEdge, DiagramNode, EdgeMode, LayoutDirection, Point, Size } from '../model/diagram';
import type { DocumentDiff, RecordTable, TableDiff } from '../model/recordsDiff';
import { effectiveDirection } from '../model/layoutDirection';
import type { EditorState } from './editorState';
import { presumedGeometry } from './presumedGeometry';

export interface ComponentData extends Record<string, unknown> {
  kind: string;
  label: string;
  role?: Role;
  tech?: string;
  notes?: string;
  /** The size a file gave a component. */
  size?: Size;
  /** Capacity figures; absent ones are the kind's typical values. */
  figures?: ComponentFigures;
}

export type ComponentNode = Node<ComponentData, 'component'>;
export type GroupNode = Node<ComponentData, 'group'>;
export type ArchNode = ComponentNode | GroupNode;

export interface ConnectionData extends Record<string, unknown> {
  label?: string;
  protocol?: string;
  bidirectional?: boolean;
  /** Absent means sync. */
  mode?: EdgeMode;
  share?: number;
  latencyMs?: number;
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
  if (record.figures !== undefined) data.figures = record.figures;
  return data;
}

/** Whether two records show the same data (a drag changes only the position). */
function sameData(a: DiagramNode, b: DiagramNode): boolean {
  return (
    a.kind === b.kind &&
    a.label === b.label &&
    a.role === b.role &&
    a.tech === b.tech &&
    a.notes === b.notes &&
    a.size === b.size &&
    a.figures === b.figures
  );
}

function flowNode(record: DiagramNode, selected: boolean, measured: Size | undefined, dragging: boolean, hidden: boolean, data: ComponentData, direction: LayoutDirection): ArchNode {
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
  if (measured) {
    node.measured = measured;
  } else {
    // Not drawn yet: presumed, so React Flow need not mount it to measure it (presumedGeometry.ts).
    const presumed = presumedGeometry(record.kind, direction, record.size);
    node.measured = presumed.measured;
    node.handles = presumed.handles;
  }
  if (dragging) node.dragging = true;
  if (hidden) node.hidden = true;
  return node;
}

function flowEdge(record: DiagramEdge, selected: boolean): ArchEdge {
  const data: ConnectionData = {};
  if (record.label !== undefined) data.label = record.label;
  if (record.protocol !== undefined) data.protocol = record.protocol;
  if (record.bidirectional) data.bidirectional = true;
  if (record.mode !== undefined) data.mode = record.mode;
  if (record.share !== undefined) data.share = record.share;
  if (record.latencyMs !== undefined) data.latencyMs = record.latencyMs;
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
  /** Nodes not shown yet (an auto layout being revealed); React Flow neither mounts nor fits them. */
  hidden: ReadonlySet<string>;
  /** The drawing direction, which decides where an unmeasured node's handles are presumed. */
  direction: LayoutDirection;
}

/** What the view is derived from, in `s`. */
export function viewInputs(s: Pick<EditorState, 'doc' | 'meta' | 'selection' | 'measured' | 'dragging' | 'layoutHidden'>): ViewInputs {
  return { nodes: s.doc.nodes, edges: s.doc.edges, selection: s.selection, measured: s.measured, dragging: s.dragging, hidden: s.layoutHidden, direction: effectiveDirection(s.meta) };
}

interface NodeEntry {
  record: DiagramNode;
  selected: boolean;
  measured: Size | undefined;
  dragging: boolean;
  hidden: boolean;
  direction: LayoutDirection;
  node: ArchNode;
}

interface EdgeEntry {
  record: DiagramEdge;
  selected: boolean;
  edge: ArchEdge;
}

export interface FlowView {
  /**
   * Says which records the next document change touches, so the next `derive` looks at those
   * alone instead of every record (a drag of one node among thousands).
   */
  touch(diff: DocumentDiff): void;
  /** The view for `next`; arrays and objects are reused where `prev`'s inputs are unchanged. */
  derive(next: ViewInputs, prev: ViewInputs | null): { nodes: ArchNode[]; edges: ArchEdge[] } | null;
  /**
   * Builds, ahead and in a task of its own, the node and edge objects of the records `diff` touches as
   * `next` has them (a big change about to be applied: an auto layout moves every node). The next
   * `derive` takes those whose inputs are then the same, instead of building them in the change.
   */
  prepare(next: ViewInputs, diff: DocumentDiff): void;
}

/** Ids in one set and not the other (a selection or a drag that changed). */
function changedIds(a: ReadonlySet<string>, b: ReadonlySet<string>, into: Set<string>): void {
  if (a === b) return;
  for (const id of a) if (!b.has(id)) into.add(id);
  for (const id of b) if (!a.has(id)) into.add(id);
}

function touchedIds(diff: TableDiff<unknown>, into: Set<string>): void {
  for (const id of diff.updated.keys()) into.add(id);
  for (const id of diff.added.keys()) into.add(id);
  for (const id of diff.removed.keys()) into.add(id);
}

export function createFlowView(): FlowView {
  const nodeCache = new Map<string, NodeEntry>();
  const edgeCache = new Map<string, EdgeEntry>();
  let nodes: ArchNode[] = [];
  let edges: ArchEdge[] = [];
  /** Record ids in React Flow's order (parents first), kept while no parent or order changes. */
  let nodeOrder: readonly string[] = [];
  let nodeOrderOf: readonly string[] | null = null;
  /** Where each id sits in `nodeOrder` and in the edges' order. */
  let nodeIndex = new Map<string, number>();
  let edgeIndex = new Map<string, number>();
  let edgeIndexOf: readonly string[] | null = null;
  /** Records the last document change touched; null when unknown (then every record is looked at). */
  let touchedNodes: Set<string> | null = null;
  let touchedEdges: Set<string> | null = null;
  /** Objects built ahead by `prepare`, for the next derive only. */
  let readyNodes = new Map<string, NodeEntry>();
  let readyEdges = new Map<string, EdgeEntry>();

  /** What a node's view object is built from, besides its record. */
  function nodeInputs(id: string, next: ViewInputs): Omit<NodeEntry, 'record' | 'node'> {
    return { selected: next.selection.nodes.has(id), measured: next.measured.get(id), dragging: next.dragging.has(id), hidden: next.hidden.has(id), direction: next.direction };
  }

  /** `entry` was built from `record` with these inputs (the direction aside: callers differ on it). */
  function builtFrom(entry: NodeEntry, record: DiagramNode, inputs: Omit<NodeEntry, 'record' | 'node'>): boolean {
    return entry.record === record && entry.selected === inputs.selected && entry.measured === inputs.measured && entry.dragging === inputs.dragging && entry.hidden === inputs.hidden;
  }

  /** The node for `record` with these inputs: `entry`'s data kept while the record's data is the same. */
  function buildNode(record: DiagramNode, next: ViewInputs, entry: NodeEntry | undefined): NodeEntry {
    const inputs = nodeInputs(record.id, next);
    const ready = readyNodes.get(record.id);
    if (ready && builtFrom(ready, record, inputs) && ready.direction === inputs.direction && (!entry || !sameData(entry.record, record) || ready.node.data === entry.node.data)) {
      return ready;
    }
    // Panels read `data`: it keeps its identity while only the position changes.
    const data = entry && sameData(entry.record, record) ? entry.node.data : nodeData(record);
    const node = flowNode(record, inputs.selected, inputs.measured, inputs.dragging, inputs.hidden, data, inputs.direction);
    return { record, ...inputs, node };
  }

  function buildEdge(record: DiagramEdge, selected: boolean): EdgeEntry {
    const ready = readyEdges.get(record.id);
    if (ready && ready.record === record && ready.selected === selected) return ready;
    return { record, selected, edge: flowEdge(record, selected) };
  }

  /** The node for `id` as `next` has it, from the cache while its inputs are unchanged. */
  function nodeFor(id: string, next: ViewInputs): { node: ArchNode; changed: boolean; parentChanged: boolean } {
    const record = next.nodes.byId.get(id)!;
    const inputs = nodeInputs(id, next);
    const entry = nodeCache.get(id);
    if (entry && builtFrom(entry, record, inputs) && (inputs.measured !== undefined || entry.direction === inputs.direction)) {
      return { node: entry.node, changed: false, parentChanged: false };
    }
    const built = buildNode(record, next, entry);
    nodeCache.set(id, built);
    return { node: built.node, changed: true, parentChanged: entry !== undefined && entry.record.parent !== record.parent };
  }

  /**
   * Only `ids` looked at, when the document's order and the measured sizes are as before: the
   * previous array copied with the changed objects replaced. Null when that cannot be done.
   */
  function patchNodes(next: ViewInputs, ids: ReadonlySet<string>): ArchNode[] | 'parents' | null {
    let out: ArchNode[] | null = null;
    for (const id of ids) {
      const i = nodeIndex.get(id);
      if (i === undefined || !next.nodes.byId.has(id)) return null;
      const { node, changed, parentChanged } = nodeFor(id, next);
      // The cache already holds the new node: the caller must reorder, not compare again.
      if (parentChanged) return 'parents';
      if (!changed) continue;
      out ??= nodes.slice();
      out[i] = node;
    }
    return out ?? nodes;
  }

  /** React Flow's order for `table` (parents first); drops cache entries of removed records. */
  function reorder(table: RecordTable<DiagramNode>): void {
    for (const id of nodeCache.keys()) if (!table.byId.has(id)) nodeCache.delete(id);
    nodeOrder = orderParentsFirst(table.order.map((id) => table.byId.get(id)!)).map((n) => n.id);
    nodeOrderOf = table.order;
    nodeIndex = new Map(nodeOrder.map((id, i) => [id, i]));
  }

  function deriveNodes(next: ViewInputs, prev: ViewInputs | null): ArchNode[] {
    const table = next.nodes;
    if (
      prev !== null &&
      table.order === nodeOrderOf &&
      next.measured === prev.measured &&
      next.direction === prev.direction &&
      (touchedNodes !== null || table === prev.nodes)
    ) {
      const ids = new Set(touchedNodes ?? []);
      changedIds(prev.selection.nodes, next.selection.nodes, ids);
      changedIds(prev.dragging, next.dragging, ids);
      changedIds(prev.hidden, next.hidden, ids);
      const patched = patchNodes(next, ids);
      if (Array.isArray(patched)) return (nodes = patched);
      // The cache may already hold some new nodes: rebuild the whole array from it.
      nodeOrderOf = null;
    }
    const reordered = table.order !== nodeOrderOf;
    if (reordered) reorder(table);
    let changed = reordered;
    let parentChanged = false;
    const out: ArchNode[] = new Array<ArchNode>(nodeOrder.length);
    for (let i = 0; i < nodeOrder.length; i++) {
      const found = nodeFor(nodeOrder[i]!, next);
      out[i] = found.node;
      changed ||= found.changed;
      parentChanged ||= found.parentChanged;
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

  function edgeFor(id: string, next: ViewInputs): { edge: ArchEdge; changed: boolean } {
    const record = next.edges.byId.get(id)!;
    const selected = next.selection.edges.has(id);
    const entry = edgeCache.get(id);
    if (entry && entry.record === record && entry.selected === selected) return { edge: entry.edge, changed: false };
    const built = buildEdge(record, selected);
    edgeCache.set(id, built);
    return { edge: built.edge, changed: true };
  }

  function deriveEdges(next: ViewInputs, prev: ViewInputs | null): ArchEdge[] {
    const table = next.edges;
    if (prev !== null && table.order === edgeIndexOf && (touchedEdges !== null || table === prev.edges)) {
      const ids = new Set(touchedEdges ?? []);
      changedIds(prev.selection.edges, next.selection.edges, ids);
      let out: ArchEdge[] | null = null;
      for (const id of ids) {
        const i = edgeIndex.get(id);
        if (i === undefined || !table.byId.has(id)) continue;
        const { edge, changed } = edgeFor(id, next);
        if (!changed) continue;
        out ??= edges.slice();
        out[i] = edge;
      }
      return (edges = out ?? edges);
    }
    const reordered = table.order !== edgeIndexOf;
    if (reordered) {
      for (const id of edgeCache.keys()) if (!table.byId.has(id)) edgeCache.delete(id);
      edgeIndex = new Map(table.order.map((id, i) => [id, i]));
      edgeIndexOf = table.order;
    }
    let changed = reordered;
    const out = table.order.map((id) => {
      const found = edgeFor(id, next);
      changed ||= found.changed;
      return found.edge;
    });
    return changed ? (edges = out) : edges;
  }

  return {
    touch(diff) {
      touchedNodes ??= new Set();
      touchedEdges ??= new Set();
      touchedIds(diff.nodes, touchedNodes);
      touchedIds(diff.edges, touchedEdges);
    },
    derive(next, prev) {
      const nodesIn =
        prev === null ||
        next.nodes !== prev.nodes ||
        next.selection.nodes !== prev.selection.nodes ||
        next.measured !== prev.measured ||
        next.dragging !== prev.dragging ||
        next.hidden !== prev.hidden ||
        next.direction !== prev.direction;
      const edgesIn = prev === null || next.edges !== prev.edges || next.selection.edges !== prev.selection.edges;
      const out = !nodesIn && !edgesIn ? null : { nodes: nodesIn ? deriveNodes(next, prev) : nodes, edges: edgesIn ? deriveEdges(next, prev) : edges };
      touchedNodes = null;
      touchedEdges = null;
      readyNodes = new Map();
      readyEdges = new Map();
      return out;
    },
    prepare(next, diff) {
      readyNodes = new Map();
      readyEdges = new Map();
      const ids = { nodes: new Set<string>(), edges: new Set<string>() };
      touchedIds(diff.nodes, ids.nodes);
      touchedIds(diff.edges, ids.edges);
      for (const id of ids.nodes) {
        const record = next.nodes.byId.get(id);
        if (record) readyNodes.set(id, buildNode(record, next, nodeCache.get(id)));
      }
      for (const id of ids.edges) {
        const record = next.edges.byId.get(id);
        if (record) readyEdges.set(id, buildEdge(record, next.selection.edges.has(id)));
      }
    },
  };
}
