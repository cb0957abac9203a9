/** The drawing surface: React Flow bound to the editor store. */
import {
  Background,
  BackgroundVariant,
  ConnectionLineType,
  ConnectionMode,
  Controls,
  MiniMap,
  ReactFlow,
  getViewportForBounds,
  useConnection,
  useReactFlow,
  useStore as useFlowStore,
  type Node,
  type NodeChange,
  type NodeMouseHandler,
} from '@xyflow/react';
import { useCallback, useEffect, useMemo, useState, type DragEvent, type MouseEvent as ReactMouseEvent, type PointerEvent } from 'react';
import { useEditor, useEditorStore } from '../bindings/editorContext';
import { roleOf } from '../model/catalog';
import type { ArchEdge, ComponentData } from '../store/flowView';
import { CanvasTools } from './CanvasTools';
import { ComponentNode } from './ComponentNode';
import { ConnectionEdge } from './ConnectionEdge';
import { GroupNode } from './GroupNode';
import { NodeMenu, type NodeMenuAt } from './NodeMenu';
import { NoteNode } from './NoteNode';
import { PictureLayer } from './PictureLayer';
import { diagramBounds as boundsOfDiagram, sceneInputsOf } from './pictureScene';
import { OverviewMap } from './OverviewMap';
import { PeerCursors } from './PeerCursors';
import { LoadMovingMark } from './LoadMovingMark';
import { TrafficLayerProvider, TrafficLayerTarget } from './TrafficDots';
import { useEdgesNearView, useEdgesOfShownNodes } from './useEdgesNearView';
import { NOTE_NODE_PREFIX, useNoteNodes } from './useNoteNodes';
import { CULL_FROM, MIN_ZOOM, drawsPicture, mountZoomFor } from './viewBudget';

export const KIND_DRAG_TYPE = 'application/x-archflow-kind';

const nodeTypes = { component: ComponentNode, group: GroupNode, note: NoteNode };
const edgeTypes = { connection: ConnectionEdge };
const SNAP_GRID: [number, number] = [20, 20];
/**
 * A fitted diagram sits clear of what floats over the canvas: the Note / Record path tools
 * (top left), the zoom controls (bottom left) and the minimap (bottom right, 168 × 112 plus its
 * margin). A share of the canvas would still leave a component under the minimap.
 */
const FIT_OPTIONS: FitOptions = { padding: { top: '76px', right: '32px', bottom: '140px', left: '64px' }, maxZoom: 1.25 };
/** React Flow's padding: a share of the canvas, pixels, or either per side. */
type FitOptions = { padding: Parameters<typeof getViewportForBounds>[5]; maxZoom: number };
const ZOOMED_OUT = 0.45;
const ANIMATE_FIT_UP_TO = 300;
const MAX_ZOOM = 3;
const MINIMAP_STYLE = { width: 168, height: 112 };
/**
 * Above this, the minimap is one canvas (OverviewMap) rather than an SVG element per node: React
 * Flow's MiniMap subscribes every node to its store, so each pan step, zoom step and layout slice
 * ran a selector per node of the diagram (a fifth of the script time of a 1,000-node layout).
 * Big diagrams are the ones culled to the view, so the two share a threshold.
 */
const SVG_MINIMAP_UP_TO = CULL_FROM;
const MULTI_SELECT_KEYS = ['Meta', 'Control', 'Shift'];
const NO_NODES: Node[] = [];
const NO_EDGES: ArchEdge[] = [];

const ROLE_COLORS: Record<string, string> = {
  client: 'var(--af-client)',
  server: 'var(--af-server)',
  datastore: 'var(--af-datastore)',
  support: 'var(--af-support)',
  group: 'transparent',
};
function minimapColor(node: Node): string {
  if (node.type === 'note') return 'var(--af-note-yellow)';
  return ROLE_COLORS[roleOf(node.data as ComponentData)] ?? 'var(--af-server)';
}

export function Canvas() {
  const store = useEditorStore();
  const nodes = useEditor((s) => s.nodes);
  const edges = useEditor((s) => s.edges);
  const theme = useEditor((s) => s.theme);
  const snapToGrid = useEditor((s) => s.snapToGrid);
  const fitViewRequest = useEditor((s) => s.fitViewRequest);
  const focusRequest = useEditor((s) => s.focusRequest);
  const inRoom = useEditor((s) => s.live.room !== null);
  const readOnly = useEditor((s) => s.live.readOnly);
  const following = useEditor((s) => (s.live.following === null ? null : (s.presence.peers.get(s.live.following)?.viewport ?? null)));
  const { onEdgesChange, connect } = store.getState();
  const rf = useReactFlow();
  // Where the edges draw their traffic dots (TrafficDots.tsx).
  const [trafficLayer, setTrafficLayer] = useState<HTMLElement | null>(null);
  const noteNodes = useNoteNodes();
  const shownNodes = useMemo(() => (noteNodes.length === 0 ? nodes : [...nodes, ...noteNodes]), [nodes, noteNodes]);
  const noteTool = useEditor((s) => s.noteTool);
  const pathShown = useEditor((s) => s.pathRecording !== null || (s.activePath !== null && s.doc.paths.byId.has(s.activePath)));
  const recording = useEditor((s) => s.pathRecording !== null);
  const canvasWidth = useFlowStore((s) => s.width);
  const canvasHeight = useFlowStore((s) => s.height);
  // Zoomed out so far that more nodes would be in view than the page can mount without freezing,
  // React Flow mounts none and one canvas paints the whole diagram (viewBudget.ts,
  // PictureLayer.tsx). The zoom that takes is worked out again when nodes come or go and after
  // each fit (an auto layout changes the density), not on every move.
  const nodeCount = nodes.length;
  /**
   * The box around the whole diagram (or the nodes in `ids`), from the store rather than React
   * Flow's nodes: in the far view React Flow holds none, and fits to what it holds.
   */
  const diagramBounds = (ids?: ReadonlySet<string>) => boundsOfDiagram(sceneInputsOf(store.getState()), ids);
  const mountZoom = useMemo(
    () => mountZoomFor(store.getState().nodes, { width: canvasWidth, height: canvasHeight }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the count and the fits stand for the nodes: moves barely change the density
    [nodeCount, canvasWidth, canvasHeight, store, fitViewRequest],
  );
  // The zoom a fit to the whole diagram takes; React Flow's floor goes as far out if need be.
  const wholeZoom = useMemo(
    () => {
      const bounds = diagramBounds();
      return bounds ? getViewportForBounds(bounds, canvasWidth, canvasHeight, 0, FIT_OPTIONS.maxZoom, FIT_OPTIONS.padding).zoom : 1;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- as for mountZoom
    [nodeCount, canvasWidth, canvasHeight, store, fitViewRequest],
  );
  const leastZoom = Math.min(MIN_ZOOM, wholeZoom);
  // Between a fit being asked for (a file opened, an auto layout applied) and the view moving
  // there, the canvas draws as the fitted view will: a big diagram's nodes are not handed to React
  // Flow at the old, closer zoom for one frame, only to be dropped again.
  const [fittedSeq, setFittedSeq] = useState(0);
  const fitPending = fitViewRequest.seq !== fittedSeq && nodeCount > 0;
  const pictureAtZoom = useFlowStore((s) => drawsPicture(fitPending ? wholeZoom : s.transform[2], mountZoom));
  // A hand zoom that starts on the picture keeps it until the wheel or pinch rests (React Flow's
  // move end), then mounts the nodes once: six wheel notches in and out on 500 nodes crossed the
  // mount zoom twice a round, and each crossing mounted or dropped a few hundred nodes within one
  // wheel event (frames of 130 ms idle). Zooming out still switches to the picture at once: that
  // is the side that keeps the page within its budget of mounted nodes.
  const [pictureHeld, setPictureHeld] = useState(false);
  const picture = pictureAtZoom || pictureHeld;
  const big = nodes.length > CULL_FROM;
  // A big diagram mounts the connections near the view only.
  const shownEdges = useEdgesNearView(useEdgesOfShownNodes(edges), big && !picture);
  // One subscription for the whole canvas instead of one per node (see BENCHMARKS.md).
  const connecting = useConnection((c) => c.inProgress);
  // Zoomed far out, details are unreadable anyway; dropping them keeps panning smooth.
  const zoomedOut = useFlowStore((s) => s.transform[2] < ZOOMED_OUT);
  const className = [
    connecting ? 'is-connecting' : '',
    zoomedOut ? 'is-zoomed-out' : '',
    pathShown ? 'has-path-shown' : '',
    noteTool ? 'is-placing-note' : '',
    recording ? 'is-recording-path' : '',
  ]
    .filter(Boolean)
    .join(' ');

  const fitTo = (bounds: { x: number; y: number; width: number; height: number } | null, options: FitOptions, duration: number) => {
    if (!bounds) return;
    const to = getViewportForBounds(bounds, canvasWidth, canvasHeight, leastZoom, options.maxZoom, options.padding);
    void rf.setViewport(to, duration > 0 ? { duration } : undefined);
  };

  useEffect(() => {
    // React Flow queues a fit asked for while there is nothing to fit and runs it when the first
    // node appears, which would jump the view under the user's first drop.
    if (fitViewRequest.seq === 0 || store.getState().nodes.length === 0) {
      // Nothing to fit: nothing pending either.
      const handle = requestAnimationFrame(() => setFittedSeq(fitViewRequest.seq));
      return () => cancelAnimationFrame(handle);
    }
    // Wait a frame so freshly loaded nodes are measured before fitting.
    // Animating a fit re-measures every node per frame; on big diagrams it is a jump instead.
    // Fitted to the store's nodes, hidden ones too (a big auto layout's, while the view jumps),
    // with their measured or presumed sizes: the box an auto layout reports leaves out nodes it
    // was given no size for.
    const duration = fitViewRequest.animate && store.getState().nodes.length <= ANIMATE_FIT_UP_TO ? 250 : 0;
    const handle = requestAnimationFrame(() => {
      fitTo(diagramBounds(), FIT_OPTIONS, duration);
      setFittedSeq(fitViewRequest.seq);
    });
    return () => cancelAnimationFrame(handle);
    // The canvas size is read when the request comes, not followed afterwards.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [fitViewRequest, rf, store]);

  useEffect(() => {
    if (!focusRequest || focusRequest.ids.length === 0) return;
    fitTo(diagramBounds(new Set(focusRequest.ids)), { maxZoom: 1.25, padding: 0.4 }, 300);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- fitTo reads the canvas size when asked
  }, [focusRequest, rf]);

  useEffect(() => {
    store.getState().setCanvasHandle({
      viewportElement: () => document.querySelector<HTMLElement>('.react-flow__viewport'),
      background: () => {
        const pane = document.querySelector('.react-flow');
        return pane ? getComputedStyle(pane).getPropertyValue('--af-canvas').trim() || '#ffffff' : '#ffffff';
      },
    });
    return () => store.getState().setCanvasHandle(null);
  }, [rf, store]);

  // Live rooms: what this canvas shows goes to the others (as its centre, since canvases differ
  // in size), and a followed person's view is taken as theirs moves.
  const reportViewport = useCallback(() => {
    const { x, y, zoom } = rf.getViewport();
    store.getState().viewportMoved({ x: (canvasWidth / 2 - x) / zoom, y: (canvasHeight / 2 - y) / zoom, zoom });
  }, [rf, store, canvasWidth, canvasHeight]);
  useEffect(() => {
    if (inRoom) reportViewport();
  }, [inRoom, reportViewport]);
  useEffect(() => {
    if (following) void rf.setCenter(following.x, following.y, { zoom: following.zoom, duration: 120 });
  }, [following, rf]);
  const onPointerMove = useCallback(
    (event: PointerEvent) => {
      if (inRoom) store.getState().pointerMoved(rf.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [inRoom, rf, store],
  );
  const onPointerLeave = useCallback(() => {
    if (inRoom) store.getState().pointerMoved(null);
  }, [inRoom, store]);
  // Notes are React Flow nodes too; their changes go to the notes, the rest to the components.
  const onNodesChange = useCallback(
    (changes: NodeChange[]) => {
      const s = store.getState();
      const notes: NodeChange[] = [];
      const others: NodeChange[] = [];
      for (const c of changes) {
        const id = 'id' in c ? c.id : c.item.id;
        if (id.startsWith(NOTE_NODE_PREFIX) && !s.doc.nodes.byId.has(id)) notes.push({ ...c, id: id.slice(NOTE_NODE_PREFIX.length) } as NodeChange);
        else others.push(c);
      }
      if (notes.length > 0) s.onNoteChanges(notes);
      if (others.length > 0) s.onNodesChange(others as Parameters<typeof s.onNodesChange>[0]);
    },
    [store],
  );

  const onNodeClick: NodeMouseHandler = useCallback(
    (_event, node) => {
      const s = store.getState();
      if (s.pathRecording && node.type === 'component') s.recordPathStep(node.id);
    },
    [store],
  );

  const onPaneClick = useCallback(
    (event: React.MouseEvent) => {
      const s = store.getState();
      if (s.noteTool) s.addNote(rf.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
      // React Flow clears the selection of the nodes it holds; in the far view it holds none.
      else if (picture) s.clearSelection();
      else if (s.noteSelection.size > 0) s.selectNotes([]);
    },
    [rf, store, picture],
  );

  const [menu, setMenu] = useState<NodeMenuAt | null>(null);
  const closeMenu = useCallback(() => setMenu(null), []);
  const onNodeContextMenu = useCallback((event: ReactMouseEvent, node: Node) => {
    if (node.type !== 'component' && node.type !== 'group') return;
    event.preventDefault();
    const target = event.currentTarget as HTMLElement;
    // From the keyboard (Menu key, Shift+F10) there is no pointer: open beside the node.
    const box = target.getBoundingClientRect();
    const fromKeyboard = event.clientX === 0 && event.clientY === 0;
    setMenu({ id: node.id, x: fromKeyboard ? box.left + 12 : event.clientX, y: fromKeyboard ? box.bottom + 4 : event.clientY, returnFocus: target });
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    const types = event.dataTransfer.types;
    if (types.includes(KIND_DRAG_TYPE) || types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = types.includes('Files') ? 'copy' : 'move';
    }
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const kind = event.dataTransfer.getData(KIND_DRAG_TYPE);
      if (kind) {
        event.preventDefault();
        const dropAt = rf.screenToFlowPosition({ x: event.clientX, y: event.clientY });
        store.getState().addComponent(kind, { dropAt });
        return;
      }
      const file = event.dataTransfer.files[0];
      if (file) {
        event.preventDefault();
        void store.getState().openFile(file);
      }
    },
    [rf, store],
  );

  return (
    <>
    <TrafficLayerProvider value={trafficLayer}>
    <ReactFlow
      nodes={picture ? NO_NODES : shownNodes}
      edges={picture ? NO_EDGES : shownEdges}
      nodeTypes={nodeTypes}
      edgeTypes={edgeTypes}
      onNodesChange={onNodesChange}
      onEdgesChange={onEdgesChange}
      onConnect={connect}
      onNodeClick={onNodeClick}
      onPaneClick={onPaneClick}
      onDrop={onDrop}
      onDragOver={onDragOver}
      onNodeContextMenu={onNodeContextMenu}
      onPointerMove={onPointerMove}
      onPointerLeave={onPointerLeave}
      onMove={inRoom ? reportViewport : undefined}
      onMoveStart={(event) => {
        // Panning or zooming by hand stops following someone.
        if (event && store.getState().live.following !== null) store.getState().follow(null);
        if (event && picture) setPictureHeld(true);
      }}
      onMoveEnd={() => setPictureHeld(false)}
      nodesDraggable={!readOnly}
      nodesConnectable={!readOnly}
      colorMode={theme}
      snapToGrid={snapToGrid}
      snapGrid={SNAP_GRID}
      connectionMode={ConnectionMode.Loose}
      connectionRadius={36}
      connectionLineType={ConnectionLineType.SmoothStep}
      deleteKeyCode={null}
      selectionKeyCode="Shift"
      multiSelectionKeyCode={MULTI_SELECT_KEYS}
      zoomOnDoubleClick={false}
      // Off-screen culling helps big diagrams (exports draw from the records, not this DOM).
      onlyRenderVisibleElements={big}
      minZoom={leastZoom}
      maxZoom={MAX_ZOOM}
      // No `fitView` prop: it would also fire when the first component is added to an empty
      // canvas and jump the view. The store asks for a fit when a diagram is opened.
      aria-label="Diagram canvas"
      className={className}
    >
      {picture && <PictureLayer onMenu={setMenu} />}
      <TrafficLayerTarget onLayer={setTrafficLayer} />
      <LoadMovingMark />
      <Background variant={BackgroundVariant.Dots} gap={20} size={1.4} />
      {nodes.length > SVG_MINIMAP_UP_TO ? (
        <OverviewMap />
      ) : (
        <MiniMap pannable zoomable nodeColor={minimapColor} nodeStrokeWidth={0} ariaLabel="Minimap" style={MINIMAP_STYLE} />
      )}
      <Controls
        showInteractive={false}
        aria-label="Zoom controls"
        fitViewOptions={FIT_OPTIONS}
        // React Flow fits to the nodes it holds, which in the far view are none: ours fits the store's.
        onFitView={picture ? () => fitTo(diagramBounds(), FIT_OPTIONS, 0) : undefined}
      />
      <CanvasTools />
      <PeerCursors />
    </ReactFlow>
    </TrafficLayerProvider>
    {menu && <NodeMenu at={menu} onClose={closeMenu} />}
    </>
  );
}
