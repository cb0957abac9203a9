/**
 * An auto layout's answer, applied to the canvas a slice at a time. Moving every node and edge
 * of a big diagram in one render blocked the page for over 100 ms, and fitting the view to the
 * result then mounted and measured hundreds of nodes React Flow had culled, for another 300 ms.
 * Instead the view glides to the new layout first (culled nodes leave a few per frame), then
 * each frame moves a budget of nodes, and the edges whose ends have both arrived: the diagram
 * settles into its new shape instead of freezing. Pure functions over the document's records;
 * the layout slice decides when each slice runs.
 */
import { absolutePosition } from '../model/absolutePosition';
import { GROUP_KIND } from '../model/catalog';
import type { Diagram, DiagramEdge, DiagramNode, Point, Size } from '../model/diagram';
import type { Rect } from '../model/findFreeSpot';
import { clampPoint, clampSize } from '../model/recordLimits';
import type { RecordTable } from '../model/recordsDiff';

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
 * How many frames the view takes to glide to the new layout before the nodes start moving (24 to
 * 72, about 0.4 to 1.2 s at 60 frames a second): more for bigger diagrams, which have more nodes
 * leaving the view on the way. Counted in frames, not time, so a slow page glides as evenly
 * (more slowly) instead of jumping and mounting a whole view of nodes in one frame.
 */
export function layoutGlideFrames(nodeCount: number): number {
  return Math.min(72, Math.max(24, Math.round(nodeCount / 20)));
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

/**
 * How many nodes (or other pieces of work) the next frame may take on, given the time between the
 * last two frames: half after a slow frame, a little more (`step`) after a quick one, up to `max`.
 */
export function nextBudget(budget: number, frameMs: number, max = MAX_BUDGET, step = 2): number {
  if (frameMs > SLOW_FRAME_MS) return Math.max(1, Math.floor(budget / 2));
  if (frameMs < FAST_FRAME_MS) return Math.min(max, budget + step);
  return budget;
}

/**
 * Node ids in pieces of about `perSlice` (a frame moves whole pieces), parents before children.
 * A group travels with its contents in one piece where it can: children are placed relative to
 * their group, so moving a group alone would carry its old children along to where they do not
 * belong.
 */
export function planLayoutSlices(nodes: readonly DiagramNode[], perSlice: number): string[][] {
  const ids = new Set(nodes.map((n) => n.id));
  const children = new Map<string, string[]>();
  const roots: string[] = [];
  for (const n of nodes) {
    if (n.parent !== undefined && ids.has(n.parent) && n.parent !== n.id) {
      const list = children.get(n.parent);
      if (list) list.push(n.id);
      else children.set(n.parent, [n.id]);
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

/** The records of the nodes in `ids` moved (and groups sized) to their laid-out place. */
export function placeNodes(nodes: RecordTable<DiagramNode>, ids: ReadonlySet<string>, target: LayoutTarget): DiagramNode[] {
  const out: DiagramNode[] = [];
  for (const id of ids) {
    const node = nodes.byId.get(id);
    const next = target.nodes.get(id);
    if (!node || !next) continue;
    const moved: DiagramNode = { ...node, position: clampPoint(next.position) };
    if (node.kind === GROUP_KIND && next.size) moved.size = clampSize(next.size);
    out.push(moved);
  }
  return out;
}

/**
 * What React Flow will measure for laid-out groups (whole pixels, as offsetWidth reports them):
 * saying so spares a round of 'dimensions' changes, and a re-render of the canvas, in the next frame.
 */
export function measuredGroups(placed: readonly DiagramNode[], measured: ReadonlyMap<string, Size>): ReadonlyMap<string, Size> {
  let out: Map<string, Size> | null = null;
  for (const n of placed) {
    if (n.kind !== GROUP_KIND || !n.size) continue;
    out ??= new Map(measured);
    out.set(n.id, { width: Math.round(n.size.width), height: Math.round(n.size.height) });
  }
  return out ?? measured;
}

function withRoute(edge: DiagramEdge, route: Point[] | undefined): DiagramEdge {
  const { route: _old, ...rest } = edge;
  return route ? { ...rest, route: route.map(clampPoint) } : rest;
}

/**
 * Edges after the nodes in `justPlaced` moved. An edge whose ends are both placed gets its new
 * route (and joins `finished`); one with a single end placed loses its old route, which no
 * longer meets that end, and follows its handles until the other end arrives. Returns only the
 * records that change.
 */
export function placeEdges(
  edges: RecordTable<DiagramEdge>,
  placed: ReadonlySet<string>,
  justPlaced: ReadonlySet<string>,
  finished: Set<string>,
  target: LayoutTarget,
): DiagramEdge[] {
  const out: DiagramEdge[] = [];
  for (const id of edges.order) {
    const e = edges.byId.get(id)!;
    if (finished.has(e.id) || (!justPlaced.has(e.source) && !justPlaced.has(e.target))) continue;
    if (placed.has(e.source) && placed.has(e.target)) {
      finished.add(e.id);
      out.push(withRoute(e, target.routes.get(e.id)));
    } else if (e.route) {
      out.push(withRoute(e, undefined));
    }
  }
  return out;
}

/** Every edge not yet finished, given its laid-out route. */
export function finishEdges(edges: RecordTable<DiagramEdge>, finished: Set<string>, target: LayoutTarget): DiagramEdge[] {
  const out: DiagramEdge[] = [];
  for (const id of edges.order) {
    if (finished.has(id)) continue;
    finished.add(id);
    out.push(withRoute(edges.byId.get(id)!, target.routes.get(id)));
  }
  return out;
}
