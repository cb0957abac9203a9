/**
 * The validator's findings, indexed for the canvas: each node and edge reads its own severity
 * with a narrow selector, so a fix repaints only what it touched.
 */
import type { Flow } from '../model/diagram';
import { validateFlow, type FlowInput, type FlowReport } from '../model/validateFlow';
import type { ArchEdge, ArchNode } from './flowElements';

export type Severity = 'error' | 'warning';

export interface ValidationView {
  report: FlowReport;
  /** What was validated, for describing findings by name. */
  input: FlowInput;
  nodeSeverity: ReadonlyMap<string, Severity>;
  edgeSeverity: ReadonlyMap<string, Severity>;
}

function mark(map: Map<string, Severity>, id: string, severity: Severity): void {
  if (map.get(id) !== 'error') map.set(id, severity);
}

export function computeValidation(flow: Flow, nodes: readonly ArchNode[], edges: readonly ArchEdge[]): ValidationView {
  const input: FlowInput = {
    flow,
    nodes: nodes.map((n) => ({ id: n.id, kind: n.data.kind, label: n.data.label, role: n.data.role })),
    edges: edges.map((e) => ({ id: e.id, source: e.source, target: e.target, bidirectional: e.data?.bidirectional })),
  };
  const report = validateFlow(input);
  const nodeSeverity = new Map<string, Severity>();
  const edgeSeverity = new Map<string, Severity>();
  for (const f of report.findings) {
    // A diagram-wide finding (no entry, no exit) would paint everything: the panel says it instead.
    if (f.rule === 'missing-entry' || f.rule === 'missing-exit' || f.rule === 'empty') continue;
    // An against-flow or client-to-datastore warning is about the edge, not its ends.
    if (f.edges.length > 0) for (const id of f.edges) mark(edgeSeverity, id, f.severity);
    else for (const id of f.nodes) mark(nodeSeverity, id, f.severity);
  }
  return { report, input, nodeSeverity, edgeSeverity };
}
