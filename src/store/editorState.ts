/**
 * The shape of the editor's state, slice by slice (types only: each slice's code lives in its
 * own file, and `editorStore.ts` composes them). Three scopes, as tldraw separates them:
 * - document (`doc`): what is saved and shared, records by id; every change is a diff;
 * - session: selection, view requests, theme, notices, progress, measured sizes; never saved,
 *   never undone;
 * - presence: other people's cursors and selections (empty until live collaboration).
 * `nodes` and `edges` are React Flow's view of the document and session, derived per record
 * (src/store/flowView.ts); nothing writes them directly.
 */
import type { Connection, EdgeChange, NodeChange } from '@xyflow/react';
import type { Diagram, Flow, LayoutDirection, Point, Size } from '../model/diagram';
import type { Rect } from '../model/findFreeSpot';
import type { DiagramRecords, DocumentChange, DocumentDiff, DocumentMeta } from '../model/recordsDiff';
import type { CapacitySlice } from './capacitySlice';
import type { Fragment } from '../model/fragment';
import type { DesignSlice } from './designTypes';
import type { ArchEdge, ArchNode, ComponentData, ConnectionData } from './flowView';
import type { History } from './history';
import type { ValidationView } from './validation';
import type { LiveSlice, Viewport } from './liveTypes';
import type { WorkspaceSlice } from './workspaceTypes';
import type { PracticeSlice } from './practiceSlice';

export type Theme = 'light' | 'dark';

export interface Notice {
  id: number;
  tone: 'error' | 'warning' | 'info';
  message: string;
}

/**
 * Who made a change: autosave, history and the collaboration binding tell them apart. `remote`
 * is another editor's change arriving through live collaboration: never in this editor's undo
 * history and never sent back.
 */
export type DiffOrigin = 'edit' | 'undo' | 'redo' | 'layout' | 'load' | 'system' | 'remote';

export interface DiffInfo {
  origin: DiffOrigin;
  /**
   * False while a drag or an auto layout is still under way: more diffs follow, and the step is
   * recorded (and worth saving) once it ends with a settled diff.
   */
  settled: boolean;
}

export type DiffListener = (diff: DocumentDiff, info: DiffInfo) => void;

export interface ApplyOptions {
  origin: DiffOrigin;
  /** Edits with the same key within a second are one undo step (typing a label). */
  key?: string | null;
  /** See DiffInfo.settled; unsettled diffs gather into one undo step until a settled one. */
  settled?: boolean;
  /** False for changes that are not the user's to undo (a conflict copy's title). */
  undoable?: boolean;
  /**
   * The diff already applied to the document `from` (work done in an earlier task, as an auto
   * layout does); used only when `from` is still the document, else the diff is applied anew.
   */
  applied?: { from: DiagramRecords; doc: DiagramRecords };
}

export interface DocumentSlice {
  /** The document scope. */
  doc: DiagramRecords;
  /** The same object as `doc.meta`, for short selectors. */
  meta: DocumentMeta;
  /** React Flow's nodes and edges, derived; unchanged records keep their objects. */
  nodes: ArchNode[];
  edges: ArchEdge[];
  validation: ValidationView;
  /** Bumps with every settled document change; autosave and views watch it. */
  revision: number;
  /** No diff was applied since this diagram was opened or created (see the workspace). */
  untouched: boolean;
  /** The one way the document changes. Records history and tells diff listeners. */
  applyDiff(diff: DocumentDiff, options: ApplyOptions): void;
  /**
   * Builds ahead, in a task of its own, what the view will show once `diff` makes `doc` (with
   * `measured` sizes), so applying it later is shorter: for big changes (an auto layout).
   */
  prepareView(doc: DiagramRecords, diff: DocumentDiff, measured?: ReadonlyMap<string, Size>): void;
  /** Every applied diff, in order; returns the function that stops listening. */
  subscribeToDiffs(listener: DiffListener): () => void;
  /** Replaces the open document (history starts afresh, the diagram counts as untouched). */
  loadDiagram(diagram: Diagram): void;
  newDiagram(): void;
  /**
   * The saved form of the open document. An auto layout still being applied is finished first,
   * so no one ever reads a half laid-out document.
   */
  getDiagram(): Diagram;
}

export interface EditingSlice {
  /**
   * Applies a change to any records as one undo step, with what the removals imply (see
   * src/model/cascadeRemoval.ts). Changes with the same `key` within a second (a burst of
   * typing) are one step. Feature slices build their actions on this.
   */
  changeRecords(change: DocumentChange, options?: { key?: string | null }): void;
  onNodesChange(changes: NodeChange<ArchNode>[]): void;
  onEdgesChange(changes: EdgeChange<ArchEdge>[]): void;
  connect(connection: Connection): void;
  addComponent(kind: string, at: { center: Point } | { dropAt: Point }): string | null;
  updateNodeData(id: string, patch: Partial<ComponentData>): void;
  updateEdgeData(id: string, patch: Partial<ConnectionData>): void;
  reverseEdge(id: string): void;
  reverseAllEdges(): void;
  deleteSelection(): void;
  setTitle(title: string): void;
  setFlow(flow: Flow): void;
  setLayoutDirection(direction: LayoutDirection | undefined): void;
}

export interface SelectionSlice {
  selection: { nodes: ReadonlySet<string>; edges: ReadonlySet<string> };
  select(nodeIds: readonly string[], edgeIds?: readonly string[]): void;
  selectAll(): void;
  clearSelection(): void;
}

export interface HistorySlice {
  history: History;
  /** A drag or an auto layout still under way: its diffs so far, recorded as one step when it ends. */
  pendingStep: DocumentDiff | null;
  undo(): void;
  redo(): void;
}

export interface ClipboardSlice {
  clipboard: Fragment | null;
  pasteCount: number;
  copySelection(): Fragment | null;
  paste(fragment?: Fragment): void;
  duplicateSelection(): void;
}

export interface LayoutSlice {
  /** From the click on Auto layout until its result is fully applied (or given up). */
  layoutBusy: boolean;
  /**
   * Nodes of a just-applied auto layout not shown yet: a big layout lands hidden and is revealed
   * a slice per frame, so the canvas mounts the nodes in view a few at a time.
   */
  layoutHidden: ReadonlySet<string>;
  autoLayout(sizes?: ReadonlyMap<string, Size>): Promise<boolean>;
  /** Shows at once whatever a layout being revealed still hides (before any edit). */
  finishLayout(): void;
  /** Drops a layout being applied without recording it: its document is being replaced. */
  abandonLayout(): void;
}

export interface FitViewRequest {
  seq: number;
  animate: boolean;
  bounds?: Rect;
}

export interface SessionSlice {
  theme: Theme;
  notices: Notice[];
  noticeSeq: number;
  /**
   * The canvas fits the view whenever this changes; animated after a layout or on request, at
   * once when a diagram is opened (nothing should drift under the pointer then). With `bounds`,
   * it fits that area (flow coordinates) instead of the nodes, at once.
   */
  fitViewRequest: FitViewRequest;
  /** The canvas centres on these ids whenever the request changes. */
  focusRequest: { ids: string[]; seq: number } | null;
  snapToGrid: boolean;
  /** The image export in progress (PNG or SVG), in words, or null: what the export dialog shows. */
  exportStep: string | null;
  /** How much of the export's picture is drawn (0 to 1), or null before drawing starts. */
  exportDone: number | null;
  /** Rendered sizes React Flow measured, by node id. */
  measured: ReadonlyMap<string, Size>;
  /** Nodes being dragged right now. */
  dragging: ReadonlySet<string>;
  toggleTheme(): void;
  setTheme(theme: Theme): void;
  setSnapToGrid(on: boolean): void;
  notify(tone: Notice['tone'], message: string): void;
  dismissNotice(id: number): void;
  requestFitView(): void;
  focusElements(ids: string[]): void;
}

/** Other people in the same diagram; filled in by live collaboration. */
export interface Peer {
  name: string;
  color: string;
  /** Their pointer in canvas coordinates, or null when it is off the canvas. */
  cursor: Point | null;
  /** Ids of the nodes and edges they have selected. */
  selection: readonly string[];
  /** What their canvas shows (for Follow). */
  viewport: Viewport | null;
  /** They joined through a view-only link. */
  viewOnly: boolean;
}

export interface PresenceSlice {
  /**
   * `selectedBy`: the colour of a peer who has each node or edge selected (derived from `peers`,
   * so that a node reads its own outline with a narrow selector).
   */
  presence: { peers: ReadonlyMap<string, Peer>; selectedBy: ReadonlyMap<string, string> };
  /** For the live service: who is here now. */
  setPeers(peers: ReadonlyMap<string, Peer>): void;
}

export type EditorState = DocumentSlice &
  EditingSlice &
  SelectionSlice &
  HistorySlice &
  ClipboardSlice &
  LayoutSlice &
  SessionSlice &
  PresenceSlice &
  LiveSlice &
  CapacitySlice &
  WorkspaceSlice &
  PracticeSlice &
  DesignSlice;
