/** Small diagrams for the capacity model, written as in the validator's fixtures. */
import type { Diagram, Flow } from '../../../src/model/diagram';
import { diagram } from '../validateFlow.fixtures';

/** Nodes `id:kind[:role]`, edges `a>b`, `a<>b` or named `x=a>b` (see validateFlow.fixtures). */
export function design(flow: Flow, nodes: string[], edges: string[] = []): Diagram {
  const d = diagram(flow, nodes, edges);
  return { title: 'test', flow: d.flow, nodes: [...d.nodes], edges: [...d.edges] };
}
