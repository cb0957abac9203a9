/**
 * A connection's line: along the route of the last auto layout (rounded corners), or React
 * Flow's smooth-step path between the two handles; the point its label sits on; and the
 * direction it leaves and arrives in, for the arrowheads. The canvas (ConnectionEdge.tsx) and
 * the PNG painter draw the same path from here (React Flow's own function, pure: in a worker it
 * brings none of React).
 */
import { getSmoothStepPath, Position } from '@xyflow/react';
import type { Point } from '../model/diagram';
import type { Side } from './componentBox';

const CORNER_RADIUS = 8;
/** React Flow's smooth-step offset: how far the line runs straight out of a handle. */
const STEP_OFFSET = 20;

/** Unit direction out of a handle on each side. */
const OUTWARD: Readonly<Record<Side, Point>> = { top: { x: 0, y: -1 }, bottom: { x: 0, y: 1 }, left: { x: -1, y: 0 }, right: { x: 1, y: 0 } };
const POSITION: Readonly<Record<Side, Position>> = { top: Position.Top, bottom: Position.Bottom, left: Position.Left, right: Position.Right };

export interface EdgePath {
  /** SVG path data. */
  path: string;
  /** Where the label is centred. */
  mid: Point;
  /** The ends, and the unit direction the line travels in at each (both along the line, source to target). */
  start: Point;
  end: Point;
  startDirection: Point;
  endDirection: Point;
  /** A box holding the whole line. */
  box: { left: number; top: number; right: number; bottom: number };
}

function unit(from: Point, to: Point): Point {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  return length === 0 ? { x: 0, y: 0 } : { x: (to.x - from.x) / length, y: (to.y - from.y) / length };
}

function boxOf(points: readonly Point[]): EdgePath['box'] {
  const xs = points.map((p) => p.x);
  const ys = points.map((p) => p.y);
  return { left: Math.min(...xs), top: Math.min(...ys), right: Math.max(...xs), bottom: Math.max(...ys) };
}

/** An SVG path through `points` (at least two) with softly rounded corners, and the middle of its length. */
export function routePath(points: readonly Point[]): { path: string; mid: Point } {
  let path = `M ${points[0]!.x} ${points[0]!.y}`;
  for (let i = 1; i < points.length - 1; i++) {
    const prev = points[i - 1]!;
    const at = points[i]!;
    const next = points[i + 1]!;
    const inLen = Math.hypot(at.x - prev.x, at.y - prev.y);
    const outLen = Math.hypot(next.x - at.x, next.y - at.y);
    const r = Math.min(CORNER_RADIUS, inLen / 2, outLen / 2);
    const before = { x: at.x - ((at.x - prev.x) / (inLen || 1)) * r, y: at.y - ((at.y - prev.y) / (inLen || 1)) * r };
    const after = { x: at.x + ((next.x - at.x) / (outLen || 1)) * r, y: at.y + ((next.y - at.y) / (outLen || 1)) * r };
    path += ` L ${before.x} ${before.y} Q ${at.x} ${at.y} ${after.x} ${after.y}`;
  }
  const last = points[points.length - 1]!;
  path += ` L ${last.x} ${last.y}`;
  return { path, mid: halfway(points) };
}

/** The point halfway along the polyline's length. */
export function halfway(points: readonly Point[]): Point {
  let total = 0;
  for (let i = 1; i < points.length; i++) total += Math.hypot(points[i]!.x - points[i - 1]!.x, points[i]!.y - points[i - 1]!.y);
  let walked = 0;
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1]!;
    const b = points[i]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (walked + len >= total / 2) {
      const t = len === 0 ? 0 : (total / 2 - walked) / len;
      return { x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t };
    }
    walked += len;
  }
  return points[0]!;
}

/** The first point of `points` after index 0 that differs from the first (a route may repeat a point). */
function directionFrom(points: readonly Point[]): Point {
  const first = points[0]!;
  for (let i = 1; i < points.length; i++) {
    const d = unit(first, points[i]!);
    if (d.x !== 0 || d.y !== 0) return d;
  }
  return { x: 1, y: 0 };
}

/** The path along a laid-out route (absolute points, at least two). */
export function routedEdge(route: readonly Point[]): EdgePath {
  const { path, mid } = routePath(route);
  const startDirection = directionFrom(route);
  const back = directionFrom([...route].reverse());
  return {
    path,
    mid,
    start: route[0]!,
    end: route[route.length - 1]!,
    startDirection,
    endDirection: { x: -back.x || 0, y: -back.y || 0 },
    box: boxOf(route),
  };
}

/** React Flow's smooth-step path between two handles, as the canvas draws a connection without a route. */
export function steppedEdge(source: Point, sourceSide: Side, target: Point, targetSide: Side): EdgePath {
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX: source.x,
    sourceY: source.y,
    sourcePosition: POSITION[sourceSide],
    targetX: target.x,
    targetY: target.y,
    targetPosition: POSITION[targetSide],
    borderRadius: CORNER_RADIUS,
  });
  const out = OUTWARD[sourceSide];
  const into = OUTWARD[targetSide];
  // The path's bends lie within the ends pushed out by the step offset (and the label on it).
  const reach = [source, target, { x: source.x + out.x * STEP_OFFSET, y: source.y + out.y * STEP_OFFSET }, { x: target.x + into.x * STEP_OFFSET, y: target.y + into.y * STEP_OFFSET }];
  return {
    path,
    mid: { x: labelX, y: labelY },
    start: source,
    end: target,
    startDirection: out,
    endDirection: { x: -into.x || 0, y: -into.y || 0 },
    box: boxOf(reach),
  };
}
