/**
 * On a big diagram, the connections handed to React Flow: those with an end in (or just around)
 * the view, once the view has settled.
 *
 * Why: React Flow culls an edge only when the box spanned by its two nodes misses the view, and
 * in a real architecture many connections run across the whole diagram (clients to gateways,
 * services to shared queues). With 400 nodes in view it still mounted 2,100 of 7,500 edges at
 * 5,000 nodes and most of 30,000 at 20,000, with their labels: that, not the nodes, was the
 * freeze left after bounding the zoom (docs/ARCHITECTURE.md). Here the nodes come first, and the
 * connections of what is in view follow once the view rests; a connection whose two ends are both
 * out of view is not drawn until one of them comes in. They follow a slice per frame, as many as
 * frames stay quick: mounting the 870 connections near a 20,000-node diagram's first view was one
 * task of 1–2 s.
 */
import { useReactFlow, useStoreApi, type Edge } from '@xyflow/react';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useEditor } from '../bindings/editorContext';
import { nextBudget } from '../store/layoutSlices';

/** How long the view must rest before the shown connections follow it. */
const SETTLE_MS = 120;
/**
 * Connections newly mounted per frame: from FIRST_SLICE, halved after a slow frame and grown
 * after a quick one up to MAX_SLICE (each mount measures its label). A fixed 150 made frames of
 * over a second on a slowed CPU.
 */
const FIRST_SLICE = 30;
const MAX_SLICE = 150;
/** The area around the view whose nodes' connections are shown too, as a share of the view. */
const MARGIN = 0.25;
const DEFAULT_W = 180;
const DEFAULT_H = 64;

interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function useEdgesNearView<E extends Edge>(edges: E[], active: boolean): E[] {
  const rf = useReactFlow();
  const flowStore = useStoreApi();
  const [view, setView] = useState<Rect | null>(null);

  // Follows the view through the store's own subscription rather than a selector: a selector on
  // the transform re-rendered the whole canvas on every pan and zoom step, for a timer.
  useEffect(() => {
    if (!active) return;
    let handle: ReturnType<typeof setTimeout> | undefined;
    const rest = () => {
      clearTimeout(handle);
      handle = setTimeout(() => {
        const { transform, width, height } = flowStore.getState();
        const [tx, ty, zoom] = transform;
        const w = width / zoom;
        const h = height / zoom;
        const x = -tx / zoom;
        const y = -ty / zoom;
        setView({ x0: x - w * MARGIN, y0: y - h * MARGIN, x1: x + w * (1 + MARGIN), y1: y + h * (1 + MARGIN) });
      }, SETTLE_MS);
    };
    rest();
    const unsubscribe = flowStore.subscribe((s, prev) => {
      if (s.transform !== prev.transform || s.width !== prev.width || s.height !== prev.height) rest();
    });
    return () => {
      clearTimeout(handle);
      unsubscribe();
    };
  }, [active, flowStore]);

  const near = useMemo(() => {
    if (!active) return edges;
    // Before the view first settles (just opened), the nodes alone: their connections follow.
    if (!view) return [];
    const near = new Map<string, boolean>();
    const isNear = (id: string): boolean => {
      const known = near.get(id);
      if (known !== undefined) return known;
      const node = rf.getInternalNode(id);
      let result = false;
      if (node) {
        const { x, y } = node.internals.positionAbsolute;
        const w = node.measured.width ?? DEFAULT_W;
        const h = node.measured.height ?? DEFAULT_H;
        result = x + w >= view.x0 && x <= view.x1 && y + h >= view.y0 && y <= view.y1;
      }
      near.set(id, result);
      return result;
    };
    return edges.filter((e) => e.selected || isNear(e.source) || isNear(e.target));
  }, [active, edges, view, rf]);

  // The ids mounted so far; each frame adds up to SLICE of those near the view that are not.
  const [mounted, setMounted] = useState<ReadonlySet<string>>(() => new Set());
  const pending = active && near.some((e) => !mounted.has(e.id));
  const pace = useRef({ slice: FIRST_SLICE, lastFrame: 0 });
  useEffect(() => {
    if (!pending) {
      pace.current = { slice: FIRST_SLICE, lastFrame: 0 };
      return;
    }
    const handle = requestAnimationFrame((time) => {
      const p = pace.current;
      // Never below the first slice: each frame that mounts any costs a fixed part (React Flow's
      // store update runs a selector per mounted node and connection), so on a slow page a
      // slice of one stretched the same work over hundreds of long frames.
      if (p.lastFrame > 0) p.slice = Math.max(FIRST_SLICE, nextBudget(p.slice, time - p.lastFrame, MAX_SLICE, 10));
      p.lastFrame = time;
      const next = new Set<string>();
      let added = 0;
      for (const e of near) {
        if (mounted.has(e.id)) next.add(e.id);
        else if (added < p.slice) {
          next.add(e.id);
          added++;
        }
      }
      setMounted(next);
    });
    return () => cancelAnimationFrame(handle);
  }, [pending, near, mounted]);

  return useMemo(() => (active ? near.filter((e) => e.selected || mounted.has(e.id)) : edges), [active, near, mounted, edges]);
}

/**
 * The connections whose two ends are shown: while an auto layout is revealed, a connection
 * appears with the later of its ends (React Flow would draw it between hidden nodes).
 */
export function useEdgesOfShownNodes<E extends Edge>(edges: E[]): E[] {
  const hidden = useEditor((s) => s.layoutHidden);
  return useMemo(() => (hidden.size === 0 ? edges : edges.filter((e) => !hidden.has(e.source) && !hidden.has(e.target))), [edges, hidden]);
}
