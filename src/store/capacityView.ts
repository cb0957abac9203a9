/**
 * The capacity analysis as the views read it, derived in the store after every change while
 * the analysis is shown (as flowView.ts derives React Flow's nodes), and memoised on what the
 * model reads: the nodes' kinds, roles, labels and figures, the edges' ends and figures, the
 * meta, the request paths, the multiplier and the components marked down. A drag moves
 * positions only, so it reuses the last result; a multiplier step costs one `analyzeCapacity`
 * (about 1 ms at 500 components, 22 ms at 10,000; BENCHMARKS.md).
 *
 * While the multiplier moves, the numbers drawn on the canvas (each component's ρ, each edge's
 * rate pill and traffic level) keep the values they had when it started, and the canvas hides
 * them (`data-load-moving`, LoadMovingMark.tsx): only a component whose status changes re-renders, so a step costs a
 * few class changes instead of ~1,000 text updates and their style, layout and paint. They are
 * brought up to date when it rests. The panel and the Inspector read the live `analysis`.
 */
import { analyzeCapacity } from '../model/analysis/analyzeCapacity';
import type { CapacityAnalysis, NodeAnalysis } from '../model/analysis/analyzeCapacity';
import { formatRate, formatUtilization } from '../model/analysis/describeCapacity';
import type { PeakLoad } from '../model/analysis/peakLoad';
import type { DiagramRecords, RecordTable } from '../model/recordsDiff';
import { downGroupsOf } from '../model/analysis/analysisInput';
import { capacityInput, sameEdgeForAnalysis, sameForAnalysis, type CapacitySession } from './capacityInput';

export interface CapacityView {
  analysis: CapacityAnalysis;
  peak: PeakLoad;
  multiplier: number;
  /** Servers and datastores by id. */
  nodeById: ReadonlyMap<string, NodeAnalysis>;
  /** Requests per second per edge id (edges outside the request flow are absent). */
  edgeLoad: ReadonlyMap<string, number>;
  /**
   * What the overlay writes on each component, formatted once per analysis so the canvas's
   * per-node selectors are a lookup: `status|ρ|spof` (see selectNodeOverlay).
   */
  nodeOverlay: ReadonlyMap<string, string>;
  /** "1,200/s" per edge that carries load. */
  edgeRate: ReadonlyMap<string, string>;
  /** 0 for none, else 1–5 by order of magnitude of the edge's requests per second (traffic dots). */
  edgeTraffic: ReadonlyMap<string, number>;
  /** ρ as the overlay writes it, per component. */
  rhoText: ReadonlyMap<string, string>;
  /** What the user marked down (components and groups), as opposed to `down`, what that takes out. */
  marked: ReadonlySet<string>;
  /** Groups marked down, or inside one: drawn greyed with their members. */
  downGroups: ReadonlySet<string>;
  spof: ReadonlySet<string>;
  cutOff: ReadonlySet<string>;
  down: ReadonlySet<string>;
  p99LatencyMs?: number;
  availabilityTarget?: number;
  pathNames: ReadonlyMap<string, string>;
}

export interface CapacityInputs extends CapacitySession {
  shown: boolean;
  doc: DiagramRecords;
  /** The multiplier is being moved: the canvas's numbers stay as they were (see above). */
  moving: boolean;
}

function sameTable<R extends { id: string }>(a: RecordTable<R>, b: RecordTable<R>, same: (x: R, y: R) => boolean): boolean {
  if (a === b) return true;
  if (a.order.length !== b.order.length) return false;
  for (let i = 0; i < a.order.length; i++) {
    const id = a.order[i]!;
    if (id !== b.order[i]) return false;
    const x = a.byId.get(id)!;
    const y = b.byId.get(id);
    if (y === undefined || !same(x, y)) return false;
  }
  return true;
}

/** Everything the analysis reads is the same (`moving` decides only which canvas numbers are shown). */
function sameInputs(a: CapacityInputs, b: CapacityInputs): boolean {
  return (
    a.shown === b.shown &&
    a.loadMultiplier === b.loadMultiplier &&
    a.down === b.down &&
    a.doc.meta === b.doc.meta &&
    a.doc.paths === b.doc.paths &&
    sameTable(a.doc.nodes, b.doc.nodes, sameForAnalysis) &&
    sameTable(a.doc.edges, b.doc.edges, sameEdgeForAnalysis)
  );
}

/** How busy an edge looks: 0 for none, else 1–5 by order of magnitude, so a multiplier step rarely changes it. */
const trafficLevel = (load: number) => (load > 0 ? Math.min(5, Math.max(1, Math.ceil(Math.log10(load + 1)))) : 0);

/** The canvas's numbers: fresh, or while the multiplier moves, the ones it started with. */
function canvasText(analysis: CapacityAnalysis, frozen: CapacityView | null) {
  if (frozen) return { rhoText: frozen.rhoText, edgeRate: frozen.edgeRate, edgeTraffic: frozen.edgeTraffic };
  const rhoText = new Map<string, string>();
  const edgeRate = new Map<string, string>();
  const edgeTraffic = new Map<string, number>();
  for (const node of analysis.nodes) if (node.status !== 'down') rhoText.set(node.id, formatUtilization(node.utilization));
  for (const edge of analysis.edges) {
    if (edge.load > 0) edgeRate.set(edge.id, `${formatRate(edge.load)}/s`);
    edgeTraffic.set(edge.id, trafficLevel(edge.load));
  }
  return { rhoText, edgeRate, edgeTraffic };
}

/** What each component's badge says: `status|ρ text|spof` (selectNodeOverlay). */
function overlayOf(analysis: CapacityAnalysis, rhoText: ReadonlyMap<string, string>, spof: ReadonlySet<string>): Map<string, string> {
  const nodeOverlay = new Map<string, string>();
  for (const node of analysis.nodes) {
    nodeOverlay.set(node.id, `${node.status}|${node.status === 'down' ? '' : (rhoText.get(node.id) ?? '')}|${spof.has(node.id) ? 'spof' : ''}`);
  }
  for (const id of analysis.cutOff) nodeOverlay.set(id, 'cutoff||');
  for (const id of analysis.down) if (!nodeOverlay.has(id)) nodeOverlay.set(id, 'down||');
  return nodeOverlay;
}

/** The same analysis with the canvas's numbers brought up to date (the multiplier came to rest). */
function withFreshNumbers(view: CapacityView): CapacityView {
  const text = canvasText(view.analysis, null);
  return { ...view, ...text, nodeOverlay: overlayOf(view.analysis, text.rhoText, view.spof) };
}

export function computeCapacityView(inputs: CapacityInputs, previous: CapacityView | null = null): CapacityView {
  const built = capacityInput(inputs.doc, inputs);
  const analysis = analyzeCapacity(built.input);
  const design = built.input.diagram;
  const edgeLoad = new Map<string, number>();
  for (const edge of analysis.edges) edgeLoad.set(edge.id, edge.load);
  const { rhoText, edgeRate, edgeTraffic } = canvasText(analysis, inputs.moving ? previous : null);
  const spof = new Set(analysis.spof);
  const nodeOverlay = overlayOf(analysis, rhoText, spof);
  const view: CapacityView = {
    analysis,
    peak: built.peak,
    multiplier: inputs.loadMultiplier,
    nodeById: new Map(analysis.nodes.map((node) => [node.id, node])),
    edgeLoad,
    nodeOverlay,
    edgeRate,
    edgeTraffic,
    rhoText,
    marked: inputs.down,
    downGroups: downGroupsOf(design, inputs.down),
    spof,
    cutOff: new Set(analysis.cutOff),
    down: new Set(analysis.down),
    pathNames: built.pathNames,
  };
  if (built.p99LatencyMs !== undefined) view.p99LatencyMs = built.p99LatencyMs;
  if (built.availabilityTarget !== undefined) view.availabilityTarget = built.availabilityTarget;
  return view;
}

/** Per store: keeps the last inputs and result, and recomputes only when an input that matters changed. */
export function createCapacityDeriver() {
  let last: { inputs: CapacityInputs; view: CapacityView } | null = null;
  return {
    derive(inputs: CapacityInputs): CapacityView | null {
      if (!inputs.shown) {
        last = null;
        return null;
      }
      if (last && sameInputs(last.inputs, inputs)) {
        // Starting to move changes nothing drawn (the numbers shown are the ones to hold), and
        // coming to rest needs fresh numbers, not a new analysis: the first step's frame is the
        // tightest of a drag.
        const rested = last.inputs.moving && !inputs.moving;
        // Keep the newest records for the next comparison's fast path (same objects).
        last.inputs = inputs;
        if (rested) last.view = withFreshNumbers(last.view);
        return last.view;
      }
      const view = computeCapacityView(inputs, last?.view ?? null);
      last = { inputs, view };
      return view;
    },
  };
}
