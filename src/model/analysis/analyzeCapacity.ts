/**
 * The capacity, latency and failure analysis of issue 13: a diagram plus figures and a load in,
 * every component's load, utilisation, instances needed, response time and status out, with the
 * single points of failure, the clients cut off by the components marked down, and each
 * client's heaviest path. Deterministic and near-linear; docs/capacity-model.md is its contract.
 */
import type { Role } from '../catalog';
import { componentMetrics } from './componentMetrics';
import type { CapacityStatus } from './componentMetrics';
import { findCriticalComponents } from './findCriticalComponents';
import {
  DEFAULT_TOTAL_RPS,
  edgeIsAsync,
  edgeLatency,
  edgeShare,
  kindFigures,
  ownEntry,
  resolveNodeFigures,
  resolveTarget,
} from './figures';
import type { AnalysisInput, NodeFigures } from './figures';
import { orderRequests } from './orderRequests';
import { propagateLoad } from './propagateLoad';
import { buildRequestGraph } from './requestGraph';
import type { RequestGraph } from './requestGraph';
import { heaviestPath, measurePath } from './requestPath';
import type { PathCosts, PathResult } from './requestPath';

export interface NodeAnalysis {
  id: string;
  label: string;
  kind: string;
  role: Extract<Role, 'server' | 'datastore'>;
  /** Requests per second arriving (λ). */
  load: number;
  /** ρ = λ / (instances × capacity). */
  utilization: number;
  instances: number;
  instancesNeeded: number;
  /** Mean response time; null when unbounded (overloaded) or down. */
  latencyMs: number | null;
  availability: number;
  status: CapacityStatus | 'down';
  /** The figures used: the file's where it gives them, else the kind's typical ones. */
  figures: NodeFigures;
}

export interface ClientAnalysis {
  id: string;
  label: string;
  /** Requests per second the client sends itself. */
  rps: number;
  /** Had a route to a datastore before the components marked down were removed, and has none now. */
  cutOff: boolean;
  /** The route most of its requests take, with its synchronous latency and availability. */
  path: PathResult;
}

export interface EdgeAnalysis {
  id: string;
  /** Requests per second crossing the edge (0 for edges outside the request flow or closing a cycle). */
  load: number;
}

export interface CapacityAnalysis {
  /** Requests per second the clients send in all. */
  totalRps: number;
  targetUtilization: number;
  /** Servers and datastores in file order (support components are outside the request flow). */
  nodes: NodeAnalysis[];
  /** Edges between two components, in file order. */
  edges: EdgeAnalysis[];
  /** Components with one instance on every route of some client. */
  spof: string[];
  /** Clients that lost every route to a datastore when the components marked down were removed. */
  cutOff: string[];
  clients: ClientAnalysis[];
  /** The request paths of the input, measured. */
  paths: (PathResult & { id: string })[];
  /** The ids of `down` that name a component, in the order given. */
  down: string[];
}

function clientOrigins(graph: RequestGraph, input: AnalysisInput): Float64Array {
  const { components, roles, active } = graph;
  const origin = new Float64Array(components.length);
  const total =
    typeof input.totalRps === 'number' && Number.isFinite(input.totalRps) && input.totalRps >= 0
      ? input.totalRps
      : DEFAULT_TOTAL_RPS;
  let explicitSum = 0;
  let sharing = 0;
  const explicit = new Float64Array(components.length).fill(-1);
  for (let v = 0; v < components.length; v++) {
    if (roles[v] !== 'client') continue;
    const rps = ownEntry(input.clientRps, components[v]!.id);
    if (typeof rps === 'number' && Number.isFinite(rps) && rps >= 0) {
      explicit[v] = rps;
      explicitSum += rps;
    } else {
      sharing++;
    }
  }
  // Clients without a figure share what the others leave of the total; a down client's share is lost, not moved.
  const each = sharing === 0 ? 0 : Math.max(0, total - explicitSum) / sharing;
  for (let v = 0; v < components.length; v++) {
    if (roles[v] !== 'client' || active[v] === 0) continue;
    origin[v] = explicit[v]! >= 0 ? explicit[v]! : each;
  }
  return origin;
}

export function analyzeCapacity(input: AnalysisInput): CapacityAnalysis {
  const { diagram } = input;
  const target = resolveTarget(input.targetUtilization);
  const downSet = new Set(input.down ?? []);
  const graph = buildRequestGraph(diagram, downSet);
  const down = [...downSet].filter((id) => graph.indexById.has(id));
  const { components, roles, active, edges } = graph;
  const n = components.length;

  const figures: (NodeFigures | null)[] = components.map((node, v) =>
    roles[v] === 'server' || roles[v] === 'datastore'
      ? resolveNodeFigures(node.kind, ownEntry(input.figures?.nodes, node.id))
      : null,
  );
  const edgeFigures = edges.map((edge) => ownEntry(input.figures?.edges, edge.id));
  const balances = new Uint8Array(n);
  const hitRatio = new Float64Array(n).fill(-1);
  for (let v = 0; v < n; v++) {
    const f = figures[v];
    if (f === null || f === undefined) continue;
    if (kindFigures(components[v]!.kind).balances) balances[v] = 1;
    if (f.hitRatio !== null) hitRatio[v] = f.hitRatio;
  }
  const share = Float64Array.from(edgeFigures, edgeShare);

  const origin = clientOrigins(graph, input);
  const order = orderRequests(graph);
  const flow = propagateLoad(graph, order, { balances, hitRatio, share }, origin);
  const { reachesData, critical } = findCriticalComponents(graph);

  const latencyMs = new Float64Array(n);
  const availability = new Float64Array(n).fill(1);
  const nodes: NodeAnalysis[] = [];
  const spof: string[] = [];
  for (let v = 0; v < n; v++) {
    const f = figures[v];
    if (f === null || f === undefined) continue;
    const node = components[v]!;
    const load = active[v] === 1 ? flow.load[v]! : 0;
    const metrics = componentMetrics(load, f, target);
    latencyMs[v] = metrics.latencyMs ?? Number.NaN;
    availability[v] = metrics.availability;
    const isDown = active[v] === 0;
    nodes.push({
      id: node.id,
      label: node.label,
      kind: node.kind,
      role: roles[v] as NodeAnalysis['role'],
      load,
      utilization: metrics.utilization,
      instances: f.instances,
      instancesNeeded: metrics.instancesNeeded,
      latencyMs: isDown ? null : metrics.latencyMs,
      availability: metrics.availability,
      status: isDown ? 'down' : metrics.status,
      figures: f,
    });
    if (critical[v] === 1 && f.instances === 1) spof.push(node.id);
  }

  const edgeLoad = new Float64Array(edges.length);
  for (let a = 0; a < graph.arcTo.length; a++) edgeLoad[graph.arcEdge[a]!]! += flow.arcLoad[a]!;
  // An edge's default mode follows its sender's kind, so a bidirectional edge may be async one way only.
  const arcAsync = new Uint8Array(graph.arcTo.length);
  for (let a = 0; a < graph.arcTo.length; a++) {
    if (edgeIsAsync(edgeFigures[graph.arcEdge[a]!], components[graph.arcFrom[a]!]!.kind)) arcAsync[a] = 1;
  }
  const edgeLatencyMs = Float64Array.from(edgeFigures, edgeLatency);
  const costs: PathCosts = { graph, latencyMs, availability, arcAsync, edgeLatencyMs, arcFactor: flow.arcFactor };

  const hadRoute = down.length === 0 ? reachesData : findCriticalComponents(buildRequestGraph(diagram, new Set())).reachesData;
  const clients: ClientAnalysis[] = [];
  const cutOff: string[] = [];
  let totalRps = 0;
  for (let v = 0; v < n; v++) {
    if (roles[v] !== 'client' || active[v] === 0) continue;
    const node = components[v]!;
    const lost = hadRoute[v] === 1 && reachesData[v] === 0;
    if (lost) cutOff.push(node.id);
    totalRps += origin[v]!;
    clients.push({ id: node.id, label: node.label, rps: origin[v]!, cutOff: lost, path: heaviestPath(costs, v) });
  }

  return {
    totalRps,
    targetUtilization: target,
    nodes,
    edges: edges.map((edge, e) => ({ id: edge.id, load: edgeLoad[e]! })),
    spof,
    cutOff,
    clients,
    paths: (input.paths ?? []).map((path) => ({ id: path.id, ...measurePath(costs, path.ids) })),
    down,
  };
}
