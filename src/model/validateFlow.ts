/**
 * The flow validator: checks that requests can travel from the flow's entries to its exits
 * through every component. The rules and their order are the contract of issue 3; the app, the
 * CLI and the tests all read findings from here.
 */
import { componentName } from './componentName';
import type { Flow } from './diagram';
import { buildFlowGraph, reachable, weakParts } from './flowGraph';
import type { ComponentRole, FlowGraph, FlowInput, FlowNodeInput } from './flowGraph';
import { collectDesignFindings, hasDesignData } from './validateDesign';

export type { FlowInput, FlowNodeInput, FlowEdgeInput } from './flowGraph';
export { componentName } from './componentName';

export type FindingRule =
  | 'empty'
  | 'missing-entry'
  | 'missing-exit'
  | 'isolated'
  | 'disconnected'
  | 'unreachable'
  | 'dead-end'
  | 'against-flow'
  | 'client-to-datastore'
  | DesignRule;

/** The design rules (validateDesign.ts): they run only when the diagram has design data. */
export type DesignRule =
  | 'endpoint-on-client'
  | 'path-broken'
  | 'path-incomplete'
  | 'requirement-untraced'
  | 'endpoint-unused'
  | 'entity-unreached';

/** In the order findings are reported. */
export const FINDING_RULES: readonly FindingRule[] = [
  'empty',
  'missing-entry',
  'missing-exit',
  'isolated',
  'disconnected',
  'unreachable',
  'dead-end',
  'against-flow',
  'client-to-datastore',
  'endpoint-on-client',
  'path-broken',
  'path-incomplete',
  'requirement-untraced',
  'endpoint-unused',
  'entity-unreached',
];

export type FindingSeverity = 'error' | 'warning';

export interface Finding {
  rule: FindingRule;
  severity: FindingSeverity;
  /** Plain words naming components by label. */
  message: string;
  /** Node ids, in file order (for edge findings: [source, target]). */
  nodes: string[];
  edges: string[];
  /** The design records a design finding is about (absent on flow findings). */
  path?: string;
  requirement?: string;
  endpoint?: string;
  entity?: string;
}

export interface FlowReport {
  valid: boolean;
  flow: Flow;
  findings: Finding[];
  errorCount: number;
  warningCount: number;
}

/** The roles where the flow starts and ends. */
export function flowEnds(flow: Flow): { entry: ComponentRole; exit: ComponentRole } {
  return flow === 'top-down'
    ? { entry: 'datastore', exit: 'client' }
    : { entry: 'client', exit: 'datastore' };
}

export function otherFlow(flow: Flow): Flow {
  return flow === 'top-down' ? 'bottom-up' : 'top-down';
}

export function validateFlow(diagram: FlowInput, flow: Flow = diagram.flow): FlowReport {
  const graph = buildFlowGraph(diagram);
  const findings = collectFindings(graph, flow);
  if (hasDesignData(diagram)) findings.push(...collectDesignFindings(graph, diagram, flow));
  let errorCount = 0;
  for (const finding of findings) if (finding.severity === 'error') errorCount++;
  return {
    valid: errorCount === 0,
    flow,
    findings,
    errorCount,
    warningCount: findings.length - errorCount,
  };
}

/**
 * How counted edge `e` goes against `flow`, if it does: one-way into an entry (a client, bottom-up)
 * from something else, or out of an exit to something else. Support components never count.
 */
export function againstFlow(graph: FlowGraph, e: number, flow: Flow): 'into-entry' | 'out-of-exit' | undefined {
  if (graph.edges[e]!.bidirectional === true) return undefined;
  const { roles } = graph;
  const s = graph.edgeSource[e]!;
  const t = graph.edgeTarget[e]!;
  if (roles[s] === 'support' || roles[t] === 'support') return undefined;
  const { entry, exit } = flowEnds(flow);
  if (roles[t] === entry && roles[s] !== entry) return 'into-entry';
  if (roles[s] === exit && roles[t] !== exit) return 'out-of-exit';
  return undefined;
}

function collectFindings(graph: FlowGraph, flow: Flow): Finding[] {
  const { components, roles, edges, edgeSource, edgeTarget, degree } = graph;
  const n = components.length;
  if (n === 0) {
    return [finding('empty', 'error', 'The diagram has no components', [], [])];
  }
  const { entry, exit } = flowEnds(flow);
  const findings: Finding[] = [];

  if (!roles.includes(entry)) {
    findings.push(
      finding('missing-entry', 'error', `There is no ${entry}, so the ${flow} flow has nowhere to start`, [], []),
    );
  }
  if (!roles.includes(exit)) {
    findings.push(
      finding('missing-exit', 'error', `There is no ${exit}, so the ${flow} flow has nowhere to end`, [], []),
    );
  }

  for (let i = 0; i < n; i++) {
    if (degree[i] !== 0) continue;
    const node = components[i]!;
    findings.push(finding('isolated', 'error', `${name(node)} is not connected to anything`, [node.id], []));
  }

  const { part, sizes } = weakParts(graph);
  if (sizes.length > 1) {
    // Parts are numbered by their earliest component, so the first maximum wins the tie.
    let largest = 0;
    for (let p = 1; p < sizes.length; p++) if (sizes[p]! > sizes[largest]!) largest = p;
    const outside: FlowNodeInput[] = [];
    for (let i = 0; i < n; i++) {
      if (part[i] !== -1 && part[i] !== largest) outside.push(components[i]!);
    }
    findings.push(
      finding(
        'disconnected',
        'error',
        // A part always has two components or more, so the list is plural.
        `The diagram falls into ${sizes.length} separate parts: ${listNames(outside)} are cut off from the main part`,
        outside.map((node) => node.id),
        [],
      ),
    );
  }

  const checked = (i: number) => degree[i] !== 0 && roles[i] !== 'support';
  const fromEntry = reachable(graph, (i) => roles[i] === entry, graph.outStart, graph.outList);
  for (let i = 0; i < n; i++) {
    if (!checked(i) || fromEntry[i] === 1) continue;
    const node = components[i]!;
    findings.push(
      finding('unreachable', 'error', `${name(node)} cannot be reached from any ${entry}`, [node.id], []),
    );
  }
  const toExit = reachable(graph, (i) => roles[i] === exit, graph.inStart, graph.inList);
  for (let i = 0; i < n; i++) {
    if (!checked(i) || toExit[i] === 1) continue;
    const node = components[i]!;
    findings.push(finding('dead-end', 'error', `${name(node)} cannot reach any ${exit}`, [node.id], []));
  }

  for (let e = 0; e < edges.length; e++) {
    const against = againstFlow(graph, e, flow);
    if (against === undefined) continue;
    const edge = edges[e]!;
    const s = edgeSource[e]!;
    const t = edgeTarget[e]!;
    const where = against === 'into-entry' ? `points into a ${entry}` : `leaves a ${exit}`;
    findings.push(
      finding(
        'against-flow',
        'warning',
        `The edge from ${name(components[s]!)} to ${name(components[t]!)} ${where}, against the ${flow} flow`,
        [edge.source, edge.target],
        [edge.id],
      ),
    );
  }

  for (let e = 0; e < edges.length; e++) {
    const s = edgeSource[e]!;
    const t = edgeTarget[e]!;
    const client = roles[s] === 'client' ? s : roles[t] === 'client' ? t : -1;
    const store = roles[s] === 'datastore' ? s : roles[t] === 'datastore' ? t : -1;
    if (client === -1 || store === -1) continue;
    const edge = edges[e]!;
    findings.push(
      finding(
        'client-to-datastore',
        'warning',
        `${name(components[client]!)} and ${name(components[store]!)} are connected directly; a client should reach data through an API`,
        [edge.source, edge.target],
        [edge.id],
      ),
    );
  }
  return findings;
}

function finding(
  rule: FindingRule,
  severity: FindingSeverity,
  message: string,
  nodes: string[],
  edges: string[],
): Finding {
  return { rule, severity, message, nodes, edges };
}

const name = componentName;

const LISTED = 3;

function listNames(nodes: readonly FlowNodeInput[]): string {
  const shown = nodes.slice(0, LISTED).map(name);
  const more = nodes.length - shown.length;
  if (more > 0) return `${shown.join(', ')} and ${more} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]!}`;
}
