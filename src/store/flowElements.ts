/**
 * Conversion between the saved document and React Flow's node and edge objects. It runs only
 * when a diagram is loaded or saved: while editing, the store keeps React Flow's objects so
 * their identity survives re-renders.
 */
import { MarkerType, type Edge, type EdgeMarker, type Node } from '@xyflow/react';
import { GROUP_KIND, type Role } from '../model/catalog';
import type { Diagram, DiagramEdge, DiagramNode, Point, Size } from '../model/diagram';

export interface ComponentData extends Record<string, unknown> {
  kind: string;
  label: string;
  role?: Role;
  tech?: string;
  notes?: string;
  /** The size a file gave a component; kept so saving does not drop it. */
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

export interface DocumentMeta {
  title: string;
  flow: Diagram['flow'];
  layout?: Diagram['layout'];
}

export function toFlowNode(node: DiagramNode): ArchNode {
  const data: ComponentData = { kind: node.kind, label: node.label };
  if (node.role !== undefined && node.kind !== GROUP_KIND) data.role = node.role;
  if (node.tech !== undefined) data.tech = node.tech;
  if (node.notes !== undefined) data.notes = node.notes;
  const position = node.position ?? { x: 0, y: 0 };
  if (node.kind === GROUP_KIND) {
    const size = node.size ?? { width: 360, height: 240 };
    const group: GroupNode = {
      id: node.id,
      type: 'group',
      position: { x: position.x, y: position.y },
      data,
      width: size.width,
      height: size.height,
      // Groups stay behind the components they hold.
      zIndex: -1,
    };
    if (node.parent !== undefined) group.parentId = node.parent;
    return group;
  }
  if (node.size !== undefined) data.size = node.size;
  const component: ComponentNode = {
    id: node.id,
    type: 'component',
    position: { x: position.x, y: position.y },
    data,
  };
  if (node.parent !== undefined) component.parentId = node.parent;
  return component;
}

export function toFlowEdge(edge: DiagramEdge): ArchEdge {
  const data: ConnectionData = {};
  if (edge.label !== undefined) data.label = edge.label;
  if (edge.protocol !== undefined) data.protocol = edge.protocol;
  if (edge.bidirectional) data.bidirectional = true;
  if (edge.route !== undefined) data.route = edge.route;
  return withMarkers({ id: edge.id, source: edge.source, target: edge.target, type: 'connection', data });
}

// Marker objects are shared so React Flow defines each arrowhead once.
const ARROW: EdgeMarker = { type: MarkerType.ArrowClosed, color: 'var(--af-edge)', width: 16, height: 16 };

/** Arrowheads: at the target, and at the source too when the edge is bidirectional. */
export function withMarkers(edge: ArchEdge): ArchEdge {
  const both = Boolean(edge.data?.bidirectional);
  if (edge.markerEnd === ARROW && (edge.markerStart === ARROW) === both) return edge;
  const next: ArchEdge = { ...edge, markerEnd: ARROW };
  if (both) next.markerStart = ARROW;
  else delete next.markerStart;
  return next;
}

/** React Flow needs every parent before its children. */
export function orderParentsFirst<T extends { id: string; parentId?: string }>(nodes: readonly T[]): T[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const placed = new Set<string>();
  const out: T[] = [];
  for (const start of nodes) {
    const chain: T[] = [];
    let current: T | undefined = start;
    while (current && !placed.has(current.id) && !chain.includes(current)) {
      chain.push(current);
      current = current.parentId !== undefined ? byId.get(current.parentId) : undefined;
    }
    for (let i = chain.length - 1; i >= 0; i--) {
      const node = chain[i]!;
      placed.add(node.id);
      out.push(node);
    }
  }
  return out;
}

export function toFlowElements(diagram: Diagram): { meta: DocumentMeta; nodes: ArchNode[]; edges: ArchEdge[] } {
  const meta: DocumentMeta = { title: diagram.title, flow: diagram.flow };
  if (diagram.layout !== undefined) meta.layout = { ...diagram.layout };
  return {
    meta,
    nodes: orderParentsFirst(diagram.nodes.map(toFlowNode)),
    edges: diagram.edges.map(toFlowEdge),
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

export function toDiagramNode(node: ArchNode): DiagramNode {
  const d = node.data;
  const out: DiagramNode = { id: node.id, kind: d.kind, label: d.label };
  if (d.role !== undefined) out.role = d.role;
  if (node.parentId !== undefined) out.parent = node.parentId;
  out.position = { x: round(node.position.x), y: round(node.position.y) };
  if (node.type === 'group') {
    const width = node.width ?? node.measured?.width ?? 360;
    const height = node.height ?? node.measured?.height ?? 240;
    out.size = { width: round(width), height: round(height) };
  } else if (d.size !== undefined) {
    out.size = d.size;
  }
  if (d.tech !== undefined && d.tech !== '') out.tech = d.tech;
  if (d.notes !== undefined && d.notes !== '') out.notes = d.notes;
  return out;
}

export function toDiagramEdge(edge: ArchEdge): DiagramEdge {
  const out: DiagramEdge = { id: edge.id, source: edge.source, target: edge.target };
  const d = edge.data;
  if (d?.label) out.label = d.label;
  if (d?.protocol) out.protocol = d.protocol;
  if (d?.bidirectional) out.bidirectional = true;
  if (d?.route) out.route = d.route;
  return out;
}

export function toDiagram(meta: DocumentMeta, nodes: readonly ArchNode[], edges: readonly ArchEdge[]): Diagram {
  const diagram: Diagram = {
    title: meta.title,
    flow: meta.flow,
    nodes: nodes.map(toDiagramNode),
    edges: edges.map(toDiagramEdge),
  };
  if (meta.layout !== undefined) diagram.layout = { ...meta.layout };
  return diagram;
}
