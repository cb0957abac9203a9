/**
 * The selection: session scope (never saved, never undone), by record id. Notes are selected
 * with the components (`noteSelection`, kept by the design slice): selecting something by its
 * ids selects exactly that, select-all and clearing take the notes too, so Delete, Ctrl+C and
 * Ctrl+D act on what the user sees selected.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { EditorState, SelectionSlice } from './editorState';

const NO_NOTES: ReadonlySet<string> = new Set();

export const createSelectionSlice: StateCreator<EditorState, [], [], SelectionSlice> = (set) => ({
  selection: { nodes: new Set(), edges: new Set() },

  select(nodeIds, edgeIds = []) {
    set({ selection: { nodes: new Set(nodeIds), edges: new Set(edgeIds) }, noteSelection: NO_NOTES });
  },

  selectAll() {
    set((s) => ({ selection: { nodes: new Set(s.doc.nodes.order), edges: new Set(s.doc.edges.order) }, noteSelection: new Set(s.doc.notes.order) }));
  },

  clearSelection() {
    set((s) =>
      s.selection.nodes.size === 0 && s.selection.edges.size === 0 && s.noteSelection.size === 0
        ? {}
        : { selection: { nodes: new Set(), edges: new Set() }, noteSelection: NO_NOTES },
    );
  },
});
