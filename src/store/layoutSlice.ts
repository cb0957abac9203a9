/**
 * Auto layout: asks the layout service (a worker in the browser), then applies the answer. A big
 * diagram's answer is applied a slice per frame (src/store/layoutSlices.ts) as unsettled diffs,
 * so the canvas shows the nodes settling while the undo step, the revision and autosave wait for
 * the settled diff at the end: the layout is one undo step and never saved half done.
 */
import type { StateCreator } from 'zustand/vanilla';
import { diffOf, recordsInOrder } from '../model/recordsDiff';
import type { EditorState, LayoutSlice } from './editorState';
import {
  finishEdges,
  LAYOUT_FIRST_BUDGET,
  LAYOUT_PIECE_NODES,
  LAYOUT_SLICES_FROM_NODES,
  layoutGlideFrames,
  layoutTarget,
  measuredGroups,
  nextBudget,
  placeEdges,
  placeNodes,
  planLayoutSlices,
  type LayoutTarget,
} from './layoutSlices';
import type { EditorServices } from './services';

interface LayoutRun {
  target: LayoutTarget;
  /** Pieces of the diagram to move, in order (see planLayoutSlices). */
  pieces: string[][];
  /** The next piece to move. */
  next: number;
  /** Nodes the next frame may move. */
  budget: number;
  /** When the last frame ran, to tell fast frames from slow ones. */
  lastFrameAt: number;
  placed: Set<string>;
  /** Edges given their laid-out route. */
  finished: Set<string>;
  resolve(applied: boolean): void;
}

export const createLayoutSlice =
  (services: EditorServices): StateCreator<EditorState, [], [], LayoutSlice> =>
  (set, get) => {
    // Per store, not per module: the run being applied frame by frame, and a count of requests so
    // only the latest answer is used. Neither is state a view could show.
    let run: LayoutRun | null = null;
    let requests = 0;

    /** Moves the given nodes (and the edges they finish); `settled` ends the step. */
    function place(r: LayoutRun, ids: ReadonlySet<string>, settled: boolean): void {
      const s = get();
      const nodes = placeNodes(s.doc.nodes, ids, r.target);
      const edges = settled ? finishEdges(s.doc.edges, r.finished, r.target) : placeEdges(s.doc.edges, r.placed, ids, r.finished, r.target);
      const measured = measuredGroups(nodes, s.measured);
      if (measured !== s.measured) set({ measured });
      s.applyDiff(diffOf(s.doc, { nodes: { put: nodes }, edges: { put: edges } }), { origin: 'layout', settled });
    }

    /**
     * Moves the next slice of nodes (as many pieces as this frame's budget allows), or everything
     * left when that is all of it or the page is hidden.
     */
    function applySlice(r: LayoutRun, hurry: boolean): void {
      if (run !== r) return;
      const at = services.now();
      if (r.lastFrameAt > 0) r.budget = nextBudget(r.budget, at - r.lastFrameAt);
      r.lastFrameAt = at;
      const ids = new Set<string>();
      let end = r.next;
      while (end < r.pieces.length && (ids.size === 0 || ids.size + r.pieces[end]!.length <= r.budget)) {
        for (const id of r.pieces[end]!) ids.add(id);
        end++;
      }
      if (hurry || end >= r.pieces.length) {
        get().finishLayout();
        return;
      }
      r.next = end;
      for (const id of ids) r.placed.add(id);
      place(r, ids, false);
      services.frame?.((late) => applySlice(r, late));
    }

    return {
      layoutBusy: false,

      finishLayout() {
        const r = run;
        if (!r) return;
        run = null;
        const rest = new Set<string>();
        for (const piece of r.pieces.slice(r.next)) for (const id of piece) rest.add(id);
        place(r, rest, true);
        // The view is already on its way to the new layout (see autoLayout).
        set({ layoutBusy: false });
        r.resolve(true);
      },

      abandonLayout() {
        const r = run;
        if (!r) return;
        run = null;
        set({ layoutBusy: false });
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
        const now = get();
        if (now.revision !== before.revision || now.doc !== before.doc) {
          set({ layoutBusy: false });
          // The user edited while the layout ran; applying stale positions would undo that work.
          get().notify('info', 'The diagram changed during auto layout, so it was not applied. Try again.');
          return false;
        }
        // Only positions, sizes and routes change: the direction stays the user's choice, or unset
        // so that it keeps following the flow.
        const target = layoutTarget(outcome.diagram);
        const frame = services.frame;
        const all = recordsInOrder(now.doc.nodes);
        if (!frame || all.length < LAYOUT_SLICES_FROM_NODES) {
          const r: LayoutRun = { target, pieces: [all.map((n) => n.id)], next: 0, budget: 0, lastFrameAt: 0, placed: new Set(), finished: new Set(), resolve: () => {} };
          place(r, new Set(r.pieces[0]), true);
          set((s) => ({ layoutBusy: false, fitViewRequest: { seq: s.fitViewRequest.seq + 1, animate: true } }));
          return true;
        }
        return new Promise<boolean>((resolve) => {
          const r: LayoutRun = {
            target,
            pieces: planLayoutSlices(all, LAYOUT_PIECE_NODES),
            next: 0,
            budget: LAYOUT_FIRST_BUDGET,
            lastFrameAt: 0,
            placed: new Set(),
            finished: new Set(),
            resolve,
          };
          run = r;
          // First the view glides to where the new layout will be, then the nodes arrive slice by
          // slice. React Flow draws only the nodes in view on a big diagram: a jump of the view
          // would mount (and measure) hundreds of nodes in one task, a glide does it a few at a
          // time, and the slices mount the rest at their own pace.
          const bounds = target.bounds;
          const glideFrames = bounds ? layoutGlideFrames(all.length) : 0;
          if (bounds) {
            set((s) => ({ fitViewRequest: { seq: s.fitViewRequest.seq + 1, animate: true, bounds, glideFrames } }));
          }
          // The canvas glides one step a frame, so waiting as many frames waits for the glide.
          let waited = 0;
          const waitForGlide = (hurry: boolean) => {
            if (run !== r) return;
            if (hurry || ++waited > glideFrames) applySlice(r, hurry);
            else frame(waitForGlide);
          };
          frame(waitForGlide);
        });
      },
    };
  };
