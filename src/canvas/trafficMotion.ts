/**
 * Whether the traffic dots' strips move, for all of them at once: they stand still while more
 * than MOVING_BUDGET strips are mounted (zoomed out over a busy diagram, where the dots' spacing
 * still shows how busy each connection is), as under reduced motion.
 *
 * Each moving strip is an animation the compositor runs on a layer of its own. A few hundred are
 * cheap, but every frame the page draws pays for all of them: without a GPU (software
 * compositing) the ~1,000 strips in view at zoom 0.46 on a 500-component diagram held every frame
 * of an idle canvas for 100–340 ms. Paused, they kept their layers, and any frame that changed
 * something (each step of the load multiplier) paid for re-layering them; cancelled, they are
 * painted once into the traffic layer and cost nothing per frame (BENCHMARKS.md, issue 13).
 */

/** Most strips that move at once; above it they all stand still. Zoom 1.0 has ~225 in view on 500 components. */
export const MOVING_BUDGET = 300;

const strips = new Set<Animation>();
let still = false;
let counting = false;

/** Moving strips all run from the shared timeline's zero, so strips started at different times stay in step round corners. */
function setMoving(animation: Animation, moving: boolean): void {
  if (moving) {
    animation.play();
    animation.startTime = 0;
  } else animation.cancel();
}

/** Counted once per batch of strips mounted or unmounted (a pan mounts dozens at a time). */
function recount(): void {
  if (counting) return;
  counting = true;
  queueMicrotask(() => {
    counting = false;
    const crowded = strips.size > MOVING_BUDGET;
    if (crowded === still) return;
    still = crowded;
    for (const animation of strips) setMoving(animation, !still);
  });
}

/** Registers a strip's animation (already started at time zero); the returned function removes it. */
export function trackStrip(animation: Animation): () => void {
  strips.add(animation);
  if (still) animation.cancel();
  recount();
  return () => {
    strips.delete(animation);
    animation.cancel();
    recount();
  };
}

/** How many strips are registered and whether they stand still (for tests). */
export function trafficMotionState(): { strips: number; still: boolean } {
  return { strips: strips.size, still };
}
