/**
 * An auto layout's answer, applied to the canvas a slice at a time. Moving every node and edge
 * of a big diagram in one render blocked the page for over 100 ms, and fitting the view to the
 * result then mounted and measured hundreds of nodes React Flow had culled, for another 300 ms.
 * Instead the view glides to the new layout first (culled nodes leave a few per frame), then
 * each frame moves a budget of nodes, and the edges whose ends have both arrived: the diagram
 * settles into its new shape instead of freezing. Pure functions over React Flow's objects; the
 * store decides when each slice runs.
 */
import { absolutePosition } from '../model/absolutePosition';
import type { Diagram, Point, Size } from '../model/diagram';
import type { Rect } from '../model/findFreeSpot';
import type { ArchEdge, ArchNode } from './flowElements';

/** The size of the pieces a layout is cut into; a frame moves one or more of them. */
export const LAYOUT_PIECE_NODES = 8;
/** Below this, moving every node in one render is quick (about a quarter of a millisecond each). */
export const LAYOUT_SLICES_FROM_NODES = 120;
/**
 * Nodes moved in the first frame; later frames move more or fewer as frames turn out fast or
 * slow. At 500 nodes a frame costs about 20 ms of fixed work plus 1 ms per node that arrives in
 * view, so 12 to 16 nodes keep it near 35 ms.
 */
export const LAYOUT_FIRST_BUDGET = 12;
const MAX_BUDGET = 16;
/** A frame slower than this halves the next one's budget; one quicker than FAST grows it. */
const SLOW_FRAME_MS = 40;
const FAST_FRAME_MS = 25;
/**
 * How long the view takes to glide to the new layout before the nodes start moving: longer for
 * bigger diagrams, which have more nodes leaving the view on the way.
 */
export function layoutGlideMs(nodeCount: number): number {
  return Math.min(1_200, Math.max(400, Math.round(nodeCount * 0.8)));
}

export interface LayoutTarget {
  nodes: ReadonlyMap<string, { position: Point; size?: Size }>;
  /** Every laid-out edge's new route; undefined drops the old one. */
  routes: ReadonlyMap<string, Point[] | undefined>;
  /** The laid-out diagram's extent in flow coordinates (absolute), or null when empty. */
  bounds: Rect | null;
}

export function layoutTarget(laidOut: Diagram): LayoutTarget {
  const nodes = new Map<string, { position: Point; size?: Size }>();
  for (const n of laidOut.nodes) {
    if (n.position) nodes.set(n.id, n.size ? { position: n.position, size: n.size } : { position: n.position });
  }
  const routes = new Map(laidOut.edges.map((e) => [e.id, e.route]));
  const byId = new Map(laidOut.nodes.map((n) => [n.id, n]));
  const boxes: Rect[] = [];
  for (const n of laidOut.nodes) {
    if (!n.position || !n.size) continue;
    const { x, y } = absolutePosition(byId, n);
    boxes.push({ x, y, width: n.size.width, height: n.size.height });
  }
  return { nodes, routes, bounds: unionOf(boxes) };
}

export function unionOf(rects: readonly (Rect | null)[]): Rect | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rects) {
    if (!r) continue;
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.width);
    maxY = Math.max(maxY, r.y + r.height);
  }
  return minX <= maxX ? { x: minX, y: minY, width: maxX - minX, height: maxY - minY } : null;
}

/** How many nodes the next frame may move, given the time between the last two frames. */
export function nextBudget(budget: number, frameMs: number): number {
  if (frameMs > SLOW_FRAME_MS) return Math.max(1, Math.floor(budget / 2));
  if (frameMs < FAST_FRAME_MS) return Math.min(MAX_BUDGET, budget + 2);
  return budget;
}

/**
 * Node ids in pieces of about `perSlice` (a frame moves whole pieces), parents before children.
 * A group travels with its contents in one piece where it can: children are placed relative to
 * their group, so moving a group alone would carry its old children along to where they do not
 * belong.
 */
export function planLayoutSlices(nodes: readonly ArchNode[], perSlice: number): string[][] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const n of nodes) {
    if (n.parentId !== undefined && ids.has(n.parentId) && n.parentId !== n.id) {
      const list = children.get(n.parentId);
      if (list) list.push(n.id);
      else children.set(n.parentId, [n.id]);
    } else {
      roots.push(n.id);
    }
  }
  const slices: string[][] = [];
  let current: string[] = [];
  const seen = new Set<string>();
  const subtree = (root: string): string[] => {
    const out: string[] = [];
    const stack = [root];
    while (stack.length > 0) {
      const id = stack.pop()!;
      if (seen.has(id)) continue;
      seen.add(id);
      out.push(id);
      const kids = children.get(id);
      if (kids) for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
    return out;
  };
  const push = (list: string[]) => {
    if (current.length > 0 && current.length + list.length > perSlice * 1.5) {
      slices.push(current);
      current = [];
    }
    current.push(...list);
    if (current.length >= perSlice) {
      slices.push(current);
      current = [];
    }
  };
  for (const root of roots) {
    const tree = subtree(root);
    if (tree.length > 2 * perSlice) {
      for (let i = 0; i < tree.length; i += perSlice) push(tree.slice(i, i + perSlice));
    } else {
      push(tree);
    }
  }
  // Nodes in a parent cycle (never in a valid file) are not reachable from a root.
  const rest = nodes.map((n) => n.id).filter((id) => !seen.has(id));
  if (rest.length > 0) push(rest);
  if (current.length > 0) slices.push(current);
  return slices;
}

/** The nodes with those in `ids` moved to their laid-out place; others keep their identity. */
export function placeNodes(nodes: ArchNode[], ids: ReadonlySet<string>, target: LayoutTarget): ArchNode[] {
  if (ids.size === 0) return nodes;
  return nodes.map((n) => {
    const next = ids.has(n.id) ? target.nodes.get(n.id) : undefined;
    if (!next) return n;
    const moved = { ...n, position: { ...next.position } } as ArchNode;
    if (n.type === 'group' && next.size) {
      moved.width = next.size.width;
      moved.height = next.size.height;
      // What React Flow will measure (whole pixels, as offsetWidth reports them): saying so
      // spares a round of 'dimensions' changes, and a re-render of the canvas, in the next frame.
      moved.measured = { width: Math.round(next.size.width), height: Math.round(next.size.height) };
    }
    return moved;
  });
}

function withRoute(edge: ArchEdge, route: Point[] | undefined): ArchEdge {
  const { route: _old, ...data } = edge.data ?? {};
  return { ...edge, data: route ? { ...data, route } : data };
}

/**
 * Edges after the nodes in `justPlaced` moved. An edge whose ends are both placed gets its new
 * route (and joins `finished`); one with a single end placed loses its old route, which no
 * longer meets that end, and follows its handles until the other end arrives.
 */
export function placeEdges(
  edges: ArchEdge[],
  placed: ReadonlySet<string>,
  justPlaced: ReadonlySet<string>,
  finished: Set<string>,
  target: LayoutTarget,
): ArchEdge[] {
  let changed = false;
  const out = edges.map((e) => {
    if (finished.has(e.id) || (!justPlaced.has(e.source) && !justPlaced.has(e.target))) return e;
    if (placed.has(e.source) && placed.has(e.target)) {
      finished.add(e.id);
      changed = true;
      return withRoute(e, target.routes.get(e.id));
    }
    if (!e.data?.route) return e;
    changed = true;
    return withRoute(e, undefined);
  });
  return changed ? out : edges;
}

/** Every edge not yet finished, given its laid-out route. */
export function finishEdges(edges: ArchEdge[], finished: Set<string>, target: LayoutTarget): ArchEdge[] {
  return edges.map((e) => {
    if (finished.has(e.id)) return e;
    finished.add(e.id);
    return withRoute(e, target.routes.get(e.id));
  });
}
