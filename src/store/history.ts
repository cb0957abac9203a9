/**
 * Undo history as a stack of document diffs. Undo applies a step's inverse, redo the step
 * again; a step costs what it changed, not a copy of the document. Edits with the same key in
 * quick succession (typing a label) are squashed into one step.
 */
import { squashDiffs, type DocumentDiff } from '../model/recordsDiff';

export interface History {
  past: DocumentDiff[];
  future: DocumentDiff[];
  /** Edits with the same key in quick succession become one step. */
  lastKey: string | null;
  lastAt: number;
}

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1000;

export function emptyHistory(): History {
  return { past: [], future: [], lastKey: null, lastAt: 0 };
}

/** The history after recording `diff` as a step, squashed into the last one when it coalesces. */
export function record(history: History, diff: DocumentDiff, key: string | null, now: number): History {
  const last = history.past[history.past.length - 1];
  if (last && key !== null && key === history.lastKey && now - history.lastAt < COALESCE_MS) {
    return { past: [...history.past.slice(0, -1), squashDiffs(last, diff)], future: [], lastKey: key, lastAt: now };
  }
  const past = history.past.length >= HISTORY_LIMIT ? history.past.slice(1) : history.past.slice();
  past.push(diff);
  return { past, future: [], lastKey: key, lastAt: now };
}

/** The step to take back, and the history after it. */
export function undo(history: History): { history: History; diff: DocumentDiff } | null {
  const diff = history.past[history.past.length - 1];
  if (!diff) return null;
  return { diff, history: { past: history.past.slice(0, -1), future: [...history.future, diff], lastKey: null, lastAt: 0 } };
}

/** The step to do again, and the history after it. */
export function redo(history: History): { history: History; diff: DocumentDiff } | null {
  const diff = history.future[history.future.length - 1];
  if (!diff) return null;
  return { diff, history: { past: [...history.past, diff], future: history.future.slice(0, -1), lastKey: null, lastAt: 0 } };
}
