/** Small hand-built flow diagrams and a compact way to write the findings expected of them. */

import { fileURLToPath } from 'node:url';
import type { Role } from '../../src/model/catalog';
import type { Flow } from '../../src/model/diagram';
import type { FlowEdgeInput, FlowInput, FlowNodeInput } from '../../src/model/flowGraph';
import type { Finding, FlowReport } from '../../src/model/validateFlow';

/**
 * Nodes as `id:kind` or `id:kind:role` (the label is the id); edges as `a>b` or `a<>b`
 * (bidirectional), numbered e1, e2, … in order, or named: `x=a>b`.
 */
export function diagram(flow: Flow, nodes: string[], edges: string[] = []): FlowInput {
  return {
    flow,
    nodes: nodes.map((spec): FlowNodeInput => {
      const [id = '', kind = '', role] = spec.split(':');
      return role === undefined ? { id, kind, label: id } : { id, kind, label: id, role: role as Role };
    }),
    edges: edges.map((spec, index): FlowEdgeInput => {
      const [named, body = named] = spec.includes('=') ? spec.split('=') : [`e${index + 1}`, spec];
      const bidirectional = body!.includes('<>');
      const [source = '', target = ''] = body!.split(bidirectional ? '<>' : '>');
      const edge: FlowEdgeInput = { id: named!, source, target };
      return bidirectional ? { ...edge, bidirectional } : edge;
    }),
  };
}

/** `rule` for whole-diagram findings, `rule nodeIds` for node findings, `rule edgeIds` for edges. */
export function summary(report: FlowReport): string[] {
  return report.findings.map((f) => {
    if (f.edges.length > 0) return `${f.rule} ${f.edges.join(',')}`;
    if (f.nodes.length > 0) return `${f.rule} ${f.nodes.join(',')}`;
    return f.rule;
  });
}

/** An example file in the repo's examples/ folder. */
export function examplePath(name: string): string {
  return fileURLToPath(new URL(`../../examples/${name}`, import.meta.url));
}

/**
 * What the shared chat-broken example must produce in its own (bottom-up) flow: Presence only
 * receives and stores nothing; the app uploads straight to object storage.
 */
export const CHAT_BROKEN_FINDINGS: Finding[] = [
  {
    rule: 'dead-end',
    severity: 'error',
    message: '"Presence" (Service) cannot reach any datastore',
    nodes: ['presence'],
    edges: [],
  },
  {
    rule: 'client-to-datastore',
    severity: 'warning',
    message:
      '"Chat app" (Mobile Client) and "Media" (Object Storage) are connected directly; a client should reach data through an API',
    nodes: ['app', 'media'],
    edges: ['e7'],
  },
];
