/**
 * How good a layout is, measured the same way for the adapter's result and for a bare ELK run,
 * so the layout rows compare like for like: edge crossings, total edge length and the drawing's
 * area (bounding box of every node and route), also per node.
 */
import { absolutePosition } from '../src/model/absolutePosition';
import { defaultSize } from '../src/model/catalog';
import type { Diagram, Point } from '../src/model/diagram';
import type { ElkGraphNode } from '../src/layout/layoutTypes';

export interface LayoutQuality {
  crossings: number;
  edgeLength: number;
  width: number;
  height: number;
  areaPerNode: number;
}

type Polyline = readonly Point[];

/** Counts proper crossings between segments of different polylines (shared ends are not crossings). */
function countCrossings(lines: readonly Polyline[]): number {
  interface Segment {
    line: number;
    x1: number;
    y1: number;
    x2: number;
    y2: number;
  }
  const segments: Segment[] = [];
  lines.forEach((points, line) => {
    for (let i = 1; i < points.length; i++) {
      const a = points[i - 1]!;
      const b = points[i]!;
      segments.push({ line, x1: Math.min(a.x, b.x), y1: Math.min(a.y, b.y), x2: Math.max(a.x, b.x), y2: Math.max(a.y, b.y) });
    }
  });
  // Orthogonal routes: a crossing is a horizontal segment strictly crossing a vertical one.
  // (Diagonal segments, which bare routes may have at their ends, are counted as their boxes.)
  const horizontal = segments.filter((s) => s.y1 === s.y2);
  const vertical = segments.filter((s) => s.y1 !== s.y2);
  horizontal.sort((a, b) => a.y1 - b.y1);
  let crossings = 0;
  for (const v of vertical) {
    // Binary search the first horizontal segment strictly below v's top.
    let lo = 0;
    let hi = horizontal.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (horizontal[mid]!.y1 <= v.y1) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < horizontal.length && horizontal[i]!.y1 < v.y2; i++) {
      const h = horizontal[i]!;
      if (h.line !== v.line && h.x1 < v.x1 && v.x2 < h.x2) crossings++;
    }
  }
  return crossings;
}

function lengthOf(points: Polyline): number {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  return total;
}

function measure(boxes: readonly { x: number; y: number; width: number; height: number }[], lines: readonly Polyline[], nodeCount: number): LayoutQuality {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const take = (x: number, y: number) => {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  };
  for (const b of boxes) {
    take(b.x, b.y);
    take(b.x + b.width, b.y + b.height);
  }
  for (const line of lines) for (const p of line) take(p.x, p.y);
  const width = maxX - minX;
  const height = maxY - minY;
  return {
    crossings: countCrossings(lines),
    edgeLength: lines.reduce((sum, line) => sum + lengthOf(line), 0),
    width,
    height,
    areaPerNode: (width * height) / nodeCount,
  };
}

/** The adapter's result: node positions (relative to their group) and edge routes (absolute). */
export function diagramQuality(diagram: Diagram): LayoutQuality {
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const boxes = diagram.nodes.map((n) => ({ ...absolutePosition(byId, n), ...(n.size ?? defaultSize(n.kind)) }));
  const lines = diagram.edges.flatMap((e) => (e.route && e.route.length >= 2 ? [e.route] : []));
  return measure(boxes, lines, diagram.nodes.length);
}

/**
 * A bare ELK result: node positions relative to their parent, edge sections in root
 * coordinates (the bare graph asks for `elk.json.edgeCoords: ROOT`, which only changes how the
 * result is written out).
 */
export function elkQuality(root: ElkGraphNode, nodeCount: number): LayoutQuality {
  const boxes: { x: number; y: number; width: number; height: number }[] = [];
  const lines: Point[][] = [];
  const walk = (node: ElkGraphNode, dx: number, dy: number) => {
    for (const edge of node.edges ?? []) {
      for (const s of edge.sections ?? []) lines.push([s.startPoint, ...(s.bendPoints ?? []), s.endPoint]);
    }
    for (const child of node.children ?? []) {
      const x = dx + (child.x ?? 0);
      const y = dy + (child.y ?? 0);
      boxes.push({ x, y, width: child.width ?? 0, height: child.height ?? 0 });
      walk(child, x, y);
    }
  };
  walk(root, root.x ?? 0, root.y ?? 0);
  return measure(boxes, lines, nodeCount);
}
