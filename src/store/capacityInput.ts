/**
 * The capacity model's input read from the document's records and the session: figures from
 * the nodes and edges, the peak load from the meta (scaled by the session's multiplier), the
 * components marked down and the request paths, through the model's `analysisInputOf`.
 * Pure; capacityView.ts memoises it.
 */
import { analysisInputOf, analysisPeakOf } from '../model/analysis/analysisInput';
import type { AnalysisInput } from '../model/analysis/figures';
import type { PeakLoad } from '../model/analysis/peakLoad';
import type { Diagram, DiagramEdge, DiagramNode } from '../model/diagram';
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

/**
 * What the document alone decides, kept per document: while the multiplier moves the document
 * stays the same object, so each step skips rebuilding the diagram from 500 records (the first
 * step's largest cost after the analysis itself; BENCHMARKS.md, issue 13).
 */
const byDocument = new WeakMap<DiagramRecords, { design: Diagram; peak: PeakLoad; pathNames: ReadonlyMap<string, string> }>();

function documentPart(doc: DiagramRecords) {
  let part = byDocument.get(doc);
  if (!part) {
    const design = diagramFromRecords(doc);
    part = {
      design,
      peak: analysisPeakOf(design),
      pathNames: new Map(doc.paths.order.map((id) => { const p = doc.paths.byId.get(id)!; return [p.id, p.name || p.id]; })),
    };
    byDocument.set(doc, part);
  }
  return part;
}

/** The records as a diagram, read by the model's one `analysisInputOf` (as the CLI and the practice review read theirs). */
export function capacityInput(doc: DiagramRecords, session: CapacitySession): CapacityInput {
  const meta = doc.meta;
  const { design, peak, pathNames } = documentPart(doc);
  const out: CapacityInput = {
    input: analysisInputOf(design, { multiplier: session.loadMultiplier, down: [...session.down] }),
    peak,
    pathNames,
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
