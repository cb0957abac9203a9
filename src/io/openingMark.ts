/**
 * Remembers, across a frozen or killed page, which big diagram was being opened.
 *
 * Why: opened diagrams reopen at start, so a diagram that froze the tab used to freeze every
 * start after it too, and the user could never get back to the app. The mark is written
 * synchronously before the diagram is shown and removed once the page has kept drawing frames
 * for a while afterwards. A mark still there at the next start means that page never got there
 * (frozen, crashed, or closed at once): the start then offers to open the diagram instead of
 * opening it.
 *
 * Only diagrams big enough to take a noticeable time are marked, so a quick reload right after
 * opening a small diagram never withholds it.
 */
import type { StorageLike } from './unsavedJournal';

export interface OpeningRecord {
  id: string;
  title: string;
  nodeCount: number;
  edgeCount: number;
  /** When the opening started, ms since the epoch. */
  at: number;
}

export interface OpeningMark {
  /**
   * Marks the diagram as being opened (when it is big enough to matter), and clears the mark
   * once the page has stayed responsive for RESPONSIVE_FOR_MS. Synchronous up to the mark.
   */
  opening(record: Omit<OpeningRecord, 'at'>): void;
  /** Reads and removes a mark left by an earlier page. */
  take(): OpeningRecord | undefined;
}

/** Nodes plus edges from which an opening is marked: below this, opening takes well under a second. */
export const MARK_FROM_ELEMENTS = 1_000;
/** How long frames must keep coming without a long gap before the opening counts as done. */
export const RESPONSIVE_FOR_MS = 1_000;
/** A longer gap between frames (or timer ticks, in a hidden page) means the page was busy. */
const LONG_GAP_MS = 400;
const HIDDEN_LONG_GAP_MS = 2_000;
export const OPENING_KEY = 'archflow:opening';

export interface OpeningMarkOptions {
  storage?: StorageLike | null;
  /** Next frame when visible, a short timer when hidden (hidden pages draw no frames). */
  tick?: (run: () => void) => void;
  now?: () => number;
  hidden?: () => boolean;
}

function defaultTick(run: () => void): void {
  if (typeof document !== 'undefined' && document.visibilityState !== 'hidden' && typeof requestAnimationFrame === 'function') {
    requestAnimationFrame(() => run());
  } else {
    setTimeout(run, 100);
  }
}

function readRecord(raw: string | null): OpeningRecord | undefined {
  if (raw === null) return undefined;
  try {
    const value = JSON.parse(raw) as Record<string, unknown> | null;
    if (typeof value !== 'object' || value === null) return undefined;
    const { id, title, nodeCount, edgeCount, at } = value;
    if (typeof id !== 'string' || typeof title !== 'string') return undefined;
    if (typeof nodeCount !== 'number' || typeof edgeCount !== 'number' || typeof at !== 'number') return undefined;
    return { id, title, nodeCount, edgeCount, at };
  } catch {
    return undefined;
  }
}

export function createOpeningMark(opts: OpeningMarkOptions = {}): OpeningMark {
  let area: StorageLike | null = null;
  try {
    area = opts.storage === undefined ? (globalThis as { localStorage?: Storage }).localStorage ?? null : opts.storage;
  } catch {
    area = null;
  }
  const tick = opts.tick ?? defaultTick;
  const now = opts.now ?? (() => performance.now());
  const hidden = opts.hidden ?? (() => typeof document !== 'undefined' && document.visibilityState === 'hidden');
  /** Bumped by every opening, so a watch for an earlier one stops and leaves the newer mark alone. */
  let generation = 0;

  const remove = () => {
    try {
      area?.removeItem(OPENING_KEY);
    } catch {
      // A mark that cannot be removed costs one offer at the next start, nothing more.
    }
  };

  function watch(own: number): void {
    let last = now();
    let calmSince = last;
    const step = () => {
      if (own !== generation) return;
      const t = now();
      if (t - last > (hidden() ? HIDDEN_LONG_GAP_MS : LONG_GAP_MS)) calmSince = t;
      last = t;
      if (t - calmSince >= RESPONSIVE_FOR_MS) {
        remove();
        return;
      }
      tick(step);
    };
    tick(step);
  }

  return {
    opening(record) {
      generation += 1;
      if (!area) return;
      if (record.nodeCount + record.edgeCount < MARK_FROM_ELEMENTS) {
        // Whatever was being opened before was left for this one.
        remove();
        return;
      }
      try {
        area.setItem(OPENING_KEY, JSON.stringify({ ...record, at: Date.now() }));
      } catch {
        return;
      }
      watch(generation);
    },
    take() {
      if (!area) return undefined;
      let record: OpeningRecord | undefined;
      try {
        record = readRecord(area.getItem(OPENING_KEY));
      } catch {
        return undefined;
      }
      remove();
      return record;
    },
  };
}
