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
 * Whether a node lies in a group marked down (or is one), nested groups included: memoised along
 * the parent links, so every question together costs what the diagram holds.
 */
function downByGroup(design: Diagram, marked: ReadonlySet<string>): (id: string) => boolean {
  const parentOf = new Map<string, string | undefined>();
  for (const node of design.nodes) parentOf.set(node.id, node.parent);
  const known = new Map<string, boolean>();
  const inside = (id: string): boolean => {
    const seen = known.get(id);
    if (seen !== undefined) return seen;
    known.set(id, false); // a parent cycle in bad input ends here
    const parent = parentOf.get(id);
    const answer = marked.has(id) || (parent !== undefined && inside(parent));
    known.set(id, answer);
    return answer;
  };
  return inside;
}

const isGroup = (node: Diagram['nodes'][number]) => node.kind === 'group';

/** The ids marked down with every group among them replaced by the components inside it. */
export function expandDown(design: Diagram, down: readonly string[]): string[] {
  const marked = new Set(down);
  const groups = new Set(design.nodes.filter(isGroup).map((node) => node.id));
  const out = [...marked].filter((id) => !groups.has(id));
  if (out.length === marked.size) return out;
  const listed = new Set(out);
  const inside = downByGroup(design, new Set([...marked].filter((id) => groups.has(id))));
  for (const node of design.nodes) if (!isGroup(node) && !listed.has(node.id) && inside(node.id)) out.push(node.id);
  return out;
}

/** The groups marked down or inside one, drawn greyed with their members. */
export function downGroupsOf(design: Diagram, down: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  if (down.size === 0) return out;
  const inside = downByGroup(design, down);
  for (const node of design.nodes) if (isGroup(node) && inside(node.id)) out.add(node.id);
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
