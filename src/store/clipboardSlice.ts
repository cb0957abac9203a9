/**
 * Copy, paste and duplicate (src/model/fragment.ts says what a copy carries). Copies get new ids
 * made from the old ones' readable part (src/model/ids.ts), never by appending to them, and land
 * within the coordinate limit; a paste that would take a table past its limit is refused whole.
 */
import type { StateCreator } from 'zustand/vanilla';
import { cloneFragment, isEmptyFragment, selectFragment, type Fragment, type FragmentTable, type NewId } from '../model/fragment';
import { createId } from '../model/ids';
import { LIMITS } from '../model/limits';
import { cleanEdgeText, cleanNodeText } from '../model/recordLimits';
import type { DiagramRecords } from '../model/recordsDiff';
import { normalEdge, normalNode } from './documentSlice';
import type { ClipboardSlice, EditorState } from './editorState';
import type { EditorServices } from './services';

/** The most records of each table a document may hold (src/model/limits.ts). */
const TABLE_LIMITS: Record<FragmentTable, { max: number; what: string }> = {
  nodes: { max: LIMITS.maxNodes, what: 'components' },
  edges: { max: LIMITS.maxEdges, what: 'connections' },
  endpoints: { max: LIMITS.maxDesignRecords, what: 'endpoints' },
  entities: { max: LIMITS.maxDesignRecords, what: 'entities' },
  paths: { max: LIMITS.maxDesignRecords, what: 'request paths' },
  notes: { max: LIMITS.maxDesignRecords, what: 'notes' },
};

/** The first table the fragment would take past its limit in `doc`, or null. */
function overLimit(doc: DiagramRecords, fragment: Fragment): { max: number; what: string } | null {
  for (const [table, limit] of Object.entries(TABLE_LIMITS) as [FragmentTable, { max: number; what: string }][]) {
    if (doc[table].order.length + (fragment[table]?.length ?? 0) > limit.max) return limit;
  }
  return null;
}

export const createClipboardSlice =
  (services: EditorServices): StateCreator<EditorState, [], [], ClipboardSlice> =>
  (set, get) => {
    const settled = (): EditorState => {
      get().finishLayout();
      return get();
    };

    /** Fresh ids, unique in the document and among each other. */
    function newIds(doc: DiagramRecords): NewId {
      const made = new Set<string>();
      return (table, old) => {
        const id = table === 'edges'
          ? createId('e', (c) => made.has(c) || doc.edges.byId.has(c), services.idSuffix)
          : createId(old, (c) => made.has(c) || doc[table].byId.has(c), services.idSuffix);
        made.add(id);
        return id;
      };
    }

    /** Adds a copy of `fragment` as one step and selects what was added. */
    function insert(fragment: Fragment, offset: number): boolean {
      const s = get();
      const copy = cloneFragment(fragment, { newId: newIds(s.doc), hasRequirement: (id) => s.doc.requirements.byId.has(id) }, { x: offset, y: offset });
      const limit = overLimit(s.doc, copy);
      if (limit) {
        s.notify('warning', `Nothing was pasted: a diagram holds at most ${limit.max.toLocaleString('en-US')} ${limit.what}.`);
        return false;
      }
      // The same normal form and text rules as typed text, whatever the clipboard held.
      const nodes = copy.nodes.map((n) => normalNode(cleanNodeText(n)));
      const edges = copy.edges.map((e) => normalEdge(cleanEdgeText(e)));
      const notes = copy.notes ?? [];
      s.changeRecords({
        nodes: { put: nodes },
        edges: { put: edges },
        endpoints: { put: copy.endpoints ?? [] },
        entities: { put: copy.entities ?? [] },
        paths: { put: copy.paths ?? [] },
        notes: { put: notes },
      });
      set({
        selection: { nodes: new Set(nodes.map((n) => n.id)), edges: new Set() },
        noteSelection: new Set(notes.map((n) => n.id)),
        editingNote: null,
      });
      return true;
    }

    const selectedFragment = (s: EditorState): Fragment | null => {
      const fragment = selectFragment(s.doc, { nodes: s.selection.nodes, notes: s.noteSelection });
      return isEmptyFragment(fragment) ? null : fragment;
    };

    return {
      clipboard: null,
      pasteCount: 0,

      copySelection() {
        const fragment = selectedFragment(settled());
        if (fragment) set({ clipboard: fragment, pasteCount: 0 });
        return fragment;
      },

      paste(fragment) {
        const s = settled();
        const source = fragment ?? s.clipboard;
        if (!source || isEmptyFragment(source)) return;
        const count = (fragment && fragment !== s.clipboard ? 0 : s.pasteCount) + 1;
        set({ clipboard: source });
        if (insert(source, 40 * count)) set({ pasteCount: count });
      },

      duplicateSelection() {
        const fragment = selectedFragment(settled());
        if (fragment) insert(fragment, 40);
      },
    };
  };
