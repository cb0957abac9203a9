/**
 * The minimap of a big diagram, drawn into one <canvas> instead of one SVG element (and one React
 * component with its own store subscription) per node as React Flow's MiniMap does. On a
 * 5,000-node diagram that MiniMap was about 40 % of the opening freeze (docs/ARCHITECTURE.md); here
 * the nodes are painted once per change of the diagram, and a pan only repaints the view box.
 * Clicking or dragging in it moves the view there, as with React Flow's.
 */
import { Panel, useReactFlow, useStore as useFlowStore } from '@xyflow/react';
import { useDeferredValue, useEffect, useMemo, useRef, type PointerEvent } from 'react';
import { useEditor } from '../bindings/editorContext';
import { roleOf } from '../model/catalog';
import type { EditorState } from '../store/editorState';
import type { ComponentData } from '../store/flowView';

const WIDTH = 168;
const HEIGHT = 112;
const DEFAULT_W = 180;
const DEFAULT_H = 64;
const ROLE_VARS: Record<string, string> = {
  client: '--af-client',
  server: '--af-server',
  datastore: '--af-datastore',
  support: '--af-support',
};

const NO_NODES: EditorState['nodes'] = [];

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
  role: string;
}

export function OverviewMap() {
  // Deferred: the boxes of a big diagram (about 0.2 s at 20,000 nodes on a loaded machine) are
  // worked out in a render of their own, after the canvas has drawn what is in view, not in the
  // same task as opening the diagram (issue 17).
  // It mounts as a big diagram opens, when a deferred value is the value itself unless it starts
  // from another: it starts empty.
  const nodes = useDeferredValue(useEditor((s) => s.nodes), NO_NODES);
  const theme = useEditor((s) => s.theme);
  const transform = useFlowStore((s) => s.transform);
  const viewW = useFlowStore((s) => s.width);
  const viewH = useFlowStore((s) => s.height);
  const rf = useReactFlow();
  const layer = useRef<HTMLCanvasElement | null>(null);
  const view = useRef<HTMLCanvasElement | null>(null);

  // Absolute boxes (children are placed relative to their group) and the box around them all.
  const { boxes, bounds } = useMemo(() => {
    const byId = new Map(nodes.map((n) => [n.id, n]));
    const absolute = new Map<string, { x: number; y: number }>();
    const at = (id: string, depth = 0): { x: number; y: number } => {
      const known = absolute.get(id);
      if (known) return known;
      const n = byId.get(id);
      if (!n) return { x: 0, y: 0 };
      const parent = n.parentId && depth < 64 ? at(n.parentId, depth + 1) : { x: 0, y: 0 };
      const p = { x: parent.x + n.position.x, y: parent.y + n.position.y };
      absolute.set(id, p);
      return p;
    };
    const out: Box[] = [];
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const n of nodes) {
      const p = at(n.id);
      const w = n.measured?.width ?? n.width ?? DEFAULT_W;
      const h = n.measured?.height ?? n.height ?? DEFAULT_H;
      out.push({ x: p.x, y: p.y, w, h, role: n.type === 'group' ? 'group' : roleOf(n.data as ComponentData) });
      minX = Math.min(minX, p.x);
      minY = Math.min(minY, p.y);
      maxX = Math.max(maxX, p.x + w);
      maxY = Math.max(maxY, p.y + h);
    }
    if (out.length === 0) return { boxes: out, bounds: { x: 0, y: 0, w: 1, h: 1 } };
    return { boxes: out, bounds: { x: minX, y: minY, w: Math.max(1, maxX - minX), h: Math.max(1, maxY - minY) } };
  }, [nodes]);

  const scale = Math.min(WIDTH / bounds.w, HEIGHT / bounds.h) * 0.92;
  const offset = { x: (WIDTH - bounds.w * scale) / 2 - bounds.x * scale, y: (HEIGHT - bounds.h * scale) / 2 - bounds.y * scale };

  useEffect(() => {
    // Painted after the next frame: by then the page's styles are up to date, so reading the
    // role colours does not force a style pass over every node just mounted, and painting 20,000
    // boxes is a task of its own rather than part of the one that mounted them.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        const ctx = layer.current?.getContext('2d');
        if (!ctx || !layer.current) return;
        const style = getComputedStyle(layer.current);
        const colors = new Map(Object.entries(ROLE_VARS).map(([role, v]) => [role, style.getPropertyValue(v).trim() || '#888']));
        ctx.clearRect(0, 0, WIDTH, HEIGHT);
        for (const b of boxes) {
          if (b.role === 'group') continue;
          ctx.fillStyle = colors.get(b.role) ?? '#888';
          ctx.fillRect(offset.x + b.x * scale, offset.y + b.y * scale, Math.max(1, b.w * scale), Math.max(1, b.h * scale));
        }
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
    // `theme` is read through the CSS variables above.
  }, [boxes, offset.x, offset.y, scale, theme]);

  useEffect(() => {
    const ctx = view.current?.getContext('2d');
    if (!ctx || !view.current) return;
    const [tx, ty, zoom] = transform;
    ctx.clearRect(0, 0, WIDTH, HEIGHT);
    ctx.strokeStyle = getComputedStyle(view.current).getPropertyValue('--af-accent').trim() || '#4f46e5';
    ctx.lineWidth = 1.5;
    ctx.strokeRect(offset.x + (-tx / zoom) * scale, offset.y + (-ty / zoom) * scale, (viewW / zoom) * scale, (viewH / zoom) * scale);
  }, [transform, viewW, viewH, offset.x, offset.y, scale]);

  const moveTo = (event: PointerEvent<HTMLCanvasElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = (event.clientX - rect.left - offset.x) / scale;
    const y = (event.clientY - rect.top - offset.y) / scale;
    void rf.setCenter(x, y, { zoom: rf.getZoom() });
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap overview-map" aria-label="Minimap">
      <canvas ref={layer} width={WIDTH} height={HEIGHT} aria-hidden="true" />
      <canvas
        ref={view}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label="Overview of the whole diagram; click to move the view there"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          moveTo(e);
        }}
        onPointerMove={(e) => {
          if (e.buttons === 1) moveTo(e);
        }}
      />
    </Panel>
  );
}
