import { describe, expect, it } from 'vitest';
import { MOVING_BUDGET, trackStrip, trafficMotionState } from '../../src/canvas/trafficMotion';

/** Enough of a Web Animation to see whether it runs, and from when. */
function fakeStrip() {
  const strip = {
    running: true,
    startTime: 0 as number | null,
    play() {
      strip.running = true;
    },
    cancel() {
      strip.running = false;
      strip.startTime = null;
    },
  };
  return strip;
}

const flush = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('traffic strips move only while few enough are mounted', () => {
  it('stand still above the budget, and move again in step once strips unmount', async () => {
    const strips = Array.from({ length: MOVING_BUDGET }, fakeStrip);
    const removers = strips.map((s) => trackStrip(s as unknown as Animation));
    await flush();
    expect(trafficMotionState()).toEqual({ strips: MOVING_BUDGET, still: false });
    expect(strips.every((s) => s.running)).toBe(true);

    const extra = fakeStrip();
    const removeExtra = trackStrip(extra as unknown as Animation);
    await flush();
    expect(trafficMotionState().still).toBe(true);
    expect([...strips, extra].some((s) => s.running)).toBe(false);

    // A strip mounted while they stand still stands still too.
    const late = fakeStrip();
    const removeLate = trackStrip(late as unknown as Animation);
    expect(late.running).toBe(false);

    removeExtra();
    removeLate();
    await flush();
    expect(trafficMotionState()).toEqual({ strips: MOVING_BUDGET, still: false });
    // All from the timeline's zero, so their dots line up round corners.
    expect(strips.every((s) => s.running && s.startTime === 0)).toBe(true);
    expect(extra.running || late.running).toBe(false);
    for (const remove of removers) remove();
    await flush();
    expect(trafficMotionState().strips).toBe(0);
  });
});
