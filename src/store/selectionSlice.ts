/** The selection: session scope (never saved, never undone), by record id. */
import type { StateCreator } from 'zustand/vanilla';
import type { EditorState, SelectionSlice } from './editorState';

export const createSelectionSlice: StateCreator<EditorState, [], [], SelectionSlice> = (set) => ({
  selection: { nodes: new Set(), edges: new Set() },

  select(nodeIds, edgeIds = []) {
    set({ selection: { nodes: new Set(nodeIds), edges: new Set(edgeIds) } });
  },

  selectAll() {
    set((s) => ({ selection: { nodes: new Set(s.doc.nodes.order), edges: new Set(s.doc.edges.order) } }));
  },

  clearSelection() {
    set((s) => (s.selection.nodes.size === 0 && s.selection.edges.size === 0 ? {} : { selection: { nodes: new Set(), edges: new Set() } }));
  },
});
