/**
 * The capacity overlay's moving dots: requests travelling along each edge that carries load,
 * denser and faster on busier edges (five steps by order of magnitude, so a multiplier move
 * rarely changes the animation), still under reduced motion and in exports.
 *
 * Drawn as HTML in one layer under the edges (TrafficLayerTarget, inside React Flow's viewport so it
 * pans and zooms with the diagram): each straight run of the edge (trafficRuns.ts) is a clipped
 * strip of dots that an animation slides by one dot spacing with `transform`, which Chromium
 * runs on the compositor. The earlier SVG dash-offset animation made the main thread repaint every
 * edge on every frame while the analysis was shown (styles/11-capacity.css; BENCHMARKS.md).
 */
import { useStore } from '@xyflow/react';
import { createContext, memo, useContext, useEffect, useMemo, useState, type CSSProperties } from 'react';
import { createPortal } from 'react-dom';
import { TRAFFIC_LEVELS as LEVELS, trafficRuns } from '../paint/trafficRuns';
import { trackStrip } from './trafficMotion';


const prefersReducedMotion = () => typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Slides one strip by a dot spacing, forever, with the Web Animations API rather than a CSS
 * animation: a CSS animation fires an `animationiteration` event at every repeat, which bubbles
 * to React's root listener — hundreds a second over a big diagram's edges, each one a walk of
 * the React tree, and that (not the drawing) held the main thread. All strips share the
 * timeline's zero, so the dots stay in step round corners. Still under reduced motion, and
 * while too many are mounted (trafficMotion.ts).
 */
function slide(spacing: number, ms: number, against: boolean) {
  return (strip: HTMLElement | null) => {
    if (!strip || typeof strip.animate !== 'function' || prefersReducedMotion()) return;
    const animation = strip.animate([{ transform: 'translateX(0)' }, { transform: `translateX(${spacing}px)` }], {
      duration: ms,
      iterations: Infinity,
      direction: against ? 'reverse' : 'normal',
    });
    animation.startTime = 0;
    return trackStrip(animation);
  };
}

const LayerContext = createContext<HTMLElement | null>(null);

/**
 * The layer the edges' dots are drawn into. The canvas keeps the element (TrafficLayerTarget
 * reports it) and provides it around React Flow, so the edges React Flow renders can reach it.
 */
export const TrafficLayerProvider = LayerContext.Provider;

/**
 * Inside React Flow: the layer itself, in the viewport. React Flow's `ViewportPortal` looks its
 * target up with `querySelector` on every change of its store (each pan step, each node
 * measured); the target is found here once, when the canvas's element is known.
 */
export function TrafficLayerTarget({ onLayer }: { onLayer: (layer: HTMLElement | null) => void }) {
  const domNode = useStore((s) => s.domNode);
  const [portal, setPortal] = useState<Element | null>(null);
  // After the commit, when the viewport inside the canvas's element is in the document.
  useEffect(() => setPortal(domNode?.querySelector('.react-flow__viewport-portal') ?? null), [domNode]);
  if (!portal) return null;
  return createPortal(<div className="traffic-layer" ref={onLayer} aria-hidden="true" />, portal);
}

function TrafficDotsView({ path, level, against }: { path: string; level: number; against: boolean }) {
  const layer = useContext(LayerContext);
  const runs = useMemo(() => trafficRuns(path), [path]);
  const { spacing, ms } = LEVELS[Math.min(LEVELS.length, Math.max(1, level)) - 1]!;
  const ref = useMemo(() => slide(spacing, ms, against), [spacing, ms, against]);
  if (!layer || runs.length === 0) return null;
  return createPortal(
    <div className="traffic" style={{ '--spacing': `${spacing}px` } as CSSProperties}>
      {runs.map((run, i) => (
        <span key={i} className="traffic-run" style={{ left: run.x, top: run.y, width: run.length, transform: `rotate(${run.angle}deg)` }}>
          {/* The strip's dots sit where the previous run's left off. */}
          <i ref={ref} style={{ backgroundPositionX: -(run.offset % spacing) }} />
        </span>
      ))}
    </div>,
    layer,
  );
}

export const TrafficDots = memo(TrafficDotsView);
