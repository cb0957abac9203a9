/**
 * The capacity model's input for a design: the one reading of a diagram's own figures (each
 * component's, each client's requests per second, each edge's share, mode and network time),
 * its peak load (`peakLoadOf`: typed, else from the scale figures, else the default), its
 * target utilisation and its request paths. The app's Capacity view, the practice review and
 * `archflow analyze` all call it, so the three cannot size one design differently.
 */
import { roleOf } from '../catalog';
import type { Diagram } from '../diagram';
import type { AnalysisInput, EdgeFigures, NodeFigures } from './figures';
import { peakLoadOf, type PeakLoad } from './peakLoad';

export interface AnalysisOptions {
  /** Replaces the design's own peak (the CLI's `--rps`, a practice problem's stated peak). */
  peakRps?: number;
  /** Scales every load, the peak and each client's own figure alike (the app's ×0.1 … ×100). */
  multiplier?: number;
  /** Components, or groups (a zone or region outage: every component inside), taken out. */
  down?: readonly string[];
}

const NODE_FIGURE_KEYS = ['instances', 'capacityRps', 'serviceTimeMs', 'availability', 'hitRatio'] as const;

const usable = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** The peak the analysis shares among the clients, before the multiplier, and where it comes from. */
export function analysisPeakOf(design: Diagram, options: AnalysisOptions = {}): PeakLoad {
  return usable(options.peakRps) ? { rps: options.peakRps, source: 'given' } : peakLoadOf(design);
}

/**
 * The ids marked down with every group among them replaced by the components inside it, nested
 * groups included (one pass over the parent links, so a deep region costs what it holds).
 */
export function expandDown(design: Diagram, down: readonly string[]): string[] {
  const marked = new Set(down);
  if (marked.size === 0) return [];
  const parentOf = new Map<string, string | undefined>();
  const groups = new Set<string>();
  for (const node of design.nodes) {
    parentOf.set(node.id, node.parent);
    if (node.kind === 'group') groups.add(node.id);
  }
  if (![...marked].some((id) => groups.has(id))) return [...marked];
  // Memoised walk up the parent chain: is some ancestor (or the node itself) marked down?
  const inDownGroup = new Map<string, boolean>();
  const isInside = (id: string): boolean => {
    const known = inDownGroup.get(id);
    if (known !== undefined) return known;
    inDownGroup.set(id, false); // a cycle in bad input ends here
    const parent = parentOf.get(id);
    const answer = (groups.has(id) && marked.has(id)) || (parent !== undefined && isInside(parent));
    inDownGroup.set(id, answer);
    return answer;
  };
  const out = [...marked].filter((id) => !groups.has(id));
  const listed = new Set(out);
  for (const node of design.nodes) {
    if (node.kind !== 'group' && !listed.has(node.id) && isInside(node.id)) {
      out.push(node.id);
      listed.add(node.id);
    }
  }
  return out;
}

export function analysisInputOf(design: Diagram, options: AnalysisOptions = {}): AnalysisInput {
  const m = usable(options.multiplier) ? options.multiplier : 1;
  const nodes: Record<string, Partial<NodeFigures>> = {};
  const clientRps: Record<string, number> = {};
  for (const node of design.nodes) {
    const f = node.figures;
    if (f === undefined) continue;
    if (roleOf(node) === 'client') {
      if (typeof f.rps === 'number') clientRps[node.id] = f.rps * m;
      continue;
    }
    const given: Partial<NodeFigures> = {};
    for (const key of NODE_FIGURE_KEYS) if (typeof f[key] === 'number') given[key] = f[key];
    nodes[node.id] = given;
  }
  const edges: Record<string, EdgeFigures> = {};
  for (const edge of design.edges) {
    if (edge.mode === undefined && edge.share === undefined && edge.latencyMs === undefined) continue;
    const figures: EdgeFigures = {};
    if (edge.mode !== undefined) figures.mode = edge.mode;
    if (edge.share !== undefined) figures.share = edge.share;
    if (edge.latencyMs !== undefined) figures.latencyMs = edge.latencyMs;
    edges[edge.id] = figures;
  }
  const input: AnalysisInput = {
    diagram: design,
    figures: { nodes, edges },
    totalRps: analysisPeakOf(design, options).rps * m,
    clientRps,
    down: expandDown(design, options.down ?? []),
    paths: (design.paths ?? []).map((p) => ({ id: p.id, ids: p.steps })),
  };
  if (design.load?.targetUtilization !== undefined) input.targetUtilization = design.load.targetUtilization;
  return input;
}
