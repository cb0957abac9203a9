/**
 * Where to put a new component: the free spot nearest a point (the centre of the view), so a
 * click on the palette never drops a node on top of another.
 */
import type { Point, Size } from './diagram';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const GAP = 24;

function overlaps(a: Rect, b: Rect): boolean {
  return a.x < b.x + b.width + GAP && b.x < a.x + a.width + GAP && a.y < b.y + b.height + GAP && b.y < a.y + a.height + GAP;
}

/**
 * Returns the top-left corner of a `size` box whose centre is as near `center` as possible
 * without overlapping any of `taken`. Candidates are searched in rings of grid steps, nearest
 * first, so the answer is stable and snapped to `grid`.
 */
export function findFreeSpot(center: Point, size: Size, taken: readonly Rect[], grid = 20): Point {
  const snap = (v: number) => Math.round(v / grid) * grid;
  const origin = { x: snap(center.x - size.width / 2), y: snap(center.y - size.height / 2) };
  const fits = (p: Point) => {
    const box = { x: p.x, y: p.y, width: size.width, height: size.height };
    for (const r of taken) if (overlaps(box, r)) return false;
    return true;
  };
  if (fits(origin)) return origin;
  const step = grid * 2;
  for (let ring = 1; ring <= 200; ring++) {
    const candidates: Point[] = [];
    for (let i = -ring; i <= ring; i++) {
      candidates.push({ x: origin.x + i * step, y: origin.y - ring * step });
      candidates.push({ x: origin.x + i * step, y: origin.y + ring * step });
      if (i !== -ring && i !== ring) {
        candidates.push({ x: origin.x - ring * step, y: origin.y + i * step });
        candidates.push({ x: origin.x + ring * step, y: origin.y + i * step });
      }
    }
    candidates.sort(
      (a, b) => Math.hypot(a.x - origin.x, a.y - origin.y) - Math.hypot(b.x - origin.x, b.y - origin.y),
    );
    for (const c of candidates) if (fits(c)) return c;
  }
  // Past 200 rings the canvas is enormous; below everything is always free.
  const bottom = Math.max(...taken.map((r) => r.y + r.height));
  return { x: origin.x, y: snap(bottom + GAP * 2) };
}
