/**
 * The editor's state: the open document (as React Flow nodes and edges), its undo history, the
 * validator's live findings, and session state (theme, notices). Created by a factory so each
 * test, and each app, has its own store; no React here.
 */
import { applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { defaultSize, findKind, GROUP_KIND, type Role } from '../model/catalog';
import { emptyDiagram, type Diagram, type Flow, type LayoutDirection, type Point } from '../model/diagram';
import { findFreeSpot, type Rect } from '../model/findFreeSpot';
import { LIMITS } from '../model/limits';
import { effectiveDirection } from '../model/layoutDirection';
import { cloneFragment, selectFragment, type Fragment } from './clipboard';
import {
  toDiagram,
  toFlowEdge,
  toFlowElements,
  toFlowNode,
  type ArchEdge,
  type ArchNode,
  type ComponentData,
  type ConnectionData,
  type DocumentMeta,
  orderParentsFirst,
  withMarkers,
} from './flowElements';
import { emptyHistory, record, redo, undo, type History, type Snapshot } from './history';
import {
  finishEdges,
  LAYOUT_FIRST_BUDGET,
  LAYOUT_PIECE_NODES,
  LAYOUT_SLICES_FROM_NODES,
  layoutGlideMs,
  layoutTarget,
  nextBudget,
  placeEdges,
  placeNodes,
  planLayoutSlices,
  type LayoutTarget,
} from './layoutSlices';
import type { EditorServices } from './services';
import { computeValidation, type ValidationView } from './validation';
import {
  createWorkspaceActions,
  initialWorkspace,
  type WorkspaceActions,
  type WorkspaceServices,
  type WorkspaceState,
} from './workspace';

export type Theme = 'light' | 'dark';

export interface Notice {
  id: number;
  tone: 'error' | 'warning' | 'info';
  message: string;
}

export interface EditorState {
  meta: DocumentMeta;
  nodes: ArchNode[];
  edges: ArchEdge[];
  history: History;
  validation: ValidationView;
  /** Bumps when the document (not the selection) changes; autosave and views watch it. */
  revision: number;
  theme: Theme;
  notices: Notice[];
  /**
   * The canvas fits the view whenever this changes; animated after a layout or on request, at
   * once when a diagram is opened (nothing should drift under the pointer then). With `bounds`,
   * it fits that area (flow coordinates) instead of the nodes, moving steadily for `durationMs`.
   */
  fitViewRequest: { seq: number; animate: boolean; bounds?: Rect; durationMs?: number };
  /** The canvas centres on these ids whenever the request changes. */
  focusRequest: { ids: string[]; seq: number } | null;
  /** From the click on Auto layout until its result is fully applied (or given up). */
  layoutBusy: boolean;
  snapToGrid: boolean;
  clipboard: Fragment | null;
  pasteCount: number;
}

export interface EditorActions {
  onNodesChange(changes: NodeChange<ArchNode>[]): void;
  onEdgesChange(changes: EdgeChange<ArchEdge>[]): void;
  connect(connection: Connection): void;
  addComponent(kind: string, at: { center: Point } | { dropAt: Point }): string | null;
  updateNodeData(id: string, patch: Partial<ComponentData>): void;
  updateEdgeData(id: string, patch: Partial<ConnectionData>): void;
  reverseEdge(id: string): void;
  deleteSelection(): void;
  selectAll(): void;
  clearSelection(): void;
  select(nodeIds: readonly string[], edgeIds?: readonly string[]): void;
  copySelection(): Fragment | null;
  paste(fragment?: Fragment): void;
  duplicateSelection(): void;
  undo(): void;
  redo(): void;
  setTitle(title: string): void;
  setFlow(flow: Flow): void;
  setLayoutDirection(direction: LayoutDirection | undefined): void;
  reverseAllEdges(): void;
  newDiagram(): void;
  /** Replaces the open document (history starts afresh). */
  loadDiagram(diagram: Diagram): void;
  autoLayout(sizes?: ReadonlyMap<string, { width: number; height: number }>): Promise<boolean>;
  toggleTheme(): void;
  setTheme(theme: Theme): void;
  setSnapToGrid(on: boolean): void;
  notify(tone: Notice['tone'], message: string): void;
  dismissNotice(id: number): void;
  requestFitView(): void;
  focusElements(ids: string[]): void;
  /**
   * The saved form of the open document. An auto layout still being applied is finished first,
   * so no one ever reads a half laid-out document.
   */
  getDiagram(): Diagram;
}

/** Everything a view can read or call. */
export type EditorFullState = EditorState & EditorActions & WorkspaceState & WorkspaceActions;
export type EditorStore = StoreApi<EditorFullState>;

let noticeSeq = 0;

function defaultServices(): EditorServices {
  return { now: () => Date.now() };
}

/**
 * Short readable ids (`api-server-3`, `e12`): the smallest number not taken. They keep files
 * readable and share links short.
 */
function idMaker(nodes: readonly ArchNode[], edges: readonly ArchEdge[]): (prefix: string) => string {
  const taken = new Set<string>();
  for (const n of nodes) taken.add(n.id);
  for (const e of edges) taken.add(e.id);
  const next = new Map<string, number>();
  return (prefix) => {
    const sep = prefix === 'e' ? '' : '-';
    let n = next.get(prefix) ?? 1;
    while (taken.has(`${prefix}${sep}${n}`)) n++;
    const id = `${prefix}${sep}${n}`;
    taken.add(id);
    next.set(prefix, n + 1);
    return id;
  };
}

/** The prefix of an id made by idMaker, so copies of `cache-2` are named `cache-…`. */
function idPrefix(id: string): string {
  return /^e\d+$/.test(id) ? 'e' : id.replace(/-\d+$/, '');
}

interface LayoutApplication {
  before: Snapshot;
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

function snapshotOf(s: EditorState): Snapshot {
  return { meta: s.meta, nodes: s.nodes, edges: s.edges };
}

/** Changes that alter the document rather than the selection or measurements. */
function isDocumentChange(change: NodeChange | EdgeChange): boolean {
  return change.type !== 'select' && change.type !== 'dimensions';
}

type NodeIndex = ReadonlyMap<string, ArchNode>;

function indexNodes(nodes: readonly ArchNode[]): NodeIndex {
  return new Map(nodes.map((n) => [n.id, n]));
}

/** A node's position on the canvas: React Flow stores children relative to their group. */
function absolutePositionOf(byId: NodeIndex, node: ArchNode): Point {
  let { x, y } = node.position;
  let parent = node.parentId !== undefined ? byId.get(node.parentId) : undefined;
  const seen = new Set<string>();
  while (parent && !seen.has(parent.id)) {
    seen.add(parent.id);
    x += parent.position.x;
    y += parent.position.y;
    parent = parent.parentId !== undefined ? byId.get(parent.parentId) : undefined;
  }
  return { x, y };
}

function nodeSize(node: ArchNode): { width: number; height: number } {
  const fallback = defaultSize(node.data.kind);
  return {
    width: node.measured?.width ?? node.width ?? fallback.width,
    height: node.measured?.height ?? node.height ?? fallback.height,
  };
}

/**
 * Where a clicked-in component should start looking for room: clients towards the start of the
 * drawing direction, datastores towards its end, so a diagram built by clicks already reads in
 * bands.
 */
function bandBias(center: Point, role: Role, meta: DocumentMeta): Point {
  const entry = meta.flow === 'bottom-up' ? 'client' : 'datastore';
  const exit = meta.flow === 'bottom-up' ? 'datastore' : 'client';
  const sign = role === entry ? -1 : role === exit ? 1 : 0;
  const step = 140 * sign;
  switch (effectiveDirection(meta)) {
    case 'up':
      return { x: center.x, y: center.y - step };
    case 'down':
      return { x: center.x, y: center.y + step };
    case 'right':
      return { x: center.x + step * 1.6, y: center.y };
    case 'left':
      return { x: center.x - step * 1.6, y: center.y };
  }
}

/** The innermost group whose box holds `point`, ignoring `exclude` (a dragged node and its contents). */
function groupAt(nodes: readonly ArchNode[], point: Point, exclude: ReadonlySet<string>): ArchNode | undefined {
  let best: ArchNode | undefined;
  let bestArea = Infinity;
  const byId = indexNodes(nodes);
  for (const n of nodes) {
    if (n.type !== 'group' || exclude.has(n.id)) continue;
    const p = absolutePositionOf(byId, n);
    const size = nodeSize(n);
    const inside = point.x >= p.x && point.x <= p.x + size.width && point.y >= p.y && point.y <= p.y + size.height;
    if (inside && size.width * size.height < bestArea) {
      best = n;
      bestArea = size.width * size.height;
    }
  }
  return best;
}

/**
 * Puts each moved node into the group it was dropped on (or out of its group when dropped
 * outside), keeping it where it is on screen.
 */
function settleIntoGroups(nodes: ArchNode[], movedIds: readonly string[]): ArchNode[] {
  let out = nodes;
  for (const id of movedIds) {
    const node = out.find((n) => n.id === id);
    if (!node) continue;
    const byId = indexNodes(out);
    const abs = absolutePositionOf(byId, node);
    const size = nodeSize(node);
    const exclude = descendantsOf(out, new Set([id]));
    const target = groupAt(out, { x: abs.x + size.width / 2, y: abs.y + size.height / 2 }, exclude);
    if (target?.id === node.parentId) continue;
    const origin = target ? absolutePositionOf(byId, target) : { x: 0, y: 0 };
    const moved = { ...node, position: { x: abs.x - origin.x, y: abs.y - origin.y } } as ArchNode;
    if (target) moved.parentId = target.id;
    else delete moved.parentId;
    out = orderParentsFirst(out.map((n) => (n.id === id ? moved : n)));
  }
  return out;
}

function descendantsOf(nodes: readonly ArchNode[], ids: ReadonlySet<string>): Set<string> {
  const out = new Set(ids);
  let grew = true;
  while (grew) {
    grew = false;
    for (const n of nodes) {
      if (n.parentId !== undefined && out.has(n.parentId) && !out.has(n.id)) {
        out.add(n.id);
        grew = true;
      }
    }
  }
  return out;
}

/**
 * Typed text stays within what a file may hold (src/model/limits.ts): past it the diagram could
 * not be saved, and autosave would fail until the text was shortened again.
 */
function withinTextLimits<T extends Record<string, unknown>>(patch: T): T {
  const out: Record<string, unknown> = { ...patch };
  for (const key of ['label', 'tech', 'protocol', 'notes'] as const) {
    const value = out[key];
    const max = key === 'notes' ? LIMITS.maxNotesLength : LIMITS.maxLabelLength;
    if (typeof value === 'string' && value.length > max) out[key] = value.slice(0, max);
  }
  return out as T;
}

export function createEditorStore(
  options: { services?: Partial<EditorServices>; workspace?: WorkspaceServices; initial?: Diagram; theme?: Theme } = {},
): EditorStore {
  const services: EditorServices = { ...defaultServices(), ...options.services };
  const start = toFlowElements(options.initial ?? emptyDiagram());
  /** Set while a drag is in progress: the state before it, recorded as one step when it ends. */
  let dragStart: Snapshot | null = null;
  /** The auto layout being applied, slice by slice; the document is its `before` until it finishes. */
  let applying: LayoutApplication | null = null;
  /** Counts auto layout requests, so only the latest one's answer is used. */
  let layoutSeq = 0;

  return createStore<EditorState & EditorActions & WorkspaceState & WorkspaceActions>()((set, get, api) => {
    /**
     * Applies a document edit as one undoable step and revalidates. `key` coalesces rapid
     * edits of one field into a single step.
     */
    function commit(next: Partial<Pick<EditorState, 'meta' | 'nodes' | 'edges'>>, key: string | null = null): void {
      const s = get();
      const meta = next.meta ?? s.meta;
      const nodes = next.nodes ?? s.nodes;
      const edges = next.edges ?? s.edges;
      set({
        meta,
        nodes,
        edges,
        history: record(s.history, snapshotOf(s), key, services.now()),
        validation: computeValidation(meta.flow, nodes, edges),
        revision: s.revision + 1,
      });
    }

    /** The document with an auto layout being applied finished first (see getDiagram). */
    function settled(): EditorFullState {
      finishLayout();
      return get();
    }

    /**
     * Moves the next slice of nodes (as many pieces as this frame's budget allows), or everything
     * left when that is all of it or the page is hidden.
     */
    function applySlice(app: LayoutApplication, hurry: boolean): void {
      if (applying !== app) return;
      const at = services.now();
      if (app.lastFrameAt > 0) app.budget = nextBudget(app.budget, at - app.lastFrameAt);
      app.lastFrameAt = at;
      const ids = new Set<string>();
      let end = app.next;
      while (end < app.pieces.length && (ids.size === 0 || ids.size + app.pieces[end]!.length <= app.budget)) {
        for (const id of app.pieces[end]!) ids.add(id);
        end++;
      }
      if (hurry || end >= app.pieces.length) {
        finishLayout();
        return;
      }
      app.next = end;
      for (const id of ids) app.placed.add(id);
      const s = get();
      set({ nodes: placeNodes(s.nodes, ids, app.target), edges: placeEdges(s.edges, app.placed, ids, app.finished, app.target) });
      services.frame?.((late) => applySlice(app, late));
    }

    /** Applies what is left of the layout being applied and records it all as one undoable step. */
    function finishLayout(): void {
      const app = applying;
      if (!app) return;
      applying = null;
      const s = get();
      const rest = new Set<string>();
      for (const piece of app.pieces.slice(app.next)) for (const id of piece) rest.add(id);
      const nodes = placeNodes(s.nodes, rest, app.target);
      const edges = finishEdges(s.edges, app.finished, app.target);
      set({
        nodes,
        edges,
        history: record(s.history, app.before, null, services.now()),
        // Validation does not look at positions, and nothing else changed since it last ran.
        revision: s.revision + 1,
        layoutBusy: false,
        // The view is already on its way to the new layout (see autoLayout).
      });
      app.resolve(true);
    }

    /** Drops a layout being applied without recording it: its document is being replaced. */
    function abandonLayout(): void {
      const app = applying;
      if (!app) return;
      applying = null;
      set({ layoutBusy: false });
      app.resolve(false);
    }

    function restore(snapshot: Snapshot, history: History): void {
      set((s) => ({
        ...snapshot,
        history,
        validation: computeValidation(snapshot.meta.flow, snapshot.nodes, snapshot.edges),
        revision: s.revision + 1,
      }));
    }

    function takenRects(nodes: readonly ArchNode[]): Rect[] {
      const byId = indexNodes(nodes);
      return nodes
        .filter((n) => n.parentId === undefined || n.type !== 'group')
        .map((n) => ({ ...absolutePositionOf(byId, n), ...nodeSize(n) }));
    }

    function insertFragment(fragment: Fragment): void {
      const s = get();
      const added = toFlowElements({ ...emptyDiagram(), nodes: fragment.nodes, edges: fragment.edges });
      const nodes = [
        ...s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n)),
        ...added.nodes.map((n) => ({ ...n, selected: true })),
      ];
      const edges = [...s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)), ...added.edges];
      commit({ nodes, edges });
    }

    function dropRoutesTouching(edges: ArchEdge[], moved: ReadonlySet<string>): ArchEdge[] {
      let changed = false;
      const out = edges.map((e) => {
        if (e.data?.route && (moved.has(e.source) || moved.has(e.target))) {
          changed = true;
          const { route: _route, ...data } = e.data;
          return { ...e, data };
        }
        return e;
      });
      return changed ? out : edges;
    }

    return {
      ...initialWorkspace,
      ...createWorkspaceActions(set, get, api.subscribe, options.workspace),
      meta: start.meta,
      nodes: start.nodes,
      edges: start.edges,
      history: emptyHistory(),
      validation: computeValidation(start.meta.flow, start.nodes, start.edges),
      revision: 0,
      theme: options.theme ?? 'light',
      notices: [],
      fitViewRequest: { seq: 0, animate: false },
      focusRequest: null,
      layoutBusy: false,
      snapToGrid: true,
      clipboard: null,
      pasteCount: 0,

      onNodesChange(changes) {
        const s = changes.some(isDocumentChange) ? settled() : get();
        const dragging = changes.some((c) => c.type === 'position' && c.dragging === true);
        const dragEnded = changes.some((c) => c.type === 'position' && c.dragging === false);
        if (dragging && dragStart === null) dragStart = snapshotOf(s);
        let nodes = applyNodeChanges(changes, s.nodes);
        if (dragEnded && dragStart !== null) {
          const before = dragStart;
          dragStart = null;
          const movedIds = changes.filter((c) => c.type === 'position').map((c) => (c as { id: string }).id);
          // Only components settle into groups; moving a group never re-nests it by accident.
          nodes = settleIntoGroups(
            nodes,
            movedIds.filter((id) => nodes.find((n) => n.id === id)?.type === 'component'),
          );
          const moved = descendantsOf(nodes, new Set(movedIds));
          const edges = dropRoutesTouching(s.edges, moved);
          set({
            nodes,
            edges,
            history: record(s.history, before, null, services.now()),
            revision: s.revision + 1,
          });
          return;
        }
        if (changes.some((c) => c.type === 'remove')) {
          nodes = nodes.filter((n) => n.parentId === undefined || nodes.some((p) => p.id === n.parentId));
          const ids = new Set(nodes.map((n) => n.id));
          commit({ nodes, edges: s.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) });
          return;
        }
        const documentChanged = changes.some(isDocumentChange) && !dragging;
        set(documentChanged ? { nodes, revision: s.revision + 1 } : { nodes });
      },

      onEdgesChange(changes) {
        const s = changes.some(isDocumentChange) ? settled() : get();
        const edges = applyEdgeChanges(changes, s.edges);
        if (changes.some(isDocumentChange)) commit({ edges });
        else set({ edges });
      },

      connect(connection) {
        const { source, target } = connection;
        if (!source || !target || source === target) return;
        const s = settled();
        const exists = s.edges.some(
          (e) => (e.source === source && e.target === target) || (e.data?.bidirectional && e.source === target && e.target === source),
        );
        if (exists) {
          get().notify('info', 'Those two components are already connected.');
          return;
        }
        const edge = toFlowEdge({ id: idMaker(s.nodes, s.edges)('e'), source, target });
        commit({ edges: [...s.edges, edge] });
      },

      addComponent(kind, at) {
        const spec = findKind(kind);
        if (!spec) return null;
        const s = settled();
        const size = { width: spec.width, height: spec.height };
        const position =
          'dropAt' in at
            ? { x: at.dropAt.x - size.width / 2, y: at.dropAt.y - size.height / 2 }
            : findFreeSpot(bandBias(at.center, spec.role, s.meta), size, takenRects(s.nodes));
        if (s.snapToGrid) {
          position.x = Math.round(position.x / 20) * 20;
          position.y = Math.round(position.y / 20) * 20;
        }
        const id = idMaker(s.nodes, s.edges)(kind);
        let node = toFlowNode({ id, kind, label: spec.label, position, ...(kind === GROUP_KIND ? { size } : {}) });
        if ('dropAt' in at && kind !== GROUP_KIND) {
          const group = groupAt(s.nodes, at.dropAt, new Set());
          if (group) {
            const origin = absolutePositionOf(indexNodes(s.nodes), group);
            node = { ...node, parentId: group.id, position: { x: position.x - origin.x, y: position.y - origin.y } };
          }
        }
        const deselected = s.nodes.map((n) => (n.selected ? { ...n, selected: false } : n));
        const nodes = kind === GROUP_KIND ? [{ ...node, selected: true }, ...deselected] : [...deselected, { ...node, selected: true }];
        commit({ nodes, edges: s.edges.map((e) => (e.selected ? { ...e, selected: false } : e)) });
        return id;
      },

      updateNodeData(id, rawPatch) {
        const patch = withinTextLimits(rawPatch);
        const s = settled();
        const nodes = s.nodes.map((n) => (n.id === id ? ({ ...n, data: { ...n.data, ...patch } } as ArchNode) : n));
        commit({ nodes }, `node:${id}:${Object.keys(patch).join(',')}`);
      },

      updateEdgeData(id, rawPatch) {
        const patch = withinTextLimits(rawPatch);
        const s = settled();
        const edges = s.edges.map((e) => (e.id === id ? withMarkers({ ...e, data: { ...e.data, ...patch } }) : e));
        commit({ edges }, `edge:${id}:${Object.keys(patch).join(',')}`);
      },

      reverseEdge(id) {
        const s = settled();
        const edges = s.edges.map((e) => {
          if (e.id !== id) return e;
          const { route: _route, ...data } = e.data ?? {};
          return { ...e, source: e.target, target: e.source, data };
        });
        commit({ edges });
      },

      deleteSelection() {
        const s = settled();
        const selected = new Set(s.nodes.filter((n) => n.selected).map((n) => n.id));
        const gone = descendantsOf(s.nodes, selected);
        const edges = s.edges.filter((e) => !e.selected && !gone.has(e.source) && !gone.has(e.target));
        if (gone.size === 0 && edges.length === s.edges.length) return;
        commit({ nodes: s.nodes.filter((n) => !gone.has(n.id)), edges });
      },

      selectAll() {
        set((s) => ({
          nodes: s.nodes.map((n) => (n.selected ? n : { ...n, selected: true })),
          edges: s.edges.map((e) => (e.selected ? e : { ...e, selected: true })),
        }));
      },

      clearSelection() {
        get().select([]);
      },

      select(nodeIds, edgeIds = []) {
        const nodeSet = new Set(nodeIds);
        const edgeSet = new Set(edgeIds);
        set((s) => ({
          nodes: s.nodes.map((n) => (Boolean(n.selected) === nodeSet.has(n.id) ? n : { ...n, selected: nodeSet.has(n.id) })),
          edges: s.edges.map((e) => (Boolean(e.selected) === edgeSet.has(e.id) ? e : { ...e, selected: edgeSet.has(e.id) })),
        }));
      },

      copySelection() {
        const s = settled();
        const selected = new Set(s.nodes.filter((n) => n.selected).map((n) => n.id));
        if (selected.size === 0) return null;
        const fragment = selectFragment(get().getDiagram(), selected);
        set({ clipboard: fragment, pasteCount: 0 });
        return fragment;
      },

      paste(fragment) {
        const s = settled();
        const source = fragment ?? s.clipboard;
        if (!source || source.nodes.length === 0) return;
        const count = (fragment && fragment !== s.clipboard ? 0 : s.pasteCount) + 1;
        const newId = idMaker(s.nodes, s.edges);
        const clone = cloneFragment(source, (old) => newId(idPrefix(old)), {
          x: 40 * count,
          y: 40 * count,
        });
        set({ pasteCount: count, clipboard: source });
        insertFragment(clone);
      },

      duplicateSelection() {
        const s = settled();
        const selected = new Set(s.nodes.filter((n) => n.selected).map((n) => n.id));
        if (selected.size === 0) return;
        const fragment = selectFragment(s.getDiagram(), selected);
        const newId = idMaker(s.nodes, s.edges);
        insertFragment(cloneFragment(fragment, (old) => newId(idPrefix(old)), { x: 40, y: 40 }));
      },

      undo() {
        const s = settled();
        const step = undo(s.history, snapshotOf(s));
        if (step) restore(step.snapshot, step.history);
      },

      redo() {
        const s = settled();
        const step = redo(s.history, snapshotOf(s));
        if (step) restore(step.snapshot, step.history);
      },

      setTitle(title) {
        commit({ meta: { ...settled().meta, title: title.slice(0, LIMITS.maxLabelLength) } }, 'title');
      },

      setFlow(flow) {
        if (settled().meta.flow === flow) return;
        commit({ meta: { ...get().meta, flow } });
      },

      setLayoutDirection(direction) {
        const meta = { ...settled().meta };
        if (direction === undefined) delete meta.layout;
        else meta.layout = { ...meta.layout, direction };
        commit({ meta });
      },

      reverseAllEdges() {
        const s = settled();
        const edges = s.edges.map((e) => {
          if (e.data?.bidirectional) return e;
          const { route: _route, ...data } = e.data ?? {};
          return { ...e, source: e.target, target: e.source, data };
        });
        commit({ edges });
      },

      newDiagram() {
        get().loadDiagram(emptyDiagram());
      },

      loadDiagram(diagram) {
        const next = toFlowElements(diagram);
        dragStart = null;
        // The layout was of the document being replaced.
        abandonLayout();
        set((s) => ({
          ...next,
          history: emptyHistory(),
          validation: computeValidation(next.meta.flow, next.nodes, next.edges),
          revision: s.revision + 1,
          fitViewRequest: { seq: s.fitViewRequest.seq + 1, animate: false },
          focusRequest: null,
        }));
      },

      async autoLayout(sizes) {
        const layout = services.layout;
        if (!layout) {
          get().notify('error', 'Auto layout is not available here.');
          return false;
        }
        const before = settled();
        const seq = ++layoutSeq;
        const measured = new Map(sizes ?? []);
        for (const n of before.nodes) {
          if (!measured.has(n.id) && n.type !== 'group' && n.measured?.width && n.measured.height) {
            measured.set(n.id, { width: n.measured.width, height: n.measured.height });
          }
        }
        set({ layoutBusy: true });
        const direction = before.meta.layout?.direction;
        const outcome = await layout.layout(before.getDiagram(), { ...(direction ? { direction } : {}), sizes: measured });
        // A newer request owns the busy state (and this answer is stale anyway).
        if (seq !== layoutSeq) return false;
        if (!outcome.ok) {
          set({ layoutBusy: false });
          if (outcome.error.code !== 'superseded') {
            get().notify('error', `Auto layout failed, so nothing was moved: ${outcome.error.message}`);
          }
          return false;
        }
        const now = get();
        if (now.revision !== before.revision) {
          set({ layoutBusy: false });
          // The user edited while the layout ran; applying stale positions would undo that work.
          get().notify('info', 'The diagram changed during auto layout, so it was not applied. Try again.');
          return false;
        }
        // Only positions, sizes and routes change: the direction stays the user's choice, or unset
        // so that it keeps following the flow.
        const target = layoutTarget(outcome.diagram);
        const frame = services.frame;
        if (!frame || now.nodes.length < LAYOUT_SLICES_FROM_NODES) {
          const nodes = placeNodes(now.nodes, new Set(now.nodes.map((n) => n.id)), target);
          commit({ nodes, edges: finishEdges(now.edges, new Set(), target) });
          set((s) => ({ layoutBusy: false, fitViewRequest: { seq: s.fitViewRequest.seq + 1, animate: true } }));
          return true;
        }
        return new Promise<boolean>((resolve) => {
          const app: LayoutApplication = {
            before: snapshotOf(now),
            target,
            pieces: planLayoutSlices(now.nodes, LAYOUT_PIECE_NODES),
            next: 0,
            budget: LAYOUT_FIRST_BUDGET,
            lastFrameAt: 0,
            placed: new Set(),
            finished: new Set(),
            resolve,
          };
          applying = app;
          // First the view glides to where the new layout will be, then the nodes arrive slice by
          // slice. React Flow draws only the nodes in view on a big diagram: a jump of the view
          // would mount (and measure) hundreds of nodes in one task, a glide does it a few at a
          // time, and the slices mount the rest at their own pace.
          const bounds = target.bounds;
          const glideMs = bounds ? layoutGlideMs(now.nodes.length) : 0;
          if (bounds) {
            set((s) => ({ fitViewRequest: { seq: s.fitViewRequest.seq + 1, animate: true, bounds, durationMs: glideMs } }));
          }
          const started = services.now();
          const waitForGlide = (hurry: boolean) => {
            if (applying !== app) return;
            if (hurry || services.now() - started >= glideMs) applySlice(app, hurry);
            else frame(waitForGlide);
          };
          frame(waitForGlide);
        });
      },

      toggleTheme() {
        set((s) => ({ theme: s.theme === 'light' ? 'dark' : 'light' }));
      },

      setTheme(theme) {
        set({ theme });
      },

      setSnapToGrid(on) {
        set({ snapToGrid: on });
      },

      notify(tone, message) {
        const notice = { id: ++noticeSeq, tone, message };
        set((s) => ({ notices: [...s.notices.filter((n) => n.message !== message).slice(-3), notice] }));
      },

      dismissNotice(id) {
        set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
      },

      requestFitView() {
        set((s) => ({ fitViewRequest: { seq: s.fitViewRequest.seq + 1, animate: true } }));
      },

      focusElements(ids) {
        set((s) => ({ focusRequest: { ids, seq: (s.focusRequest?.seq ?? 0) + 1 } }));
      },

      getDiagram() {
        const s = settled();
        return toDiagram(s.meta, s.nodes, s.edges);
      },
    };
  });
}

export type { Role };
