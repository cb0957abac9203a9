/**
 * Whether the traffic dots' strips move or stand still, for all of them at once.
 *
 * Each moving strip is an animation the compositor runs on its own layer. A few hundred are
 * cheap, but the page's every frame pays for all of them: without a GPU (software compositing)
 * the ~1,000 strips in view at zoom 0.46 on a 500-component diagram held every frame of an idle
 * canvas for 100–340 ms (4 frames a second); paused, the same strips cost nothing per frame
 * (BENCHMARKS.md, issue 13). So the strips stand still:
 * - while more than MOVING_BUDGET of them are mounted (zoomed out over a busy diagram, where the
 *   dots' spacing still shows how busy each connection is), and
 * - while the load multiplier moves (their levels are held then, as the numbers are), instead of
 *   being hidden: hiding and showing them dropped and rebuilt their layers, the longest frames
 *   at the start and the end of a drag.
 * Pausing keeps each strip's layer, so standing still and moving again costs no repaint.
 * Under reduced motion there is no animation to pause (TrafficDots.tsx).
 */

/** Most strips that move at once; above it they all stand still. Zoom 1.0 has ~225 in view. */
export const MOVING_BUDGET = 300;

export type StillReason = 'crowded' | 'multiplier';

const strips = new Set<Animation>();
const reasons = new Set<StillReason>();
let counting = false;

function still(): boolean {
  return reasons.size > 0;
}

function applyAll(): void {
  for (const animation of strips) setMoving(animation, !still());
}

/** A strip moves from the shared timeline's zero, so strips started at different times stay in step round corners. */
function setMoving(animation: Animation, moving: boolean): void {
  if (moving) animation.startTime = 0;
  else animation.pause();
}

/** Sets or clears one reason to stand still; the strips change only when the answer does. */
export function holdTraffic(reason: StillReason, hold: boolean): void {
  const before = still();
  if (hold) reasons.add(reason);
  else reasons.delete(reason);
  if (still() !== before) applyAll();
}

/** Counted once per batch of strips mounted or unmounted (a pan mounts dozens at a time). */
function recount(): void {
  if (counting) return;
  counting = true;
  queueMicrotask(() => {
    counting = false;
    holdTraffic('crowded', strips.size > MOVING_BUDGET);
  });
}

/** Registers a strip's animation (already started at time zero); the returned function removes it. */
export function trackStrip(animation: Animation): () => void {
  strips.add(animation);
  if (still()) animation.pause();
  recount();
  return () => {
    strips.delete(animation);
    animation.cancel();
    recount();
  };
}

/** For tests: how many strips are registered and whether they stand still. */
export function trafficMotionState(): { strips: number; still: boolean } {
  return { strips: strips.size, still: still() };
}
