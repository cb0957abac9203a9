/**
 * An auto layout's answer, and how a big one is revealed. Moving every node of a big diagram in
 * one render, with the nodes then in view mounted and measured, blocked the page for seconds on
 * a slowed CPU; moving them a slice per frame (with the view gliding first) still took 55 tasks
 * over 100 ms. Now the whole answer is one document change that lands with every node hidden,
 * the view jumps to it, and the nodes are revealed a slice per frame, the slice sized by how long
 * the last frame took. Pure functions over the document's records; the layout slice decides when
 * each slice runs.
 */
import { absolutePosition } from '../model/absolutePosition';
import { GROUP_KIND } from '../model/catalog';
import type { Diagram, DiagramEdge, DiagramNode, Point, Size } from '../model/diagram';
import type { Rect } from '../model/findFreeSpot';
import { clampPoint, clampSize } from '../model/recordLimits';
import type { RecordTable } from '../model/recordsDiff';

/** The size of the pieces a layout is cut into; a frame reveals one or more of them. */
export const LAYOUT_PIECE_NODES = 8;
/** Below this, moving and showing every node in one render is quick (about a quarter of a millisecond each). */
export const LAYOUT_SLICES_FROM_NODES = 120;
/**
 * Above this many nodes a view of the whole layout holds more than the canvas's view budget
 * (VIEW_BUDGET in src/canvas/viewBudget.ts, the same number): the fitted view is the far view's
 * picture, which mounts nothing, so the nodes need no revealing a slice at a time.
 */
export const LAYOUT_REVEAL_UP_TO = 400;
/** Nodes revealed in the first frame; later frames reveal more or fewer (nextRevealBudget). */
export const LAYOUT_FIRST_REVEAL = 32;
/** Pieces of work taken on in a frame: halved after a frame slower than SLOW, grown after one quicker than FAST. */
const MAX_BUDGET = 16;
const SLOW_FRAME_MS = 40;
const FAST_FRAME_MS = 25;
/**
 * Hidden nodes revealed per frame, at most. Most of a fitted big diagram lies outside the view,
 * where a revealed node costs React Flow a lookup and no mount, so quick frames may take many.
 */
const MAX_REVEAL = 200;
/**
 * Each reveal costs a fixed part (React Flow's store update runs a selector per mounted node and
 * connection, 100 ms and more with a few hundred mounted on a 4× slowed CPU) besides the nodes it
 * mounts: halving the slice after every frame over 40 ms made 60 long frames of 8 nodes each
 * instead of a few longer ones. So it shrinks only after a frame this slow, and grows after a quick one.
 */
const VERY_SLOW_REVEAL_MS = 250;
const QUICK_REVEAL_MS = 50;

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
 * How many nodes the next frame may reveal, given the time between the last two frames: half
 * after a very slow one, twice as many after a quick one (the cost per node varies tenfold with
 * how many of them land in view, so a doubling finds the pace in a few frames), from two pieces
 * up to MAX_REVEAL.
 */
export function nextRevealBudget(budget: number, frameMs: number): number {
  if (frameMs > VERY_SLOW_REVEAL_MS) return Math.max(2 * LAYOUT_PIECE_NODES, Math.floor(budget / 2));
  if (frameMs < QUICK_REVEAL_MS) return Math.min(MAX_REVEAL, budget * 2);
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

/** Every edge given its laid-out route (or none, dropping a stale one). */
export function routeEdges(edges: RecordTable<DiagramEdge>, target: LayoutTarget): DiagramEdge[] {
  return edges.order.map((id) => withRoute(edges.byId.get(id)!, target.routes.get(id)));
}
