/**
 * The capacity model's input read from the document's records and the session: figures from
 * the nodes and edges, the peak load from the meta (scaled by the session's multiplier), the
 * components marked down and the request paths. Pure; capacityView.ts memoises it.
 */
import type { AnalysisInput, EdgeFigures, NodeFigures } from '../model/analysis/figures';
import { peakLoadOf, type PeakLoad, type ScaleFigures } from '../model/analysis/peakLoad';
import { roleOf } from '../model/catalog';
import type { DiagramEdge, DiagramNode } from '../model/diagram';
import { diagramFromRecords, type DiagramRecords, type DocumentMeta, type RecordTable } from '../model/recordsDiff';

/**
 * The design fields of issue 12/13 as the store reads them (DOCUMENT_SPEC.md). Written as an
 * intersection so this file compiles both before and after the records carry them.
 */
export interface ComponentFigures {
  rps?: number;
  instances?: number;
  capacityRps?: number;
  serviceTimeMs?: number;
  availability?: number;
  hitRatio?: number;
}
export type FiguredNode = DiagramNode & { figures?: ComponentFigures };
export type FiguredEdge = DiagramEdge & { mode?: 'sync' | 'async'; share?: number; latencyMs?: number };
export interface LoadSettings {
  peakRps?: number;
  targetUtilization?: number;
}
export type DesignMeta = DocumentMeta & {
  load?: LoadSettings;
  scale?: ScaleFigures & { p99LatencyMs?: number; availabilityTarget?: number };
};
interface PathRecord {
  id: string;
  name?: string;
  steps: readonly string[];
}
type DesignRecords = DiagramRecords & { paths?: RecordTable<PathRecord> };

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
  const meta = doc.meta as DesignMeta;
  const peak = peakLoadOf(meta);
  const m = session.loadMultiplier;
  const nodes: Record<string, Partial<NodeFigures>> = {};
  const clientRps: Record<string, number> = {};
  for (const id of doc.nodes.order) {
    const node = doc.nodes.byId.get(id) as FiguredNode;
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
    const edge = doc.edges.byId.get(id) as FiguredEdge;
    if (edge.mode === undefined && edge.share === undefined && edge.latencyMs === undefined) continue;
    const figures: EdgeFigures = {};
    if (edge.mode !== undefined) figures.mode = edge.mode;
    if (edge.share !== undefined) figures.share = edge.share;
    if (edge.latencyMs !== undefined) figures.latencyMs = edge.latencyMs;
    edges[id] = figures;
  }
  const pathTable = (doc as DesignRecords).paths;
  const paths = pathTable ? pathTable.order.map((id) => pathTable.byId.get(id)!) : [];
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
  return a === b || (a.kind === b.kind && a.role === b.role && a.label === b.label && (a as FiguredNode).figures === (b as FiguredNode).figures);
}

export function sameEdgeForAnalysis(a: DiagramEdge, b: DiagramEdge): boolean {
  if (a === b) return true;
  const x = a as FiguredEdge;
  const y = b as FiguredEdge;
  return (
    x.source === y.source &&
    x.target === y.target &&
    x.bidirectional === y.bidirectional &&
    x.mode === y.mode &&
    x.share === y.share &&
    x.latencyMs === y.latencyMs
  );
}
