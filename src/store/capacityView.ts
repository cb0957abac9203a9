/**
 * The capacity analysis as the views read it, derived in the store after every change while
 * the analysis is shown (as flowView.ts derives React Flow's nodes), and memoised on what the
 * model reads: the nodes' kinds, roles, labels and figures, the edges' ends and figures, the
 * meta, the request paths, the multiplier and the components marked down. A drag moves
 * positions only, so it reuses the last result; a multiplier step costs one `analyzeCapacity`
 * (about 1 ms at 500 components, 22 ms at 10,000; BENCHMARKS.md).
 */
import { analyzeCapacity } from '../model/analysis/analyzeCapacity';
import type { CapacityAnalysis, NodeAnalysis } from '../model/analysis/analyzeCapacity';
import { formatRate, formatUtilization } from '../model/analysis/describeCapacity';
import type { PeakLoad } from '../model/analysis/peakLoad';
import type { DiagramRecords, RecordTable } from '../model/recordsDiff';
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

export function computeCapacityView(inputs: CapacityInputs): CapacityView {
  const built = capacityInput(inputs.doc, inputs);
  const analysis = analyzeCapacity(built.input);
  const edgeLoad = new Map<string, number>();
  const edgeRate = new Map<string, string>();
  for (const edge of analysis.edges) {
    edgeLoad.set(edge.id, edge.load);
    if (edge.load > 0) edgeRate.set(edge.id, `${formatRate(edge.load)}/s`);
  }
  const spof = new Set(analysis.spof);
  const nodeOverlay = new Map<string, string>();
  for (const node of analysis.nodes) {
    nodeOverlay.set(node.id, `${node.status}|${node.status === 'down' ? '' : formatUtilization(node.utilization)}|${spof.has(node.id) ? 'spof' : ''}`);
  }
  for (const id of analysis.cutOff) nodeOverlay.set(id, 'cutoff||');
  for (const id of analysis.down) if (!nodeOverlay.has(id)) nodeOverlay.set(id, 'down||');
  const view: CapacityView = {
    analysis,
    peak: built.peak,
    multiplier: inputs.loadMultiplier,
    nodeById: new Map(analysis.nodes.map((node) => [node.id, node])),
    edgeLoad,
    nodeOverlay,
    edgeRate,
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
        // Keep the newest records for the next comparison's fast path (same objects).
        last.inputs = inputs;
        return last.view;
      }
      const view = computeCapacityView(inputs);
      last = { inputs, view };
      return view;
    },
  };
}
