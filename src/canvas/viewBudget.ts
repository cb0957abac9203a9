/**
 * From how far out a big diagram is drawn as one picture (PictureLayer.tsx) instead of React
 * Flow's nodes, so that the canvas never has to mount more nodes at once than the page can draw
 * without freezing.
 *
 * Why: above CULL_FROM nodes React Flow mounts only the nodes in view, but a fitted view of a big
 * diagram has every node in view, and mounting costs about 2–6 ms per node with its edges
 * (BENCHMARKS.md, "open a big diagram"): 5,000 nodes froze the tab for 12–30 s. Even with only
 * a few hundred mounted, every store change then cost each of them its selectors, and every frame
 * their styles and labels (over 100 ms a frame on a slowed CPU). So below the zoom at which a
 * view holds about VIEW_BUDGET nodes, React Flow mounts none and one canvas paints the whole
 * diagram; zooming back in mounts the nodes in view. The zoom itself is never clamped: like
 * every other drawing tool, the whole diagram can be seen at once.
 */

/** Above this many nodes, only what is in view is mounted (React Flow's `onlyRenderVisibleElements`). */
export const CULL_FROM = 400;
/** About the most nodes mounted at once; see docs/ARCHITECTURE.md for how it was chosen. */
export const VIEW_BUDGET = 400;
/** React Flow's own floor, for diagrams small enough to see whole. */
export const MIN_ZOOM = 0.02;

interface Placed {
  position: { x: number; y: number };
  parentId?: string;
  width?: number;
  height?: number;
  measured?: { width?: number; height?: number };
}

/** Rough size of a component, for nodes not measured yet. */
const DEFAULT_W = 180;
const DEFAULT_H = 64;

/**
 * The least zoom at which React Flow mounts the nodes in view: where a view of `canvas` (in
 * screen pixels) holds about `budget` nodes of this diagram, assuming they are spread evenly
 * over the box of its top-level nodes (children sit inside their group). Small diagrams get
 * MIN_ZOOM: they are never drawn as a picture.
 */
export function mountZoomFor(nodes: readonly Placed[], canvas: { width: number; height: number }, budget = VIEW_BUDGET): number {
  if (nodes.length <= Math.max(budget, CULL_FROM) || canvas.width <= 0 || canvas.height <= 0) return MIN_ZOOM;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const n of nodes) {
    if (n.parentId !== undefined) continue;
    const w = n.measured?.width ?? n.width ?? DEFAULT_W;
    const h = n.measured?.height ?? n.height ?? DEFAULT_H;
    minX = Math.min(minX, n.position.x);
    minY = Math.min(minY, n.position.y);
    maxX = Math.max(maxX, n.position.x + w);
    maxY = Math.max(maxY, n.position.y + h);
  }
  // Never less than one default node per node, so a pile of nodes at one spot still counts as big.
  const area = Math.max((maxX - minX) * (maxY - minY), nodes.length * DEFAULT_W * DEFAULT_H);
  if (!Number.isFinite(area)) return MIN_ZOOM;
  // In view at zoom z: canvas area / z² of the diagram's area, holding that share of its nodes.
  const zoom = Math.sqrt((nodes.length * canvas.width * canvas.height) / (budget * area));
  return Math.min(Math.max(zoom, MIN_ZOOM), 1);
}

/**
 * Whether the canvas draws the diagram as one picture: zoomed out below `mountZoom`
 * (mountZoomFor). Exports are painted from the records (src/paint), not from the canvas.
 */
export function drawsPicture(zoom: number, mountZoom: number): boolean {
  return mountZoom > MIN_ZOOM && zoom < mountZoom;
}
