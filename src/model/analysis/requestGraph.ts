/**
 * The graph requests travel on: components that take part in the request flow (clients,
 * servers, datastores — not support, not groups, not components marked down), and one arc per
 * edge in the direction requests go: along the edge in a bottom-up diagram, against it in a
 * top-down one. A bidirectional edge gives an arc each way, as the validator reads it; the cycle
 * rule (orderRequests.ts) then lets it carry load one way only. Arcs keep file order per sender,
 * so switching the flow and reversing every edge gives the very same graph.
 */
import type { Diagram } from '../diagram';
import { buildFlowGraph } from '../flowGraph';
import type { ComponentRole, FlowNodeInput } from '../flowGraph';

export interface RequestGraph {
  /** Every component of the diagram in file order (support and down ones included, so indexes are stable). */
  components: FlowNodeInput[];
  roles: ComponentRole[];
  /** 1 when the component takes part in the request flow. */
  active: Uint8Array;
  /** The counted edges (between two components, no self-loops) in file order. */
  edges: { id: string }[];
  /** Arcs grouped by sender: arcs of component v are `outStart[v] .. outStart[v + 1] - 1`. */
  outStart: Int32Array;
  arcTo: Int32Array;
  arcFrom: Int32Array;
  /** The counted edge each arc comes from. */
  arcEdge: Int32Array;
  indexById: ReadonlyMap<string, number>;
}

export function buildRequestGraph(diagram: Diagram, down: ReadonlySet<string>): RequestGraph {
  const flow = buildFlowGraph(diagram);
  const { components, roles, edges, edgeSource, edgeTarget, indexById } = flow;
  const n = components.length;
  const active = new Uint8Array(n);
  for (let i = 0; i < n; i++) active[i] = roles[i] !== 'support' && !down.has(components[i]!.id) ? 1 : 0;
  const alongEdges = diagram.flow !== 'top-down';
  const senders: number[] = [];
  const receivers: number[] = [];
  const arcEdges: number[] = [];
  for (let e = 0; e < edges.length; e++) {
    const s = edgeSource[e]!;
    const t = edgeTarget[e]!;
    if (active[s] === 0 || active[t] === 0) continue;
    const from = alongEdges ? s : t;
    const to = alongEdges ? t : s;
    senders.push(from);
    receivers.push(to);
    arcEdges.push(e);
    if (edges[e]!.bidirectional === true) {
      senders.push(to);
      receivers.push(from);
      arcEdges.push(e);
    }
  }
  // Counting sort by sender keeps each sender's arcs in file order.
  const m = senders.length;
  const outStart = new Int32Array(n + 1);
  for (let a = 0; a < m; a++) outStart[senders[a]! + 1]!++;
  for (let v = 0; v < n; v++) outStart[v + 1]! += outStart[v]!;
  const fill = outStart.slice(0, n);
  const arcTo = new Int32Array(m);
  const arcFrom = new Int32Array(m);
  const arcEdge = new Int32Array(m);
  for (let a = 0; a < m; a++) {
    const slot = fill[senders[a]!]!++;
    arcFrom[slot] = senders[a]!;
    arcTo[slot] = receivers[a]!;
    arcEdge[slot] = arcEdges[a]!;
  }
  return { components, roles, active, edges, outStart, arcTo, arcFrom, arcEdge, indexById };
}
