/**
 * Undo and redo: a step is a document diff (src/store/history.ts); undo applies its inverse.
 * Only the user's own edits are recorded: opening a diagram starts afresh, and other editors'
 * changes (live collaboration) are never recorded; undo skips what they changed since.
 */
import type { StateCreator } from 'zustand/vanilla';
import { rebaseDiff } from '../model/rebaseDiff';
import { EMPTY_DIFF, invertDiff } from '../model/recordsDiff';
import type { EditorState, HistorySlice } from './editorState';
import { emptyHistory, redo, undo } from './history';

export const createHistorySlice: StateCreator<EditorState, [], [], HistorySlice> = (set, get) => {
  /** A drag or layout still gathering its step ends first, so it is what undo takes back. */
  const settle = (): EditorState => {
    get().finishLayout();
    if (get().pendingStep) get().applyDiff(EMPTY_DIFF, { origin: 'edit' });
    return get();
  };
  return {
    history: emptyHistory(),
    pendingStep: null,

    undo() {
      const step = undo(settle().history);
      if (!step) return;
      // Only what is still as this editor left it is taken back: another editor's later change wins.
      get().applyDiff(rebaseDiff(get().doc, invertDiff(step.diff)), { origin: 'undo' });
      set({ history: step.history });
    },

    redo() {
      const step = redo(settle().history);
      if (!step) return;
      get().applyDiff(rebaseDiff(get().doc, step.diff), { origin: 'redo' });
      set({ history: step.history });
    },
  };
};
