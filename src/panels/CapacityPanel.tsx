/**
 * The "Capacity" region: the peak load and a multiplier (×0.1 … ×100, log scale) that updates
 * everything as it moves, then — while the analysis is shown — bottlenecks first with what to
 * change, single points of failure, the what-if of components marked down, and request paths
 * against the design's p99 and availability targets. Wording is the model's
 * (describeCapacity.ts), so the app and `archflow analyze` say the same thing.
 */
import { memo, useDeferredValue, useEffect, useId, useRef, useState } from 'react';
import { useEditor, useEditorStore } from '../bindings/editorContext';
import type { CapacityAnalysis } from '../model/analysis/analyzeCapacity';
import { bottlenecksOf, describeBottleneck, formatLatency, formatPercent, formatRate } from '../model/analysis/describeCapacity';
import { DEFAULT_TARGET_UTILIZATION } from '../model/analysis/figures';
import type { PathResult } from '../model/analysis/requestPath';
import { findKind } from '../model/catalog';
import { MAX_MULTIPLIER, MIN_MULTIPLIER } from '../store/capacitySlice';
import type { CapacityView } from '../store/capacityView';
import { FigureField } from './FigureField';
import { useOncePerFrame } from './useOncePerFrame';
import { useThrottledValue } from './useThrottledValue';

/** One formatter per number of fraction digits: `toLocaleString` with options builds a new one per call, ~0.1 ms each. */
const MULTIPLIER_FORMATS = [0, 1, 2].map((digits) => new Intl.NumberFormat('en-US', { maximumFractionDigits: digits }));

function formatMultiplier(m: number): string {
  return `×${MULTIPLIER_FORMATS[m < 1 ? 2 : m < 10 ? 1 : 0]!.format(m)}`;
}

/** Slider position (log10) → multiplier, snapped to round values near 1, 10, 100 so they are easy to hit. */
function multiplierAt(position: number): number {
  const m = 10 ** position;
  const digits = m < 1 ? 2 : m < 10 ? 1 : 0;
  return Number(m.toFixed(digits));
}

/** How long the multiplier must rest, the thumb let go, before the canvas's numbers come back. */
const MOVING_REST_MS = 400;
/** While it moves, the panel's lists update this often (the canvas's colours follow every frame). */
const PANEL_MOVING_MS = 250;

/**
 * The multiplier's slider and its value: the only part of the panel that renders on every move
 * (the figure fields beside it do not). It stays "moving" while the thumb is held, even still,
 * and for MOVING_REST_MS after the last change once let go: the canvas's numbers come back once,
 * when the user lets go, not at every pause of a slow drag (each return redraws every rate pill
 * and ρ, a long frame; BENCHMARKS.md, issue 13).
 */
function MultiplierSlider() {
  const store = useEditorStore();
  const multiplier = useEditor((s) => s.loadMultiplier);
  const moving = useEditor((s) => s.multiplierMoving);
  const sliderId = useId();
  // Where the thumb is while it moves: it follows every input event, the analysis once a frame.
  const [thumb, setThumb] = useState<number | null>(null);
  const [held, setHeld] = useState(false);
  const applyMultiplier = useOncePerFrame((value: number) => store.getState().setLoadMultiplier(multiplierAt(value)));
  const latest = useRef(0);
  const starting = useRef(false);
  // Listened for from the press itself (not an effect after it), so a quick click's release is never missed.
  const hold = () => {
    setHeld(true);
    const letGo = () => {
      setHeld(false);
      window.removeEventListener('pointerup', letGo);
      window.removeEventListener('pointercancel', letGo);
    };
    window.addEventListener('pointerup', letGo);
    window.addEventListener('pointercancel', letGo);
  };
  useEffect(() => {
    if (!moving || held) return;
    const rest = setTimeout(() => {
      setThumb(null);
      store.getState().setMultiplierMoving(false);
    }, MOVING_REST_MS);
    return () => clearTimeout(rest);
  }, [moving, held, multiplier, thumb, store]);
  return (
    <div className="field">
      <label htmlFor={sliderId}>
        Load multiplier <output className="capacity-multiplier">{formatMultiplier(multiplier)}</output>
      </label>
      <input
        id={sliderId}
        type="range"
        min={Math.log10(MIN_MULTIPLIER)}
        max={Math.log10(MAX_MULTIPLIER)}
        step={0.01}
        value={thumb ?? Math.log10(multiplier)}
        aria-valuetext={formatMultiplier(thumb === null ? multiplier : multiplierAt(thumb))}
        onPointerDown={hold}
        onChange={(e) => {
          const value = Number(e.currentTarget.value);
          latest.current = value;
          setThumb(value);
          if (!store.getState().multiplierMoving) {
            // The first step hides the canvas's numbers in one frame and applies the multiplier in
            // the next (this frame's callback asks for the next frame's), so no frame carries both.
            store.getState().setMultiplierMoving(true);
            starting.current = true;
            requestAnimationFrame(() => {
              starting.current = false;
              applyMultiplier(latest.current);
            });
          } else if (!starting.current) applyMultiplier(value);
        }}
        onDoubleClick={() => store.getState().setLoadMultiplier(1)}
      />
      <span className="capacity-scale" aria-hidden="true">
        <span>×0.1</span>
        <span>×1</span>
        <span>×10</span>
        <span>×100</span>
      </span>
    </div>
  );
}

/** Memoised: the panel re-renders as the analysis moves; the figure fields need not. */
const LoadControls = memo(function LoadControls() {
  const store = useEditorStore();
  const load = useEditor((s) => s.meta.load);
  const scale = useEditor((s) => s.meta.scale);
  // The number, not the analysis's object: a new one comes with every multiplier step.
  const peakRps = useEditor((s) => s.capacity?.peak.rps);
  const fromScale =
    scale?.dailyActiveUsers !== undefined && scale.requestsPerUserPerDay !== undefined
      ? 'the requirements\u2019 scale figures (daily users × requests per user / 86,400 s × peak factor, 1 when not given)'
      : null;
  const state = store.getState();
  return (
    <div className="capacity-load">
      <FigureField
        label="Peak load"
        unit="req/s"
        value={load?.peakRps}
        typical={load?.peakRps === undefined ? peakRps : undefined}
        placeholderText="100 (the default)"
        source={fromScale ? `From ${fromScale}` : 'The default: a small service\u2019s peak. Type your own, or give scale figures.'}
        min={0}
        onChange={(v) => state.setLoadSetting('peakRps', v)}
      />
      <MultiplierSlider />
      <FigureField
        label="Target utilisation"
        unit="%"
        value={load?.targetUtilization === undefined ? undefined : load.targetUtilization * 100}
        typical={DEFAULT_TARGET_UTILIZATION * 100}
        source="Headroom for bursts and for losing an instance."
        min={1}
        max={100}
        onChange={(v) => state.setLoadSetting('targetUtilization', v === undefined ? undefined : v / 100)}
      />
    </div>
  );
});

function NameButton({ id, view, children }: { id: string; view: CapacityView; children?: React.ReactNode }) {
  const store = useEditorStore();
  const label = view.nodeById.get(id)?.label ?? view.analysis.clients.find((c) => c.id === id)?.label ?? id;
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => {
        const s = store.getState();
        s.select([id]);
        s.focusElements([id]);
      }}
    >
      {children ?? (label || id)}
    </button>
  );
}

function nameOf(analysis: CapacityAnalysis, id: string, labels: ReadonlyMap<string, string>): string {
  return labels.get(id) || analysis.nodes.find((n) => n.id === id)?.label || id;
}

function PathRow({ name, path, view }: { name: string; path: PathResult; view: CapacityView }) {
  const overP99 = view.p99LatencyMs !== undefined && (path.latencyMs === null || path.latencyMs > view.p99LatencyMs);
  const underAvail = view.availabilityTarget !== undefined && path.availability < view.availabilityTarget;
  return (
    <tr className={path.broken ? 'is-broken' : undefined}>
      <th scope="row">{name}</th>
      <td className={overP99 ? 'is-over' : undefined}>{path.broken ? 'broken' : formatLatency(path.latencyMs)}</td>
      <td className={underAvail ? 'is-over' : undefined}>{path.broken ? '—' : formatPercent(path.availability, 3)}</td>
    </tr>
  );
}

/**
 * A long list's first rows and a button for the rest. At ×100 a big diagram has hundreds of
 * bottlenecks whose every figure changes with each multiplier step: drawing them all re-laid the
 * panel on every step (BENCHMARKS.md), and nobody reads past the worst few anyway.
 */
const FIRST_ROWS = 8;

function useFirstRows<T>(rows: readonly T[], noun: string): { shown: readonly T[]; more: React.ReactNode } {
  const [all, setAll] = useState(false);
  const hidden = rows.length - FIRST_ROWS;
  if (hidden <= 0) return { shown: rows, more: null };
  return {
    shown: all ? rows : rows.slice(0, FIRST_ROWS),
    more: (
      <button type="button" className="link-button capacity-more" aria-expanded={all} onClick={() => setAll(!all)}>
        {all ? `Show the first ${FIRST_ROWS} ${noun} only` : `Show all ${rows.length} ${noun}`}
      </button>
    ),
  };
}

const Results = memo(function Results({ view }: { view: CapacityView }) {
  const store = useEditorStore();
  const { analysis } = view;
  const labels = useEditor((s) => s.doc.nodes);
  const label = (id: string) => {
    const node = labels.byId.get(id);
    return node ? node.label || findKind(node.kind)?.label || id : id;
  };
  const bottlenecks = bottlenecksOf(analysis);
  const overloaded = bottlenecks.filter((n) => n.status === 'overloaded').length;
  const hot = bottlenecks.length - overloaded;
  const target = analysis.targetUtilization;
  const summary = [
    overloaded > 0 ? `${overloaded} overloaded` : '',
    hot > 0 ? `${hot} hot` : '',
    bottlenecks.length === 0 ? `Every component under ${formatPercent(target)}` : '',
    analysis.cutOff.length > 0 ? `${analysis.cutOff.length} client${analysis.cutOff.length === 1 ? '' : 's'} cut off` : '',
  ]
    .filter(Boolean)
    .join(' · ');
  const brokenPaths = analysis.paths.filter((p) => p.broken);
  const firstBottlenecks = useFirstRows(bottlenecks, 'bottlenecks');
  const firstClients = useFirstRows(analysis.clients, 'client routes');
  return (
    <div className="capacity-results">
      <p className={`capacity-summary${overloaded > 0 || analysis.cutOff.length > 0 ? ' is-bad' : hot > 0 ? ' is-warn' : ' is-good'}`} role="status">
        {formatRate(analysis.totalRps)} requests/s from {analysis.clients.length} client{analysis.clients.length === 1 ? '' : 's'}: {summary}
      </p>
      {view.marked.size > 0 && (
        <section aria-label="Marked down" className="capacity-section">
          <h3>Marked down</h3>
          <ul>
            {[...view.marked].map((id) => (
              <li key={id}>
                <NameButton id={id} view={view}>
                  {label(id)}
                </NameButton>{' '}
                <button type="button" className="secondary small" onClick={() => store.getState().setDown(id, false)}>
                  Bring back up
                </button>
              </li>
            ))}
          </ul>
          <h3>Clients cut off</h3>
          {analysis.cutOff.length === 0 ? (
            <p className="empty-hint">None: every client still has a route to a datastore.</p>
          ) : (
            <ul aria-label="Clients cut off">
              {analysis.cutOff.map((id) => (
                <li key={id} className="is-bad">
                  <NameButton id={id} view={view}>
                    {label(id)}
                  </NameButton>{' '}
                  lost every route
                </li>
              ))}
            </ul>
          )}
          {brokenPaths.length > 0 && (
            <p className="is-bad">Broken request paths: {brokenPaths.map((p) => nameOf(analysis, p.id, view.pathNames)).join(', ')}</p>
          )}
        </section>
      )}
      <section aria-label="Bottlenecks" className="capacity-section">
        <h3>Bottlenecks</h3>
        {bottlenecks.length === 0 ? (
          <p className="empty-hint">None at this load. Move the multiplier to find where it breaks.</p>
        ) : (
          <ul className="capacity-bottlenecks">
            {firstBottlenecks.shown.map((node) => (
              <li key={node.id} className={`cap-${node.status}`}>
                <span className="cap-tag">{node.status === 'overloaded' ? 'Overloaded' : 'Hot'}</span>
                <NameButton id={node.id} view={view}>
                  {describeBottleneck(node, target)}
                </NameButton>
              </li>
            ))}
          </ul>
        )}
        {firstBottlenecks.more}
      </section>
      <section aria-label="Single points of failure" className="capacity-section">
        <h3>Single points of failure</h3>
        {analysis.spof.length === 0 ? (
          <p className="empty-hint">None: no single instance sits on every route of a client.</p>
        ) : (
          <ul>
            {analysis.spof.map((id) => (
              <li key={id}>
                <span className="cap-tag spof">SPOF</span>
                <NameButton id={id} view={view}>
                  {label(id)}
                </NameButton>
                : one instance on every route of some client
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-label="Latency and availability" className="capacity-section">
        <h3>Latency and availability</h3>
        <p className="capacity-targets">
          {view.p99LatencyMs !== undefined ? `p99 target ${formatLatency(view.p99LatencyMs)}` : 'No p99 target (set it in the scale requirements)'}
          {' · '}
          {view.availabilityTarget !== undefined ? `availability target ${formatPercent(view.availabilityTarget, 3)}` : 'no availability target'}
        </p>
        <table className="capacity-paths">
          <thead>
            <tr>
              <th scope="col">Route</th>
              <th scope="col">Latency</th>
              <th scope="col">Availability</th>
            </tr>
          </thead>
          <tbody>
            {analysis.paths.map((path) => (
              <PathRow key={path.id} name={nameOf(analysis, path.id, view.pathNames)} path={path} view={view} />
            ))}
            {firstClients.shown.map((client) => (
              <PathRow key={`client:${client.id}`} name={`${client.label || client.id} (busiest route)`} path={client.path} view={view} />
            ))}
          </tbody>
        </table>
        {firstClients.more}
        <p className="empty-hint">Mean latency through M/M/c queues, synchronous part only; docs/capacity-model.md gives every formula.</p>
      </section>
    </div>
  );
});

function CapacityPanelView() {
  const store = useEditorStore();
  const shown = useEditor((s) => s.capacityShown);
  const current = useEditor((s) => s.capacity);
  const moving = useEditor((s) => s.multiplierMoving);
  // The lists follow the multiplier a few times a second while it moves, in a render React may
  // interrupt, so dragging the slider is never held up by them (the canvas follows every frame).
  const view = useDeferredValue(useThrottledValue(current, PANEL_MOVING_MS, moving && current !== null));
  return (
    <section className="panel capacity" aria-labelledby="capacity-heading">
      <div className="panel-heading-row">
        <h2 id="capacity-heading" className="panel-heading">
          Capacity
        </h2>
        <label className="switch">
          <input type="checkbox" checked={shown} onChange={(e) => store.getState().showCapacity(e.currentTarget.checked)} />
          Show analysis
        </label>
      </div>
      <LoadControls />
      {view ? (
        <Results view={view} />
      ) : (
        <p className="empty-hint">Show the analysis to see loads, bottlenecks and single points of failure on the canvas.</p>
      )}
    </section>
  );
}

export const CapacityPanel = memo(CapacityPanelView);
