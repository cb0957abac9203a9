/**
 * Reads ELK's answer back into the diagram: parent-relative top-left positions and sizes for
 * nodes (as React Flow expects), absolute routes for edges, then checks what the user relies
 * on (band order among siblings, finite numbers inside the format's limits) before anyone sees
 * it. Linear in nodes + edges + route points.
 */
import type { Diagram, DiagramEdge, DiagramNode, LayoutDirection, Point, Size } from '../model/diagram';
import { LIMITS } from '../model/limits';
import { flowExtent } from './direction';
import { indexOfElkId, type ElkPlan } from './elkGraph';
import { BAND_COUNT, FREE_BAND } from './layering';
import { layoutFailure, type ElkGraphEdge, type ElkGraphNode, type LayoutOutcome } from './layoutTypes';

function usable(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= LIMITS.maxCoordinate;
}

const TOO_LARGE = 'The laid-out diagram would not fit in the canvas limits.';

export function applyElkLayout(diagram: Diagram, direction: LayoutDirection, plan: ElkPlan, result: ElkGraphNode): LayoutOutcome {
  const n = diagram.nodes.length;
  const positions: (Point | undefined)[] = new Array<Point | undefined>(n);
  const sizes: (Size | undefined)[] = new Array<Size | undefined>(n);
  const routes = new Map<number, Point[]>();

  const pendingNodes: ElkGraphNode[] = [result];
  const pendingEdges: ElkGraphEdge[] = [];
  while (pendingNodes.length > 0) {
    const node = pendingNodes.pop()!;
    for (const child of node.children ?? []) {
      pendingNodes.push(child);
      const i = indexOfElkId(child.id, 'node');
      if (i < 0 || i >= n) continue;
      const { x, y, width, height } = child;
      if (!usable(x) || !usable(y) || !usable(width) || !usable(height)) return layoutFailure('too-large', TOO_LARGE);
      positions[i] = { x, y };
      sizes[i] = { width, height };
    }
    for (const edge of node.edges ?? []) pendingEdges.push(edge);
  }
  for (const edge of pendingEdges) {
    const k = indexOfElkId(edge.id, 'edge');
    const section = edge.sections?.[0];
    if (k < 0 || k >= diagram.edges.length || !section) continue;
    const points = [section.startPoint, ...(section.bendPoints ?? []), section.endPoint].map(({ x, y }) => ({ x, y }));
    if (!points.every((p) => usable(p.x) && usable(p.y))) return layoutFailure('too-large', TOO_LARGE);
    routes.set(k, plan.reversed[k] ? points.reverse() : points);
  }

  for (let i = 0; i < n; i++) {
    if (!positions[i]) return layoutFailure('failed', `ELK returned no position for node "${diagram.nodes[i]!.id}".`);
  }
  if (plan.routedHere.includes(1)) routeAcrossGroups(diagram, direction, plan, positions as Point[], sizes as Size[], routes);
  const broken = firstBandViolation(direction, plan, positions as Point[], sizes as Size[]);
  if (broken !== undefined) {
    return layoutFailure(
      'failed',
      `The layout put "${diagram.nodes[broken]!.id}" outside its band (clients, servers, datastores); nothing was moved.`,
    );
  }

  const nodes: DiagramNode[] = diagram.nodes.map((node, i) => ({ ...node, position: positions[i]!, size: sizes[i]! }));
  const edges: DiagramEdge[] = diagram.edges.map((edge, k) => {
    const route = routes.get(k);
    if (route) return { ...edge, route };
    const { route: _stale, ...rest } = edge;
    return rest;
  });
  return {
    ok: true,
    direction,
    diagram: { ...diagram, nodes, edges, layout: { ...diagram.layout, direction } },
  };
}

/**
 * Every sibling in an earlier band must end before every sibling in a later band starts, along
 * the flow. Returns a node that breaks this, or undefined. Layering guarantees it; this check
 * keeps a future ELK change from silently shipping a wrong picture.
 */
function firstBandViolation(direction: LayoutDirection, plan: ElkPlan, positions: Point[], sizes: Size[]): number | undefined {
  const n = positions.length;
  // Per container (index + 1, 0 = top level) and band: earliest start and latest end.
  const first = new Float64Array((n + 1) * BAND_COUNT).fill(Number.POSITIVE_INFINITY);
  const last = new Float64Array((n + 1) * BAND_COUNT).fill(Number.NEGATIVE_INFINITY);
  const extents = new Float64Array(n * 2);
  for (let i = 0; i < n; i++) {
    const [start, end] = flowExtent(direction, positions[i]!, sizes[i]!);
    extents[2 * i] = start;
    extents[2 * i + 1] = end;
    const slot = (plan.parent[i]! + 1) * BAND_COUNT + plan.band[i]!;
    if (start < first[slot]!) first[slot] = start;
    if (end > last[slot]!) last[slot] = end;
  }
  for (let i = 0; i < n; i++) {
    const base = (plan.parent[i]! + 1) * BAND_COUNT;
    const band = plan.band[i]!;
    if (band === FREE_BAND) continue;
    for (let earlier = 0; earlier < band; earlier++) {
      if (last[base + earlier]! >= extents[2 * i]!) return i;
    }
  }
  return undefined;
}

/**
 * Edges between a node and a group two or more levels above it, which ELK cannot route: a
 * straight segment along the flow from the node to the group's border, leaving the node on its
 * outgoing side (edge out of the node) or entering on its incoming side (edge into it).
 */
function routeAcrossGroups(
  diagram: Diagram,
  direction: LayoutDirection,
  plan: ElkPlan,
  positions: Point[],
  sizes: Size[],
  routes: Map<number, Point[]>,
): void {
  const n = positions.length;
  const indexById = new Map(diagram.nodes.map((node, i) => [node.id, i]));
  // Absolute top-left corners, parents before children.
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => plan.depth[a]! - plan.depth[b]!);
  const absolute: Point[] = new Array<Point>(n);
  for (const i of order) {
    const p = plan.parent[i]!;
    const origin = p === -1 ? { x: 0, y: 0 } : absolute[p]!;
    absolute[i] = { x: origin.x + positions[i]!.x, y: origin.y + positions[i]!.y };
  }
  const vertical = direction === 'up' || direction === 'down';
  const forwardIsPositive = direction === 'down' || direction === 'right';
  const side = (i: number, outgoing: boolean) => {
    const high = outgoing === forwardIsPositive;
    const start = vertical ? absolute[i]!.y : absolute[i]!.x;
    const extent = vertical ? sizes[i]!.height : sizes[i]!.width;
    return high ? start + extent : start;
  };
  diagram.edges.forEach((edge, k) => {
    if (!plan.routedHere[k]) return;
    const s = indexById.get(edge.source)!;
    const t = indexById.get(edge.target)!;
    const innerIsSource = plan.depth[s]! > plan.depth[t]!;
    const inner = innerIsSource ? s : t;
    const outer = innerIsSource ? t : s;
    const cross = vertical ? absolute[inner]!.x + sizes[inner]!.width / 2 : absolute[inner]!.y + sizes[inner]!.height / 2;
    const at = (v: number): Point => (vertical ? { x: cross, y: v } : { x: v, y: cross });
    const innerEnd = at(side(inner, innerIsSource));
    const outerEnd = at(side(outer, innerIsSource));
    routes.set(k, innerIsSource ? [innerEnd, outerEnd] : [outerEnd, innerEnd]);
  });
}
