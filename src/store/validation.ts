/**
 * The validator's findings, indexed for the canvas: each node and edge reads its own severity
 * with a narrow selector, so a fix repaints only what it touched.
 */
import type { Flow } from '../model/diagram';
import type { DiagramRecords, DocumentDiff, RecordTable } from '../model/recordsDiff';
import { validateFlow, type FlowInput, type FlowReport } from '../model/validateFlow';

export type Severity = 'error' | 'warning';

export interface ValidationView {
  report: FlowReport;
  /** What was validated, for describing findings by name. */
  input: FlowInput;
  nodeSeverity: ReadonlyMap<string, Severity>;
  edgeSeverity: ReadonlyMap<string, Severity>;
  /** The document changed and the check is still to run: these findings are the last ones. */
  pending?: true;
}

/**
 * From this many nodes plus edges, the check runs in a task of its own after a change is drawn
 * rather than inside it (when the store has a `later` service): on a 20,000-node diagram it took
 * 0.3–0.6 s, which added to opening's longest task and to every structural edit.
 */
export const VALIDATE_LATER_FROM = 5_000;

/** `previous` (or nothing, for a diagram just opened) while the check of a change is pending. */
export function pendingValidation(previous: ValidationView | null, flow: Flow): ValidationView {
  if (previous) return { ...previous, pending: true };
  return {
    report: { valid: true, flow, findings: [], errorCount: 0, warningCount: 0 },
    input: { flow, nodes: [], edges: [] },
    nodeSeverity: new Map(),
    edgeSeverity: new Map(),
    pending: true,
  };
}

function mark(map: Map<string, Severity>, id: string, severity: Severity): void {
  if (map.get(id) !== 'error') map.set(id, severity);
}

function inOrder<R extends { id: string }>(table: RecordTable<R>): R[] {
  return table.order.map((id) => table.byId.get(id)!);
}

export function computeValidation(doc: DiagramRecords, flow: Flow = doc.meta.flow): ValidationView {
  const input: FlowInput = {
    flow,
    nodes: doc.nodes.order.map((id) => {
      const n = doc.nodes.byId.get(id)!;
      return { id: n.id, kind: n.kind, label: n.label, role: n.kind === 'group' ? undefined : n.role };
    }),
    edges: doc.edges.order.map((id) => {
      const e = doc.edges.byId.get(id)!;
      return { id: e.id, source: e.source, target: e.target, bidirectional: e.bidirectional };
    }),
    // The design records as they are (the validator reads only what it needs); notes are never checked.
    requirements: inOrder(doc.requirements),
    endpoints: inOrder(doc.endpoints),
    entities: inOrder(doc.entities),
    paths: inOrder(doc.paths),
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

/** Whether `diff` can change a finding: positions, sizes, notes and routes cannot. */
export function affectsValidation(diff: DocumentDiff): boolean {
  if (diff.meta && (diff.meta[0].flow !== diff.meta[1].flow)) return true;
  // The design records are few and every change to them can change a design finding.
  for (const table of ['requirements', 'endpoints', 'entities', 'paths'] as const) {
    const d = diff[table];
    if (d.added.size > 0 || d.updated.size > 0 || d.removed.size > 0 || d.order) return true;
  }
  const { nodes, edges } = diff;
  if (nodes.added.size > 0 || nodes.removed.size > 0 || nodes.order) return true;
  if (edges.added.size > 0 || edges.removed.size > 0 || edges.order) return true;
  for (const [b, a] of nodes.updated.values()) if (b.kind !== a.kind || b.label !== a.label || b.role !== a.role) return true;
  for (const [b, a] of edges.updated.values()) {
    if (b.source !== a.source || b.target !== a.target || b.bidirectional !== a.bidirectional) return true;
  }
  return false;
}
