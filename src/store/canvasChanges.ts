/**
 * What React Flow reports (moves, measurements, selection, removals, new connections) turned
 * into document diffs and session changes. Handled here rather than with React Flow's
 * `applyNodeChanges`, so the store runs without React Flow's code: the canvas's objects are
 * derived from the records (src/store/flowView.ts).
 *
 * A drag is many diffs that are not yet settled (the canvas moves live, nothing is saved or
 * recorded) and ends with a settled one: that makes it one undo step and one save.
 */
import type { EdgeChange, NodeChange } from '@xyflow/react';
import type { StateCreator } from 'zustand/vanilla';
import { GROUP_KIND } from '../model/catalog';
import type { DiagramEdge, DiagramNode, Size } from '../model/diagram';
import { createEdgeId } from '../model/ids';
import { clampPoint, clampSize } from '../model/recordLimits';
import { withCascade } from '../model/cascadeRemoval';
import { diffOf, recordsInOrder } from '../model/recordsDiff';
import type { EditingSlice, EditorState } from './editorState';
import { orderParentsFirst, type ArchEdge } from './flowView';
import { descendantsOf, settleIntoGroups } from './groups';
import type { EditorServices } from './services';

type CanvasActions = Pick<EditingSlice, 'onNodesChange' | 'onEdgesChange' | 'connect'>;

const QUEUE_KIND = 'message-queue';
function isQueue(node: DiagramNode | undefined): boolean {
  return node?.kind === QUEUE_KIND;
}

/** Changes that alter the document rather than the selection or measurements. */
function isDocumentChange(change: NodeChange | EdgeChange): boolean {
  if (change.type === 'dimensions') return Boolean(change.setAttributes);
  return change.type !== 'select';
}

/** The edges whose layout route no longer meets a moved end, without it. */
function withoutStaleRoutes(edges: readonly DiagramEdge[], moved: ReadonlySet<string>): DiagramEdge[] {
  const out: DiagramEdge[] = [];
  for (const e of edges) {
    if (e.route && (moved.has(e.source) || moved.has(e.target))) {
      const { route: _route, ...rest } = e;
      out.push(rest);
    }
  }
  return out;
}

/** The selection with `ids` set to `on`, or the same object when nothing changes. */
function toggled(set: ReadonlySet<string>, changes: readonly { id: string; selected: boolean }[]): ReadonlySet<string> {
  if (changes.every((c) => set.has(c.id) === c.selected)) return set;
  const out = new Set(set);
  for (const c of changes) {
    if (c.selected) out.add(c.id);
    else out.delete(c.id);
  }
  return out;
}

export const createCanvasChanges =
  (services: EditorServices): StateCreator<EditorState, [], [], CanvasActions> =>
  (set, get) => ({
    onNodesChange(changes) {
      if (changes.some(isDocumentChange)) get().finishLayout();
      const s = get();
      const selects = changes.filter((c) => c.type === 'select');
      let measured: Map<string, Size> | null = null;
      let dragging = s.dragging;
      const puts = new Map<string, DiagramNode>();
      const record = (id: string) => puts.get(id) ?? s.doc.nodes.byId.get(id);
      const removed: string[] = [];
      let dragEnded = false;
      let dragMoved = false;
      let resized: string | null = null;
      for (const c of changes) {
        if (c.type === 'dimensions' && c.dimensions) {
          const node = record(c.id);
          if (!node) continue;
          if (c.setAttributes && node.kind === GROUP_KIND) {
            puts.set(c.id, { ...node, size: clampSize(c.dimensions) });
            resized = c.id;
          }
          measured ??= new Map(s.measured);
          measured.set(c.id, { width: c.dimensions.width, height: c.dimensions.height });
        } else if (c.type === 'position') {
          const node = record(c.id);
          if (!node) continue;
          if (c.position) puts.set(c.id, { ...node, position: clampPoint(c.position) });
          if (c.dragging === true) {
            dragMoved = true;
            if (!dragging.has(c.id)) dragging = new Set(dragging).add(c.id);
          } else if (c.dragging === false) {
            dragEnded = true;
            if (dragging.has(c.id)) {
              const next = new Set(dragging);
              next.delete(c.id);
              dragging = next;
            }
          } else if (c.position) {
            resized = c.id;
          }
        } else if (c.type === 'remove') {
          removed.push(c.id);
        }
      }
      const session: Partial<EditorState> = {};
      if (measured) session.measured = measured;
      if (dragging !== s.dragging) session.dragging = dragging;
      if (selects.length > 0) {
        session.selection = { nodes: toggled(s.selection.nodes, selects as { id: string; selected: boolean }[]), edges: s.selection.edges };
      }
      if (Object.keys(session).length > 0) set(session);

      if (removed.length > 0) {
        const gone = descendantsOf(s.doc.nodes, removed);
        const edges = recordsInOrder(s.doc.edges).filter((e) => gone.has(e.source) || gone.has(e.target));
        const change = withCascade(s.doc, { nodes: { remove: gone }, edges: { remove: edges.map((e) => e.id) } });
        get().applyDiff(diffOf(s.doc, change), { origin: 'edit' });
        return;
      }
      if (dragEnded) {
        const doc = get().doc;
        const afterMove = puts.size > 0 ? { ...doc.nodes, byId: new Map([...doc.nodes.byId, ...puts]) } : doc.nodes;
        const movedIds = changes.filter((c) => c.type === 'position').map((c) => c.id);
        // Only components settle into groups; moving a group never re-nests it by accident.
        const settled = settleIntoGroups(afterMove, get().measured, movedIds.filter((id) => afterMove.byId.get(id)?.kind !== GROUP_KIND));
        for (const n of settled) puts.set(n.id, n);
        const nodes = { ...afterMove, byId: new Map([...afterMove.byId, ...puts]) };
        // A new parent comes before its child in the file, as React Flow needs it.
        const order = settled.length > 0 ? orderParentsFirst(recordsInOrder(nodes)).map((n) => n.id) : undefined;
        // Routes from the last layout are dropped at the end of a drag that moved their ends.
        const pending = get().pendingStep;
        const moved = new Set([...movedIds, ...(pending ? pending.nodes.updated.keys() : [])]);
        const stale = withoutStaleRoutes(recordsInOrder(doc.edges), descendantsOf(nodes, moved));
        const diff = diffOf(doc, { nodes: { put: [...puts.values()], ...(order ? { order } : {}) }, edges: { put: stale } });
        get().applyDiff(diff, { origin: 'edit' });
        return;
      }
      if (puts.size === 0) return;
      const diff = diffOf(get().doc, { nodes: { put: [...puts.values()] } });
      if (dragMoved) get().applyDiff(diff, { origin: 'edit', settled: false });
      else get().applyDiff(diff, { origin: 'edit', key: resized ? `resize:${resized}` : null });
    },

    onEdgesChange(changes: EdgeChange<ArchEdge>[]) {
      if (changes.some(isDocumentChange)) get().finishLayout();
      const s = get();
      const selects = changes.filter((c) => c.type === 'select') as { id: string; selected: boolean }[];
      if (selects.length > 0) set({ selection: { nodes: s.selection.nodes, edges: toggled(s.selection.edges, selects) } });
      const removed = changes.filter((c) => c.type === 'remove').map((c) => c.id);
      if (removed.length > 0) get().applyDiff(diffOf(get().doc, { edges: { remove: removed } }), { origin: 'edit' });
    },

    connect(connection) {
      const { source, target } = connection;
      if (!source || !target || source === target) return;
      get().finishLayout();
      const s = get();
      if (!s.doc.nodes.byId.has(source) || !s.doc.nodes.byId.has(target)) return;
      const exists = recordsInOrder(s.doc.edges).some(
        (e) => (e.source === source && e.target === target) || (e.bidirectional && e.source === target && e.target === source),
      );
      if (exists) {
        s.notify('info', 'Those two components are already connected.');
        return;
      }
      const id = createEdgeId((candidate) => s.doc.edges.byId.has(candidate), services.idSuffix);
      const edge: DiagramEdge = { id, source, target };
      // A queue is a hand-off: whoever puts work in does not wait for whoever takes it out.
      if (isQueue(s.doc.nodes.byId.get(source)) || isQueue(s.doc.nodes.byId.get(target))) edge.mode = 'async';
      s.applyDiff(diffOf(s.doc, { edges: { put: [edge] } }), { origin: 'edit' });
    },
  });

