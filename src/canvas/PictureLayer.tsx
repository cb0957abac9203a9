/**
 * The far view of a big diagram: one <canvas> under React Flow's pane that paints the whole
 * diagram, while React Flow mounts no node and no connection (Canvas.tsx decides when, with
 * viewBudget.ts). Tools like tldraw, Excalidraw and draw.io keep huge boards responsive the same
 * way: the cost of a frame is one paint, not a few hundred components with their selectors,
 * styles and labels (BENCHMARKS.md, "The far view as one canvas picture").
 *
 * Repainted at most once per frame, on a change of the document, the session's marks or the
 * view. The pointer still edits: usePicturePointer.ts turns clicks, drags, right-clicks and
 * double-clicks over painted components into the store's actions. After each paint the canvas
 * says what it drew (`data-drawn-nodes`, `data-drawn-revision`), which the benchmarks and tests
 * wait for.
 */
import { useStoreApi } from '@xyflow/react';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useEditor, useEditorStore } from '../bindings/editorContext';
import type { DiagramEdge, DiagramNode } from '../model/diagram';
import { effectiveDirection } from '../model/layoutDirection';
import type { DiagramNote } from '../model/records/note';
import { emptyTable } from '../model/recordsDiff';
import { selectActivePath } from '../store/designIndex';
import { selectOverlayOn } from '../store/selectors';
import type { NodeMenuAt } from './NodeMenu';
import { createPicturePainter, type PictureMarks } from './paintPicture';
import { readPictureColors, type PictureColors } from './pictureColors';
import { buildPictureScene, edgesOnPath, stepsByNode } from './pictureScene';
import { usePicturePointer } from './usePicturePointer';

const NO_IDS: ReadonlySet<string> = new Set();

interface Props {
  onMenu(at: NodeMenuAt): void;
}

export function PictureLayer({ onMenu }: Props) {
  const store = useEditorStore();
  const flow = useStoreApi();
  const nodes = useEditor((s) => s.doc.nodes);
  const edgeRecords = useEditor((s) => s.doc.edges);
  const notes = useEditor((s) => s.doc.notes);
  const measured = useEditor((s) => s.measured);
  const meta = useEditor((s) => s.meta);
  const revision = useEditor((s) => s.revision);
  const theme = useEditor((s) => s.theme);
  const selection = useEditor((s) => s.selection.nodes);
  const noteSelection = useEditor((s) => s.noteSelection);
  const severity = useEditor((s) => s.validation.nodeSeverity);
  const overlayOn = useEditor(selectOverlayOn);
  const capacity = useEditor((s) => s.capacity);
  const steps = useEditor((s) => s.pathRecording?.steps ?? selectActivePath(s)?.steps ?? null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const [hovered, setHovered] = useState<string | null>(null);

  // Deferred: the picture of a changed document is worked out in a render of its own, after the
  // one that applied the change (an auto layout's, a file's), not in the same long task.
  const current = useMemo(
    () => ({ inputs: { nodes, edges: edgeRecords, notes, measured, direction: effectiveDirection(meta) }, revision }),
    [nodes, edgeRecords, notes, measured, meta, revision],
  );
  // A mounting component's deferred value is the value itself, and the far view mounts as a big
  // diagram opens: it starts from an empty picture, so the opened one is worked out in a render
  // of its own there too.
  const [blank] = useState(() => ({ inputs: { ...current.inputs, nodes: emptyTable<DiagramNode>(), edges: emptyTable<DiagramEdge>(), notes: emptyTable<DiagramNote>() }, revision: -1 }));
  const drawing = useDeferredValue(current, blank);
  const scene = useMemo(() => buildPictureScene(drawing.inputs), [drawing]);
  const marks = useMemo<PictureMarks>(() => {
    const selected = noteSelection.size === 0 ? selection : new Set([...selection, ...[...noteSelection].map((id) => `note:${id}`)]);
    const pathSteps = steps === null ? null : stepsByNode(steps);
    return {
      selected,
      hovered,
      severity,
      overlay: overlayOn && capacity ? capacity.nodeOverlay : null,
      downGroups: overlayOn && capacity ? capacity.downGroups : NO_IDS,
      pathSteps,
      pathEdges: steps === null ? NO_IDS : edgesOnPath(steps, edgeRecords.byId.values()),
    };
  }, [selection, noteSelection, hovered, severity, overlayOn, capacity, steps, edgeRecords]);

  // What the next frame paints, kept in a ref so a pan (React Flow's store, not React) repaints
  // without rendering this component.
  const latest = useRef({ scene, marks, revision: drawing.revision });
  latest.current = { scene, marks, revision: drawing.revision };
  const painter = useMemo(createPicturePainter, []);
  const colors = useRef<PictureColors | null>(null);
  const frame = useRef(0);
  const paint = useRef<() => void>(() => {});
  paint.current = () => {
    frame.current = 0;
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    const { transform, width, height } = flow.getState();
    const pixelRatio = window.devicePixelRatio || 1;
    const w = Math.max(1, Math.round(width * pixelRatio));
    const h = Math.max(1, Math.round(height * pixelRatio));
    if (el.width !== w || el.height !== h) {
      el.width = w;
      el.height = h;
    }
    colors.current ??= readPictureColors(el);
    const started = performance.now();
    const { scene: sc, marks: mk, revision: rev } = latest.current;
    const drawn = painter(ctx, sc, { x: transform[0], y: transform[1], zoom: transform[2], width, height, pixelRatio }, colors.current, mk);
    el.dataset.paintMs = (performance.now() - started).toFixed(1);
    el.dataset.drawnNodes = String(sc.nodeCount);
    el.dataset.inView = String(drawn);
    el.dataset.drawnRevision = String(rev);
  };
  const requestPaint = useRef(() => {
    if (frame.current === 0) frame.current = requestAnimationFrame(() => paint.current());
  }).current;

  // The theme's colours are read again after a theme change has been styled.
  useEffect(() => {
    colors.current = null;
    requestPaint();
  }, [theme, requestPaint]);
  useEffect(requestPaint, [scene, marks, drawing, requestPaint]);
  useEffect(() => {
    let last = flow.getState();
    const stop = flow.subscribe((s) => {
      if (s.transform !== last.transform || s.width !== last.width || s.height !== last.height) requestPaint();
      last = s;
    });
    return () => {
      stop();
      cancelAnimationFrame(frame.current);
      frame.current = 0;
    };
  }, [flow, requestPaint]);

  const pointer = usePicturePointer({ scene, store, flow, onMenu, onHover: setHovered, canvas });
  const components = scene.boxes.filter((b) => b.kind === 'component').length;
  return (
    <div className="picture-layer">
      <canvas
        ref={canvas}
        className="picture-canvas"
        role="img"
        aria-label={`The whole diagram drawn as a picture: ${components.toLocaleString('en-US')} components. Zoom in to edit them.`}
        data-testid="diagram-picture"
      />
      {pointer.box && <div className="picture-select-box" style={pointer.box} />}
      {pointer.tip && (
        <div className="picture-tip" role="tooltip" style={{ left: pointer.tip.x + 12, top: pointer.tip.y + 14 }}>
          {pointer.tip.text}
        </div>
      )}
    </div>
  );
}
