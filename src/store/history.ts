/**
 * Undo history as a stack of whole-document snapshots. Snapshots share structure with the live
 * state (arrays of immutable node objects), so a step costs one array reference, not a copy.
 */
import type { ArchEdge, ArchNode, DocumentMeta } from './flowElements';

export interface Snapshot {
  meta: DocumentMeta;
  nodes: ArchNode[];
  edges: ArchEdge[];
}

export interface History {
  past: Snapshot[];
  future: Snapshot[];
  /** Edits with the same key in quick succession (typing a label) become one step. */
  lastKey: string | null;
  lastAt: number;
}

export const HISTORY_LIMIT = 200;
export const COALESCE_MS = 1000;

export function emptyHistory(): History {
  return { past: [], future: [], lastKey: null, lastAt: 0 };
}

/** The history after recording `before` as the state to return to, unless it coalesces. */
export function record(history: History, before: Snapshot, key: string | null, now: number): History {
  if (key !== null && key === history.lastKey && now - history.lastAt < COALESCE_MS) {
    return { ...history, lastAt: now };
  }
  const past = history.past.length >= HISTORY_LIMIT ? history.past.slice(1) : history.past.slice();
  past.push(before);
  return { past, future: [], lastKey: key, lastAt: now };
}

export function undo(history: History, current: Snapshot): { history: History; snapshot: Snapshot } | null {
  const snapshot = history.past[history.past.length - 1];
  if (!snapshot) return null;
  return {
    snapshot,
    history: { past: history.past.slice(0, -1), future: [...history.future, current], lastKey: null, lastAt: 0 },
  };
}

export function redo(history: History, current: Snapshot): { history: History; snapshot: Snapshot } | null {
  const snapshot = history.future[history.future.length - 1];
  if (!snapshot) return null;
  return {
    snapshot,
    history: { past: [...history.past, current], future: history.future.slice(0, -1), lastKey: null, lastAt: 0 },
  };
}
