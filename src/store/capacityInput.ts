/**
 * The capacity model's input read from the document's records and the session: figures from
 * the nodes and edges, the peak load from the meta (scaled by the session's multiplier), the
 * components marked down and the request paths. Pure; capacityView.ts memoises it.
 */
import type { AnalysisInput, EdgeFigures, NodeFigures } from '../model/analysis/figures';
import { peakLoadOf, type PeakLoad } from '../model/analysis/peakLoad';
import { roleOf } from '../model/catalog';
import type { DiagramEdge, DiagramNode } from '../model/diagram';
import { diagramFromRecords, type DiagramRecords } from '../model/recordsDiff';

export type { ComponentFigures } from '../model/records/node';
export type { LoadSettings } from '../model/records/documentMeta';
export interface CapacitySession {
  loadMultiplier: number;
  down: ReadonlySet<string>;
}

export interface CapacityInput {
  input: AnalysisInput;
  peak: PeakLoad;
  /** The design's targets, when its scale figures give them. */
  p99LatencyMs?: number;
  /** Fraction (0–1). */
  availabilityTarget?: number;
  pathNames: ReadonlyMap<string, string>;
}

const NODE_FIGURE_KEYS = ['instances', 'capacityRps', 'serviceTimeMs', 'availability', 'hitRatio'] as const;

export function capacityInput(doc: DiagramRecords, session: CapacitySession): CapacityInput {
  const meta = doc.meta;
  const peak = peakLoadOf(meta);
  const m = session.loadMultiplier;
  const nodes: Record<string, Partial<NodeFigures>> = {};
  const clientRps: Record<string, number> = {};
  for (const id of doc.nodes.order) {
    const node = doc.nodes.byId.get(id)!;
    const f = node.figures;
    if (f === undefined) continue;
    if (roleOf(node) === 'client') {
      if (typeof f.rps === 'number') clientRps[id] = f.rps * m;
      continue;
    }
    const given: Partial<NodeFigures> = {};
    for (const key of NODE_FIGURE_KEYS) if (typeof f[key] === 'number') given[key] = f[key];
    nodes[id] = given;
  }
  const edges: Record<string, EdgeFigures> = {};
  for (const id of doc.edges.order) {
    const edge = doc.edges.byId.get(id)!;
    if (edge.mode === undefined && edge.share === undefined && edge.latencyMs === undefined) continue;
    const figures: EdgeFigures = {};
    if (edge.mode !== undefined) figures.mode = edge.mode;
    if (edge.share !== undefined) figures.share = edge.share;
    if (edge.latencyMs !== undefined) figures.latencyMs = edge.latencyMs;
    edges[id] = figures;
  }
  const paths = doc.paths.order.map((id) => doc.paths.byId.get(id)!);
  const out: CapacityInput = {
    input: {
      diagram: diagramFromRecords(doc),
      figures: { nodes, edges },
      totalRps: peak.rps * m,
      clientRps,
      down: [...session.down],
      targetUtilization: meta.load?.targetUtilization,
      paths: paths.map((p) => ({ id: p.id, ids: p.steps })),
    },
    peak,
    pathNames: new Map(paths.map((p) => [p.id, p.name || p.id])),
  };
  if (typeof meta.scale?.p99LatencyMs === 'number') out.p99LatencyMs = meta.scale.p99LatencyMs;
  if (typeof meta.scale?.availabilityTarget === 'number') out.availabilityTarget = meta.scale.availabilityTarget / 100;
  return out;
}

/** Whether a node change can change the analysis (a drag moves positions only). */
export function sameForAnalysis(a: DiagramNode, b: DiagramNode): boolean {
  return a === b || (a.kind === b.kind && a.role === b.role && a.label === b.label && a.figures === b.figures);
}

export function sameEdgeForAnalysis(a: DiagramEdge, b: DiagramEdge): boolean {
  if (a === b) return true;
  return (
    a.source === b.source &&
    a.target === b.target &&
    a.bidirectional === b.bidirectional &&
    a.mode === b.mode &&
    a.share === b.share &&
    a.latencyMs === b.latencyMs
  );
}
