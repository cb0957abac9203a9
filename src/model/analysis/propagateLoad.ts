/**
 * Forwarding: a component sends the load it receives down each outgoing arc × the edge's share; a
 * load balancer divides it equally among its carrying arcs instead; a cache sends only its
 * misses, (1 − hit ratio) × load. Async arcs carry load like any other. One pass in the order
 * from orderRequests, so linear.
 */
import type { RequestGraph } from './requestGraph';
import type { RequestOrder } from './orderRequests';

export interface ForwardingRules {
  /** Per component: divides equally instead of using shares. */
  balances: Uint8Array;
  /** Per component: hit ratio, or -1 when it is not a cache. */
  hitRatio: Float64Array;
  /** Per counted edge: share of the sender's load. */
  share: Float64Array;
}

export interface LoadFlow {
  /** Requests per second arriving at each component (a client: what it sends itself plus what reaches it). */
  load: Float64Array;
  /** Fraction of its sender's load each arc carries (0 for arcs that carry nothing). */
  arcFactor: Float64Array;
  /** Requests per second on each arc. */
  arcLoad: Float64Array;
}

export function propagateLoad(
  graph: RequestGraph,
  order: RequestOrder,
  rules: ForwardingRules,
  origin: Float64Array,
): LoadFlow {
  const { outStart, arcTo, arcEdge } = graph;
  const { carries } = order;
  const arcFactor = new Float64Array(arcTo.length);
  const arcLoad = new Float64Array(arcTo.length);
  const load = Float64Array.from(origin);
  for (let i = 0; i < order.order.length; i++) {
    const v = order.order[i]!;
    const first = outStart[v]!;
    const end = outStart[v + 1]!;
    let carrying = 0;
    for (let a = first; a < end; a++) carrying += carries[a]!;
    if (carrying === 0) continue;
    const misses = rules.hitRatio[v]! >= 0 ? 1 - rules.hitRatio[v]! : 1;
    const balanced = rules.balances[v] === 1;
    for (let a = first; a < end; a++) {
      if (carries[a] === 0) continue;
      const factor = (balanced ? 1 / carrying : rules.share[arcEdge[a]!]!) * misses;
      arcFactor[a] = factor;
      arcLoad[a] = load[v]! * factor;
      load[arcTo[a]!]! += arcLoad[a]!;
    }
  }
  return { load, arcFactor, arcLoad };
}
