import { describe, expect, it } from 'vitest';
import { createOpeningMark, RESPONSIVE_FOR_MS } from '../../src/io/openingMark';

function memoryStorage() {
  const map = new Map<string, string>();
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
  };
}

/** Frames on demand: `frame(gap)` moves the clock and runs the waiting frame callbacks. */
function frames() {
  let t = 0;
  let waiting: (() => void)[] = [];
  return {
    now: () => t,
    tick: (run: () => void) => void waiting.push(run),
    frame(gap: number) {
      t += gap;
      const run = waiting;
      waiting = [];
      for (const r of run) r();
    },
  };
}

const BIG = { id: 'big', title: 'Big', nodeCount: 5_000, edgeCount: 7_500 };

describe('opening mark', () => {
  it('is left behind by a page that never got responsive, and taken once', () => {
    const storage = memoryStorage();
    const f = frames();
    createOpeningMark({ storage, tick: f.tick, now: f.now, hidden: () => false }).opening(BIG);
    // Frozen: one frame after a long gap, then the page dies.
    f.frame(8_000);
    const next = createOpeningMark({ storage });
    expect(next.take()).toMatchObject(BIG);
    expect(next.take()).toBeUndefined();
  });

  it('is cleared once frames have kept coming for a second', () => {
    const storage = memoryStorage();
    const f = frames();
    createOpeningMark({ storage, tick: f.tick, now: f.now, hidden: () => false }).opening(BIG);
    f.frame(3_000);
    for (let t = 0; t < RESPONSIVE_FOR_MS - 100; t += 16) f.frame(16);
    expect(storage.map.size).toBe(1);
    for (let t = 0; t < 200; t += 16) f.frame(16);
    expect(storage.map.size).toBe(0);
  });

  it('never marks a small diagram, and opening one clears an earlier mark', () => {
    const storage = memoryStorage();
    const f = frames();
    const mark = createOpeningMark({ storage, tick: f.tick, now: f.now, hidden: () => false });
    mark.opening(BIG);
    mark.opening({ id: 'small', title: 'Small', nodeCount: 20, edgeCount: 30 });
    expect(createOpeningMark({ storage }).take()).toBeUndefined();
  });

  it('works without storage', () => {
    const mark = createOpeningMark({ storage: null });
    mark.opening(BIG);
    expect(mark.take()).toBeUndefined();
  });
});
