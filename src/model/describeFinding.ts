/**
 * Turns a finding into a heading and a hint a person can act on. The hint depends on the rule, on
 * the role of the component involved and on which way the flow runs.
 */
import { roleOf } from './catalog';
import type { Role } from './catalog';
import type { Flow } from './diagram';
import type { FlowInput, FlowNodeInput } from './flowGraph';
import { flowEnds } from './validateFlow';
import type { Finding, FindingRule } from './validateFlow';

export interface FindingDescription {
  title: string;
  hint: string;
}

const TITLES: Record<FindingRule, string> = {
  empty: 'Empty diagram',
  'missing-entry': 'No starting point',
  'missing-exit': 'No end point',
  isolated: 'Not connected',
  disconnected: 'Separate parts',
  unreachable: 'Unreachable',
  'dead-end': 'Dead end',
  'against-flow': 'Edge against the flow',
  'client-to-datastore': 'Client talks to a datastore',
  'endpoint-on-client': 'Endpoint on a client',
  'path-broken': 'Broken request path',
  'path-incomplete': 'Incomplete request path',
  'requirement-untraced': 'Requirement on no path',
  'endpoint-unused': 'Endpoint on no path',
  'entity-unreached': 'Data on no path',
};

// Describing every finding of a large diagram must not cost a scan of the nodes per finding.
const nodeIndexes = new WeakMap<readonly FlowNodeInput[], Map<string, FlowNodeInput>>();

function nodeById(diagram: FlowInput, id: string | undefined): FlowNodeInput | undefined {
  if (id === undefined) return undefined;
  let index = nodeIndexes.get(diagram.nodes);
  if (index === undefined) {
    index = new Map();
    for (const node of diagram.nodes) if (!index.has(node.id)) index.set(node.id, node);
    nodeIndexes.set(diagram.nodes, index);
  }
  return index.get(id);
}

function isComponent(diagram: FlowInput, id: string): boolean {
  const node = nodeById(diagram, id);
  return node !== undefined && roleOf(node) !== 'group';
}

/** `flow` is the one the finding was computed for; it defaults to the diagram's. */
export function describeFinding(
  finding: Finding,
  diagram: FlowInput,
  flow: Flow = diagram.flow,
): FindingDescription {
  const node = nodeById(diagram, finding.nodes[0]);
  const role: Role | undefined = node === undefined ? undefined : roleOf(node);
  return { title: TITLES[finding.rule], hint: hintFor(finding, diagram, flow, role) };
}

function hintFor(finding: Finding, diagram: FlowInput, flow: Flow, role: Role | undefined): string {
  const { entry, exit } = flowEnds(flow);
  switch (finding.rule) {
    case 'empty':
      return 'Add components from the palette, for example a client, a server and a datastore, and connect them.';
    case 'missing-entry':
      return entry === 'client'
        ? 'Add a client (a User, Web Client or Mobile Client) and connect it to the server it calls.'
        : 'Add a datastore and connect it to the server it feeds.';
    case 'missing-exit':
      return exit === 'datastore'
        ? 'Add a datastore and connect the server that keeps the data to it.'
        : 'Add a client and connect the server that serves it to it.';
    case 'isolated':
      switch (role) {
        case 'client':
          return 'Connect it to the server it talks to, or delete it.';
        case 'datastore':
          return 'Connect the server that uses it to it, or delete it.';
        case 'support':
          return 'Connect it to the component that uses it, or delete it.';
        default:
          return `Connect it on the way from a ${entry} to a ${exit}, or delete it.`;
      }
    case 'disconnected':
      return 'Connect these components to the main part of the diagram, or delete them.';
    case 'unreachable':
      if (role === exit) return `Add an edge into it from a server that a ${entry} reaches.`;
      return `Add an edge into it from a ${entry}, or from a component a ${entry} reaches, or mark it as support.`;
    case 'dead-end':
      if (role === entry) return `Connect it to a server that leads to a ${exit}.`;
      return `Connect it to a ${exit}, or mark it as support.`;
    case 'against-flow': {
      const target = nodeById(diagram, finding.nodes[1]);
      const intoEntry = target !== undefined && roleOf(target) === entry;
      return intoEntry
        ? `Reverse the edge so it leaves the ${entry} (the ${flow} flow starts there), or make it bidirectional.`
        : `Reverse the edge so it points into the ${exit} (the ${flow} flow ends there), or make it bidirectional.`;
    }
    case 'client-to-datastore':
      return 'Put an API server between the client and the datastore, and connect through it.';
    case 'endpoint-on-client':
      return 'Move the endpoint to the server that answers it: the API (back end) must be independent of the client (front end).';
    case 'path-broken': {
      const [from, to] = finding.nodes;
      const missing = [from, to].some((id) => id === undefined || !isComponent(diagram, id));
      if (missing) return 'Change the path so every step is a component of the diagram.';
      return flow === 'top-down'
        ? 'Add an edge from the second component to the first (top-down edges point from the data toward the customers), make the edge between them bidirectional, or change the path.'
        : 'Add an edge from the first component to the second, make the edge between them bidirectional, or change the path.';
    }
    case 'path-incomplete':
      return 'Start the path at the client that sends the request and end it at the datastore that answers it.';
    case 'requirement-untraced':
      return 'Record a request path for it, or let an endpoint that a path uses serve it.';
    case 'endpoint-unused':
      return 'Record a request path that calls it, or remove it.';
    case 'entity-unreached':
      return 'Record a request path that reaches its datastore, or move the entity to a datastore a path reaches.';
  }
}
