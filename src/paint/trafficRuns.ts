/**
 * The straight runs of an edge's drawn path, for the traffic dots (TrafficDots in
 * ConnectionEdge.tsx), which move along each run with a transform the compositor animates; the
 * PNG painter draws the same dots, standing still (drawEdge.ts).
 *
 * Why runs and not the path itself: a dot that follows an SVG path (a moving dash offset, or CSS
 * `offset-path`) is repainted by the main thread on every frame, for every edge, for as long as the
 * analysis is shown; a strip that slides along a straight line is a transform, which Chromium
 * animates off the main thread. Both path builders the canvas uses (ConnectionEdge's routePath and
 * React Flow's getSmoothStepPath) draw `M`, then straight `L` lines joined by `Q` corners; the
 * corners are left out (a dot skips the few pixels of a rounded corner).
 */
export interface TrafficRun {
  /** Where the run starts, in canvas coordinates. */
  x: number;
  y: number;
  length: number;
  /** Direction in degrees, clockwise from +x (screen coordinates). */
  angle: number;
  /** Distance along the whole path to the run's start, so the dots keep their spacing round corners. */
  offset: number;
}

/** Dot spacing (canvas px) and the time a dot takes to move one spacing (ms), per traffic level 1–5. */
export const TRAFFIC_LEVELS: readonly { spacing: number; ms: number }[] = [
  { spacing: 32, ms: 3200 },
  { spacing: 26, ms: 2200 },
  { spacing: 20, ms: 1400 },
  { spacing: 15, ms: 900 },
  { spacing: 11, ms: 550 },
];

/** Runs shorter than this are not worth a layer. */
const MIN_RUN = 4;

export function trafficRuns(path: string): TrafficRun[] {
  const tokens = path.match(/[A-Za-z]|-?\d*\.?\d+(?:[eE][-+]?\d+)?/g) ?? [];
  const runs: TrafficRun[] = [];
  let x = 0;
  let y = 0;
  let walked = 0;
  let i = 0;
  const num = () => Number(tokens[i++]);
  while (i < tokens.length) {
    const command = tokens[i++];
    if (command === 'M') {
      x = num();
      y = num();
    } else if (command === 'L') {
      const nx = num();
      const ny = num();
      const length = Math.hypot(nx - x, ny - y);
      if (length >= MIN_RUN) runs.push({ x, y, length, angle: (Math.atan2(ny - y, nx - x) * 180) / Math.PI, offset: walked });
      walked += length;
      x = nx;
      y = ny;
    } else if (command === 'Q') {
      num();
      num();
      const nx = num();
      const ny = num();
      // A corner's length is near enough its chord's times π/4·√2 ≈ 1.11 (a quarter circle).
      walked += Math.hypot(nx - x, ny - y) * 1.11;
      x = nx;
      y = ny;
    } else {
      // Not a path this canvas draws: no dots rather than wrong ones.
      return [];
    }
    if (!Number.isFinite(x) || !Number.isFinite(y)) return [];
  }
  return runs;
}
