/**
 * The user's edits to the document: add, rename, connect, reverse, delete, title, flow and
 * direction. Each builds one diff (src/model/recordsDiff.ts) within the limits of a file
 * (src/model/recordLimits.ts) and applies it; canvas changes are in canvasChanges.ts.
 */
import type { StateCreator } from 'zustand/vanilla';
import { absolutePosition } from '../model/absolutePosition';
import { findKind, GROUP_KIND } from '../model/catalog';
import type { DiagramEdge, DiagramNode } from '../model/diagram';
import { findFreeSpot } from '../model/findFreeSpot';
import { createId } from '../model/ids';
import { clampPoint, cleanEdgeText, cleanNodeText, cleanTitle } from '../model/recordLimits';
import { withCascade } from '../model/cascadeRemoval';
import { diffOf, recordsInOrder, type DocumentMeta } from '../model/recordsDiff';
import { reverseEdge, reverseEdges } from '../model/suggestFlowFix';
import { emptyDiagram } from '../model/diagram';
import { createCanvasChanges } from './canvasChanges';
import type { EditingSlice, EditorState } from './editorState';
import { descendantsOf, groupAt } from './groups';
import { bandBias, takenRects } from './placement';
import type { EditorServices } from './services';

/** `record` with `patch` applied; an empty or absent optional value removes the field. */
function patched<R extends object>(record: R, patch: Partial<R>, optional: readonly string[]): R {
  const out: Record<string, unknown> = { ...record, ...patch };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined || (optional.includes(key) && (value === '' || value === false))) delete out[key];
  }
  return out as R;
}

const NODE_FIELDS = ['kind', 'label', 'role', 'tech', 'notes', 'figures'] as const;
const EDGE_FIELDS = ['label', 'protocol', 'bidirectional', 'mode', 'share', 'latencyMs'] as const;

/** Only the fields an edit may change: ids, positions and parents have their own actions. */
function pick<T extends object>(patch: T, keys: readonly string[]): Partial<T> {
  const out: Record<string, unknown> = {};
  for (const key of keys) if (Object.hasOwn(patch, key)) out[key] = (patch as Record<string, unknown>)[key];
  return out as Partial<T>;
}

export const createEditingSlice =
  (services: EditorServices): StateCreator<EditorState, [], [], EditingSlice> =>
  (set, get, api) => {
    /** The state with an auto layout being applied finished first, so an edit lands on the result. */
    const settled = (): EditorState => {
      get().finishLayout();
      return get();
    };
    const editMeta = (meta: DocumentMeta, key: string | null = null) => {
      const s = settled();
      s.applyDiff(diffOf(s.doc, { meta }), { origin: 'edit', key });
    };
    const editEdges = (edges: readonly DiagramEdge[]) => {
      const s = get();
      s.applyDiff(diffOf(s.doc, { edges: { put: edges } }), { origin: 'edit' });
    };

    return {
      ...createCanvasChanges(services)(set, get, api),

      changeRecords(change, { key = null } = {}) {
        const s = settled();
        s.applyDiff(diffOf(s.doc, withCascade(s.doc, change)), { origin: 'edit', key });
      },

      addComponent(kind, at) {
        const spec = findKind(kind);
        if (!spec) return null;
        const s = settled();
        const size = { width: spec.width, height: spec.height };
        const position =
          'dropAt' in at
            ? { x: at.dropAt.x - size.width / 2, y: at.dropAt.y - size.height / 2 }
            : findFreeSpot(bandBias(at.center, spec.role, s.meta), size, takenRects(s.doc.nodes, s.measured));
        if (s.snapToGrid) {
          position.x = Math.round(position.x / 20) * 20;
          position.y = Math.round(position.y / 20) * 20;
        }
        const id = createId(kind, (candidate) => s.doc.nodes.byId.has(candidate), services.idSuffix);
        const node: DiagramNode = { id, kind, label: spec.label, position: clampPoint(position) };
        if (kind === GROUP_KIND) node.size = size;
        if ('dropAt' in at && kind !== GROUP_KIND) {
          const group = groupAt(s.doc.nodes, s.measured, at.dropAt, new Set());
          if (group) {
            const origin = absolutePosition(s.doc.nodes.byId, group);
            node.parent = group.id;
            node.position = clampPoint({ x: position.x - origin.x, y: position.y - origin.y });
          }
        }
        // A new group goes first in the file, behind what is already there.
        const order = kind === GROUP_KIND ? [id, ...s.doc.nodes.order] : undefined;
        s.applyDiff(diffOf(s.doc, { nodes: { put: [node], ...(order ? { order } : {}) } }), { origin: 'edit' });
        set({ selection: { nodes: new Set([id]), edges: new Set() } });
        return id;
      },

      updateNodeData(id, rawPatch) {
        const s = settled();
        const node = s.doc.nodes.byId.get(id);
        if (!node) return;
        const patch = cleanNodeText(pick(rawPatch, NODE_FIELDS)) as Partial<DiagramNode>;
        const next = patched(node, patch, ['tech', 'notes', 'role', 'figures']);
        s.applyDiff(diffOf(s.doc, { nodes: { put: [next] } }), { origin: 'edit', key: `node:${id}:${Object.keys(patch).join(',')}` });
      },

      updateEdgeData(id, rawPatch) {
        const s = settled();
        const edge = s.doc.edges.byId.get(id);
        if (!edge) return;
        const patch = cleanEdgeText(pick(rawPatch, EDGE_FIELDS)) as Partial<DiagramEdge>;
        const next = patched(edge, patch, ['label', 'protocol', 'bidirectional', 'mode', 'share', 'latencyMs']);
        s.applyDiff(diffOf(s.doc, { edges: { put: [next] } }), { origin: 'edit', key: `edge:${id}:${Object.keys(patch).join(',')}` });
      },

      reverseEdge(id) {
        const edge = settled().doc.edges.byId.get(id);
        if (edge) editEdges([reverseEdge(edge)]);
      },

      reverseAllEdges() {
        const s = settled();
        editEdges(reverseEdges({ ...emptyDiagram(), edges: recordsInOrder(s.doc.edges) }).edges);
      },

      deleteSelection() {
        const s = settled();
        const gone = descendantsOf(s.doc.nodes, [...s.selection.nodes].filter((id) => s.doc.nodes.byId.has(id)));
        const edges = recordsInOrder(s.doc.edges)
          .filter((e) => s.selection.edges.has(e.id) || gone.has(e.source) || gone.has(e.target))
          .map((e) => e.id);
        const notes = [...s.noteSelection].filter((id) => s.doc.notes.byId.has(id));
        if (gone.size === 0 && edges.length === 0 && notes.length === 0) return;
        // Components, connections and notes selected together go in one step (one undo brings all back).
        s.applyDiff(diffOf(s.doc, withCascade(s.doc, { nodes: { remove: gone }, edges: { remove: edges }, notes: { remove: notes } })), { origin: 'edit' });
        set({ selection: { nodes: new Set(), edges: new Set() }, noteSelection: new Set(), editingNote: null });
      },

      setTitle(title) {
        const clean = cleanTitle(title);
        if (settled().meta.title !== clean) editMeta({ ...get().meta, title: clean }, 'title');
      },

      setFlow(flow) {
        if (settled().meta.flow === flow) return;
        editMeta({ ...get().meta, flow });
      },

      setLayoutDirection(direction) {
        const meta = { ...settled().meta };
        if (direction === undefined) delete meta.layout;
        else meta.layout = { ...meta.layout, direction };
        if (meta.layout?.direction === get().meta.layout?.direction) return;
        editMeta(meta);
      },
    };
  };
