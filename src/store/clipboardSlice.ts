/**
 * Copy, paste and duplicate. Copies get new ids made from the old ones' readable part
 * (src/model/ids.ts), never by appending to them, and land within the coordinate limit.
 */
import type { StateCreator } from 'zustand/vanilla';
import { emptyDiagram } from '../model/diagram';
import { createEdgeId, createId } from '../model/ids';
import { cleanEdgeText, cleanNodeText } from '../model/recordLimits';
import { diffOf } from '../model/recordsDiff';
import { cloneFragment, selectFragment, type Fragment, type NewIds } from './clipboard';
import { documentRecords } from './documentSlice';
import type { ClipboardSlice, EditorState } from './editorState';
import type { EditorServices } from './services';

export const createClipboardSlice =
  (services: EditorServices): StateCreator<EditorState, [], [], ClipboardSlice> =>
  (set, get) => {
    const settled = (): EditorState => {
      get().finishLayout();
      return get();
    };

    /** Fresh ids, unique in the document and among each other. */
    function newIds(s: EditorState): NewIds {
      const nodes = new Set<string>();
      const edges = new Set<string>();
      const node = (old: string) => {
        const id = createId(old, (c) => nodes.has(c) || s.doc.nodes.byId.has(c), services.idSuffix);
        nodes.add(id);
        return id;
      };
      const edge = () => {
        const id = createEdgeId((c) => edges.has(c) || s.doc.edges.byId.has(c), services.idSuffix);
        edges.add(id);
        return id;
      };
      return { node, edge };
    }

    /** Adds a fragment (already with fresh ids) as one step and selects what was added. */
    function insert(fragment: Fragment): void {
      const s = get();
      // The same normal form and text rules as typed text, whatever the clipboard held.
      const added = documentRecords({
        ...emptyDiagram(),
        nodes: fragment.nodes.map((n) => cleanNodeText(n)),
        edges: fragment.edges.map((e) => cleanEdgeText(e)),
      });
      const nodes = added.nodes.order.map((id) => added.nodes.byId.get(id)!);
      const edges = added.edges.order.map((id) => added.edges.byId.get(id)!);
      s.applyDiff(diffOf(s.doc, { nodes: { put: nodes }, edges: { put: edges } }), { origin: 'edit' });
      set({ selection: { nodes: new Set(nodes.map((n) => n.id)), edges: new Set() } });
    }

    const selectedFragment = (s: EditorState): Fragment | null => {
      const selected = new Set([...s.selection.nodes].filter((id) => s.doc.nodes.byId.has(id)));
      return selected.size === 0 ? null : selectFragment(s.getDiagram(), selected);
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
        if (!source || source.nodes.length === 0) return;
        const count = (fragment && fragment !== s.clipboard ? 0 : s.pasteCount) + 1;
        const clone = cloneFragment(source, newIds(s), { x: 40 * count, y: 40 * count });
        set({ pasteCount: count, clipboard: source });
        insert(clone);
      },

      duplicateSelection() {
        const s = settled();
        const fragment = selectedFragment(s);
        if (fragment) insert(cloneFragment(fragment, newIds(s), { x: 40, y: 40 }));
      },
    };
  };
