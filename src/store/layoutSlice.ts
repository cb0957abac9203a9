/**
 * Auto layout: asks the layout service (a worker in the browser), then applies the answer as one
 * document change (one undo step, one revision, one autosave). A big diagram's nodes land hidden
 * (`layoutHidden`) and are revealed a slice per frame (src/store/layoutSlices.ts): React Flow then
 * mounts and measures the nodes in view a few at a time instead of in one long task, and the
 * document is never half laid out. The view fits the whole new layout at once, before the reveal.
 * Above LAYOUT_REVEAL_UP_TO nodes that fit is the far view, one picture with no node mounted
 * (src/canvas/PictureLayer.tsx), which the canvas draws from the moment the fit is asked for:
 * nothing is hidden or revealed, the layout lands whole.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { DiagramNode } from '../model/diagram';
import { applyDiff, diffOf, recordsInOrder, type DiagramRecords, type DocumentDiff } from '../model/recordsDiff';
import type { EditorState, LayoutSlice } from './editorState';
import {
  LAYOUT_FIRST_REVEAL,
  LAYOUT_PIECE_NODES,
  LAYOUT_REVEAL_UP_TO,
  LAYOUT_SLICES_FROM_NODES,
  layoutTarget,
  measuredGroups,
  nextRevealBudget,
  placeNodes,
  planLayoutSlices,
  routeEdges,
  type LayoutTarget,
} from './layoutSlices';
import type { EditorServices } from './services';

const NOTHING_HIDDEN: ReadonlySet<string> = new Set();

/** A layout answer turned into the document's records, ready to apply. */
interface Placed {
  nodes: DiagramNode[];
  diff: DocumentDiff;
  /** The document the diff was worked out from, and (once worked out, in a task of its own) the one it makes. */
  from: DiagramRecords;
  doc?: DiagramRecords;
}

interface RevealRun {
  /** Pieces of the diagram still hidden, in order (see planLayoutSlices). */
  pieces: string[][];
  /** The next piece to reveal. */
  next: number;
  /** Nodes the next frame may reveal. */
  budget: number;
  /** When the last frame ran, to tell fast frames from slow ones. */
  lastFrameAt: number;
  resolve(applied: boolean): void;
}

export const createLayoutSlice =
  (services: EditorServices): StateCreator<EditorState, [], [], LayoutSlice> =>
  (set, get) => {
    // Per store, not per module: the reveal under way, and a count of requests so only the
    // latest answer is used. Neither is state a view could show.
    let run: RevealRun | null = null;
    let requests = 0;

    /** Every node and edge at its laid-out place, worked out from the document as it is now. */
    function prepare(target: LayoutTarget): Placed {
      const s = get();
      const nodes = placeNodes(s.doc.nodes, new Set(s.doc.nodes.order), target);
      const edges = routeEdges(s.doc.edges, target);
      return { nodes, diff: diffOf(s.doc, { nodes: { put: nodes }, edges: { put: edges } }), from: s.doc };
    }

    /** Moves every node and edge to its laid-out place: one settled document change. */
    function place(placed: Placed, hidden: ReadonlySet<string>): void {
      const s = get();
      const measured = measuredGroups(placed.nodes, s.measured);
      set(measured !== s.measured ? { measured, layoutHidden: hidden } : { layoutHidden: hidden });
      s.applyDiff(placed.diff, { origin: 'layout', settled: true, ...(placed.doc ? { applied: { from: placed.from, doc: placed.doc } } : {}) });
    }

    /**
     * Ends the task before the next step of applying an answer (issue 16: reading the answer,
     * working out the records, applying them to the document, building the view's objects for
     * them, and the change itself each get a task, so none holds the page long). Then tells
     * whether the answer still applies: false when a newer request took over or the user changed
     * the diagram meanwhile (and says so).
     */
    async function stillApplies(seq: number, before: EditorState): Promise<boolean> {
      if (services.yield) await services.yield();
      // A newer request owns the busy state (and this answer is stale anyway).
      if (seq !== requests) return false;
      const now = get();
      if (now.revision === before.revision && now.doc === before.doc) return true;
      set({ layoutBusy: false });
      // The user edited while the layout ran; applying stale positions would undo that work.
      get().notify('info', 'The diagram changed during auto layout, so it was not applied. Try again.');
      return false;
    }

    /**
     * Reveals the next pieces (as many as this frame's budget allows), or everything left when
     * that is all of it or the page is hidden.
     */
    function revealSlice(r: RevealRun, hurry: boolean): void {
      if (run !== r) return;
      const at = services.now();
      if (r.lastFrameAt > 0) r.budget = nextRevealBudget(r.budget, at - r.lastFrameAt);
      r.lastFrameAt = at;
      let shown = 0;
      let end = r.next;
      while (end < r.pieces.length && (shown === 0 || shown + r.pieces[end]!.length <= r.budget)) {
        shown += r.pieces[end]!.length;
        end++;
      }
      if (hurry || end >= r.pieces.length) {
        get().finishLayout();
        return;
      }
      const still = new Set(get().layoutHidden);
      for (let i = r.next; i < end; i++) for (const id of r.pieces[i]!) still.delete(id);
      r.next = end;
      set({ layoutHidden: still });
      services.frame?.((late) => revealSlice(r, late));
    }

    return {
      layoutBusy: false,
      layoutHidden: NOTHING_HIDDEN,

      finishLayout() {
        const r = run;
        if (!r) return;
        run = null;
        set({ layoutBusy: false, layoutHidden: NOTHING_HIDDEN });
        r.resolve(true);
      },

      abandonLayout() {
        const r = run;
        if (!r) return;
        run = null;
        set({ layoutBusy: false, layoutHidden: NOTHING_HIDDEN });
        r.resolve(false);
      },

      async autoLayout(sizes) {
        const layout = services.layout;
        if (!layout) {
          get().notify('error', 'Auto layout is not available here.');
          return false;
        }
        get().finishLayout();
        const before = get();
        const seq = ++requests;
        const measured = new Map(sizes ?? []);
        for (const [id, size] of before.measured) {
          const node = before.doc.nodes.byId.get(id);
          if (node && node.kind !== 'group' && !measured.has(id) && size.width && size.height) measured.set(id, size);
        }
        set({ layoutBusy: true });
        const direction = before.meta.layout?.direction;
        const outcome = await layout.layout(before.getDiagram(), { ...(direction ? { direction } : {}), sizes: measured });
        // A newer request owns the busy state (and this answer is stale anyway).
        if (seq !== requests) return false;
        if (!outcome.ok) {
          set({ layoutBusy: false });
          if (outcome.error.code !== 'superseded') {
            get().notify('error', `Auto layout failed, so nothing was moved: ${outcome.error.message}`);
          }
          return false;
        }
        if (!(await stillApplies(seq, before))) return false;
        // Only positions, sizes and routes change: the direction stays the user's choice, or unset
        // so that it keeps following the flow.
        const target = layoutTarget(outcome.diagram);
        if (!(await stillApplies(seq, before))) return false;
        const placed = prepare(target);
        if (!(await stillApplies(seq, before))) return false;
        placed.doc = applyDiff(placed.from, placed.diff);
        if (!(await stillApplies(seq, before))) return false;
        get().prepareView(placed.doc, placed.diff, measuredGroups(placed.nodes, get().measured));
        if (!(await stillApplies(seq, before))) return false;
        const frame = services.frame;
        const all = recordsInOrder(get().doc.nodes);
        if (!frame || all.length < LAYOUT_SLICES_FROM_NODES) {
          place(placed, NOTHING_HIDDEN);
          set((s) => ({ layoutBusy: false, fitViewRequest: { seq: s.fitViewRequest.seq + 1, animate: true } }));
          return true;
        }
        if (all.length > LAYOUT_REVEAL_UP_TO) {
          // The fit asked for in the same change, so the canvas never draws the new places at the old zoom.
          const bounds = target.bounds;
          place(placed, NOTHING_HIDDEN);
          set((s) => ({ layoutBusy: false, fitViewRequest: { seq: s.fitViewRequest.seq + 1, animate: false, ...(bounds ? { bounds } : {}) } }));
          return true;
        }
        return new Promise<boolean>((resolve) => {
          const r: RevealRun = { pieces: planLayoutSlices(all, LAYOUT_PIECE_NODES), next: 0, budget: LAYOUT_FIRST_REVEAL, lastFrameAt: 0, resolve };
          run = r;
          // Every node hidden, so the view's jump to the whole new layout mounts nothing; then
          // the nodes appear a slice per frame, those in view mounted as they come.
          place(placed, new Set(all.map((n) => n.id)));
          const bounds = target.bounds;
          set((s) => ({ fitViewRequest: { seq: s.fitViewRequest.seq + 1, animate: false, ...(bounds ? { bounds } : {}) } }));
          frame((hurry) => revealSlice(r, hurry));
        });
      },
    };
  };
