/**
 * A request's route through the diagram and what it costs: synchronous latency, the sum of the
 * response times (and any network time an edge gives) up to the first async edge; availability,
 * the product of the components' availabilities along the whole route. Clients add neither.
 * Routes come as ordered component ids, which is how the design's request paths will arrive, or
 * as a client's heaviest path: from the client, always the arc that carries the largest share of
 * what it receives (the first in file order on a tie), until nothing is sent on.
 */
import type { RequestGraph } from './requestGraph';

export interface PathCosts {
  graph: RequestGraph;
  /** Per component: mean response time in ms, NaN when unbounded (clients: 0). */
  latencyMs: Float64Array;
  /** Per component: availability (clients: 1). */
  availability: Float64Array;
  /** Per arc: 1 when a request crossing it does not wait for the answer. */
  arcAsync: Uint8Array;
  /** Per counted edge: network time added. */
  edgeLatencyMs: Float64Array;
  /** Per arc: share of its sender's load it carries, 0 when it carries nothing. */
  arcFactor: Float64Array;
}

export interface PathResult {
  ids: string[];
  /** Null when some component on the synchronous part is overloaded, or the path is broken. */
  latencyMs: number | null;
  /** 0 for a broken path. */
  availability: number;
  /** Some id is missing, marked down or outside the request flow, or two neighbours are not connected. */
  broken: boolean;
}

function arcBetween(graph: RequestGraph, from: number, to: number): number {
  for (let a = graph.outStart[from]!; a < graph.outStart[from + 1]!; a++) if (graph.arcTo[a] === to) return a;
  return -1;
}

function measure(costs: PathCosts, ids: string[], nodes: number[], arcs: number[]): PathResult {
  let latency = 0;
  let availability = 1;
  let synchronous = true;
  for (let i = 0; i < nodes.length; i++) {
    const v = nodes[i]!;
    availability *= costs.availability[v]!;
    if (!synchronous) continue;
    latency += costs.latencyMs[v]!;
    const a = arcs[i];
    if (a === undefined) continue;
    latency += costs.edgeLatencyMs[costs.graph.arcEdge[a]!]!;
    if (costs.arcAsync[a] === 1) synchronous = false;
  }
  return { ids, latencyMs: Number.isNaN(latency) ? null : latency, availability, broken: false };
}

/** Costs of a route given as component ids in request order. */
export function measurePath(costs: PathCosts, ids: readonly string[]): PathResult {
  const { graph } = costs;
  const broken: PathResult = { ids: [...ids], latencyMs: null, availability: 0, broken: true };
  const nodes: number[] = [];
  const arcs: number[] = [];
  for (const id of ids) {
    const v = graph.indexById.get(id);
    if (v === undefined || graph.active[v] === 0) return broken;
    if (nodes.length > 0) {
      const a = arcBetween(graph, nodes[nodes.length - 1]!, v);
      if (a === -1) return broken;
      arcs.push(a);
    }
    nodes.push(v);
  }
  if (nodes.length === 0) return broken;
  return measure(costs, [...ids], nodes, arcs);
}

/** The route most of a client's requests take, and its costs. */
export function heaviestPath(costs: PathCosts, client: number): PathResult {
  const { graph, arcFactor } = costs;
  const nodes = [client];
  const arcs: number[] = [];
  // Carrying arcs form no cycle, so the walk ends; the bound only guards the loop.
  for (let v = client, steps = 0; steps < graph.components.length; steps++) {
    let best = -1;
    for (let a = graph.outStart[v]!; a < graph.outStart[v + 1]!; a++) {
      if (arcFactor[a]! > 0 && (best === -1 || arcFactor[a]! > arcFactor[best]!)) best = a;
    }
    if (best === -1) break;
    arcs.push(best);
    v = graph.arcTo[best]!;
    nodes.push(v);
  }
  return measure(
    costs,
    nodes.map((v) => graph.components[v]!.id),
    nodes,
    arcs,
  );
}
