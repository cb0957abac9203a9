/**
 * The document scope: records by id, changed only through `applyDiff`, which records the undo
 * step, revalidates when a finding could change, and tells every diff listener (autosave; later
 * the live-collaboration binding).
 */
import type { StateCreator } from 'zustand/vanilla';
import { GROUP_KIND } from '../model/catalog';
import { emptyDiagram, type Diagram, type DiagramEdge, type DiagramNode } from '../model/diagram';
import { clampPoint, clampSize } from '../model/recordLimits';
import {
  applyDiff,
  diagramFromRecords,
  isEmptyDiff,
  recordsFromDiagram,
  replacementDiff,
  squashDiffs,
  type DiagramRecords,
} from '../model/recordsDiff';
import { DESIGN_SESSION } from './designSlice';
import type { DiffListener, DocumentSlice, EditorState } from './editorState';
import { DEFAULT_GROUP_SIZE, viewInputs, type FlowView } from './flowView';
import { emptyHistory, record } from './history';
import type { EditorServices } from './services';
import { affectsValidation, computeValidation, pendingValidation, VALIDATE_LATER_FROM, type ValidationView } from './validation';

/**
 * A record in the editor's normal form: every node has a position, every group a size and no
 * role, and empty optional text is absent (what saving would write anyway).
 */
export function normalNode(node: DiagramNode): DiagramNode {
  const out: DiagramNode = { ...node, position: clampPoint(node.position ?? { x: 0, y: 0 }) };
  if (node.kind === GROUP_KIND) {
    out.size = clampSize(node.size ?? DEFAULT_GROUP_SIZE);
    delete out.role;
  }
  if (out.tech === '') delete out.tech;
  if (out.notes === '') delete out.notes;
  return out;
}

export function normalEdge(edge: DiagramEdge): DiagramEdge {
  const out: DiagramEdge = { ...edge };
  if (out.label === '') delete out.label;
  if (out.protocol === '') delete out.protocol;
  if (!out.bidirectional) delete out.bidirectional;
  return out;
}

export function documentRecords(diagram: Diagram): DiagramRecords {
  return recordsFromDiagram({ ...diagram, nodes: diagram.nodes.map(normalNode), edges: diagram.edges.map(normalEdge) });
}

/** Document, validation and history as they are right after a diagram is opened. */
export function openedDocument(diagram: Diagram) {
  const doc = documentRecords(diagram);
  return { ...openedFields(doc), validation: computeValidation(doc) };
}

function openedFields(doc: DiagramRecords) {
  return { doc, meta: doc.meta, history: emptyHistory(), pendingStep: null, untouched: true };
}

export const createDocumentSlice =
  (services: EditorServices, initial: Diagram | undefined, view: Pick<FlowView, 'touch' | 'prepare'>): StateCreator<EditorState, [], [], DocumentSlice> =>
  (set, get) => {
    const listeners = new Set<DiffListener>();
    /** A check of the document is queued with `services.later` and has not run yet. */
    let validationDue = false;

    /** The findings to show for `doc`: computed now, or (a big diagram) pending and queued. */
    function validationOf(doc: DiagramRecords, previous: ValidationView | null): ValidationView {
      const { later } = services;
      if (!later || doc.nodes.order.length + doc.edges.order.length < VALIDATE_LATER_FROM) {
        validationDue = false;
        return computeValidation(doc);
      }
      if (!validationDue) {
        validationDue = true;
        later(() => {
          if (!validationDue) return;
          validationDue = false;
          set({ validation: computeValidation(get().doc) });
        });
      }
      return pendingValidation(previous, doc.meta.flow);
    }

    return {
      ...openedDocument(initial ?? emptyDiagram()),
      // Derived from the records by the store (see editorStore.ts).
      nodes: [],
      edges: [],
      revision: 0,

      applyDiff(diff, { origin, key = null, settled = true, undoable = true, applied }) {
        const s = get();
        const pending = s.pendingStep;
        if (isEmptyDiff(diff) && !(settled && pending)) return;
        // A view-only link shows the room's changes and makes none.
        if (s.live.readOnly && origin !== 'remote') return;
        const doc = applied?.from === s.doc ? applied.doc : applyDiff(s.doc, diff);
        const patch: Partial<EditorState> = { doc, meta: doc.meta };
        if (!isEmptyDiff(diff)) patch.untouched = false;
        if (affectsValidation(diff)) patch.validation = validationOf(doc, s.validation);
        const recorded = undoable && origin !== 'undo' && origin !== 'redo' && origin !== 'remote';
        if (!settled) {
          if (recorded) patch.pendingStep = pending ? squashDiffs(pending, diff) : diff;
        } else {
          // A change that is not this editor's to undo (another editor's, arriving in the middle
          // of a drag) leaves the drag's step gathering.
          if (recorded) {
            const step = pending ? squashDiffs(pending, diff) : diff;
            patch.pendingStep = null;
            if (!isEmptyDiff(step)) patch.history = record(s.history, step, key, services.now());
          }
          patch.revision = s.revision + 1;
        }
        // The derived nodes and edges then look at the touched records only.
        view.touch(diff);
        set(patch);
        for (const listener of listeners) listener(diff, { origin, settled });
      },

      prepareView(doc, diff, measured) {
        const s = get();
        view.prepare(viewInputs({ ...s, doc, meta: doc.meta, measured: measured ?? s.measured }), diff);
      },

      subscribeToDiffs(listener) {
        listeners.add(listener);
        return () => void listeners.delete(listener);
      },

      loadDiagram(diagram) {
        // The layout was of the document being replaced.
        get().abandonLayout();
        const before = get().doc;
        const doc = documentRecords(diagram);
        const opened = { ...openedFields(doc), validation: validationOf(doc, null) };
        set((s) => ({
          ...opened,
          revision: s.revision + 1,
          selection: { nodes: new Set(), edges: new Set() },
          measured: new Map(),
          dragging: new Set(),
          // Components marked down were a what-if on the diagram being replaced.
          down: new Set(),
          fitViewRequest: { seq: s.fitViewRequest.seq + 1, animate: false },
          focusRequest: null,
          ...DESIGN_SESSION,
        }));
        const diff = replacementDiff(before, opened.doc);
        for (const listener of listeners) listener(diff, { origin: 'load', settled: true });
      },

      newDiagram() {
        get().loadDiagram(emptyDiagram());
      },

      getDiagram() {
        // An auto layout is one document change (its nodes are only being revealed): whole already.
        return diagramFromRecords(get().doc);
      },
    };
  };
