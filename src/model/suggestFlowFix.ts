/**
 * Spots a diagram drawn the other way round: every arrow consistent, just opposite to the flow.
 * Then one action fixes it all, and the panel offers that instead of a finding per component.
 */
import type { Diagram, DiagramEdge, Flow } from './diagram';
import { buildFlowGraph, type FlowInput } from './flowGraph';
import { againstFlow, otherFlow, validateFlow } from './validateFlow';
import type { FindingRule, FlowReport } from './validateFlow';

export type FlowFix = 'switch-flow' | 'reverse-edges';

// A request path broken only by the direction of its edges is fixed by the same switch.
const DIRECTIONAL: ReadonlySet<FindingRule> = new Set(['unreachable', 'dead-end', 'against-flow', 'path-broken']);

function directionalCount(report: FlowReport): number {
  let count = 0;
  for (const finding of report.findings) if (DIRECTIONAL.has(finding.rule)) count++;
  return count;
}

/**
 * Suggests a fix when the diagram has errors in `flow` but would have no unreachable, dead-end,
 * against-flow or broken-path finding in the other flow. Switching the flow and reversing every edge fix exactly
 * the same diagrams (the validator is symmetric under the pair), so the choice between them is
 * about intent: a diagram still on the default bottom-up flow most likely never had its flow
 * chosen, so switching is suggested; a top-down flow was picked on purpose, so its edges are what
 * was drawn backwards. `current` is `flow`'s report when the caller has it already.
 */
export function suggestFlowFix(diagram: FlowInput, flow: Flow = diagram.flow, current: FlowReport = validateFlow(diagram, flow)): FlowFix | null {
  if (current.valid || directionalCount(current) === 0) return null;
  const other = otherFlow(flow);
  // Any edge against the other flow already rules it out. Most diagrams have one, and it is
  // found in one pass; the full check of the other flow can list a finding for nearly every
  // component (40,000 at 20,000 nodes: over a second, on every change, in the panel's render).
  const graph = buildFlowGraph(diagram);
  for (let e = 0; e < graph.edges.length; e++) if (againstFlow(graph, e, other)) return null;
  if (directionalCount(validateFlow(diagram, other)) !== 0) return null;
  return flow === 'bottom-up' ? 'switch-flow' : 'reverse-edges';
}

/** One edge turned round; its route no longer fits, so it is dropped. */
export function reverseEdge(edge: DiagramEdge): DiagramEdge {
  const { route: _route, ...rest } = edge;
  return { ...rest, source: edge.target, target: edge.source };
}

/** Every one-way edge turned round (see reverseEdge). */
export function reverseEdges(diagram: Diagram): Diagram {
  return { ...diagram, edges: diagram.edges.map((edge) => (edge.bidirectional === true ? edge : reverseEdge(edge))) };
}
