/**
 * The design rules of issue 12: endpoints belong on servers, request paths follow the edges from
 * a client to a datastore, and every must-have requirement, endpoint and entity is on some path.
 *
 * A request path lists components in the order a request visits them, client first, in either
 * flow. The request travels along the edges in a bottom-up diagram and against them in a
 * top-down one (edges there point from the data toward the customers), which is how the capacity
 * model reads requests too (docs/capacity-model.md): so reversing every edge and switching the
 * flow leaves every path finding as it was. A bidirectional edge carries requests both ways.
 *
 * One pass over the edges builds the set of followable pairs; every rule after that is one pass
 * over its records, so the cost stays linear in the document.
 */
import { componentName } from './componentName';
import type { Flow } from './diagram';
import type { ComponentRole, FlowGraph, FlowInput, PathInput } from './flowGraph';
import type { Finding } from './validateFlow';

/** Where a request path starts and ends, whichever way the flow runs. */
export const REQUEST_START: ComponentRole = 'client';
export const REQUEST_END: ComponentRole = 'datastore';

/** True when the diagram carries any record the design rules check (notes are never checked). */
export function hasDesignData(input: FlowInput): boolean {
  return (
    (input.requirements?.length ?? 0) > 0 ||
    (input.endpoints?.length ?? 0) > 0 ||
    (input.entities?.length ?? 0) > 0 ||
    (input.paths?.length ?? 0) > 0
  );
}

export function collectDesignFindings(graph: FlowGraph, input: FlowInput, flow: Flow): Finding[] {
  const requirements = input.requirements ?? [];
  const endpoints = input.endpoints ?? [];
  const entities = input.entities ?? [];
  const paths = input.paths ?? [];
  const { components, roles, indexById } = graph;
  // Naming a group costs a pass over the nodes: done only when a finding names one.
  let groupLabels: Map<string, string> | undefined;
  const groups = (): ReadonlyMap<string, string> => {
    groupLabels ??= new Map(input.nodes.filter((node) => !indexById.has(node.id)).map((node) => [node.id, node.label]));
    return groupLabels;
  };
  const nodeName = (id: string): string => {
    const index = indexById.get(id);
    if (index !== undefined) return componentName(components[index]!);
    const group = groups().get(id);
    return group === undefined ? `"${id}"` : `${quoted(group, id)} (Group)`;
  };
  const roleOfId = (id: string): ComponentRole | undefined => {
    const index = indexById.get(id);
    return index === undefined ? undefined : roles[index];
  };
  const findings: Finding[] = [];

  for (const endpoint of endpoints) {
    if (roleOfId(endpoint.node) !== 'client') continue;
    findings.push({
      rule: 'endpoint-on-client',
      severity: 'error',
      message: `${nodeName(endpoint.node)} declares the endpoint ${endpointName(endpoint)}; endpoints belong on a server, so the API stays independent of the client`,
      nodes: [endpoint.node],
      edges: [],
      endpoint: endpoint.id,
    });
  }

  const followable = followablePairs(graph, flow);
  const n = components.length;
  for (const path of paths) {
    for (let k = 0; k + 1 < path.steps.length; k++) {
      const from = path.steps[k]!;
      const to = path.steps[k + 1]!;
      const a = indexById.get(from);
      const b = indexById.get(to);
      if (a !== undefined && b !== undefined && followable.has(a * n + b)) continue;
      findings.push({
        rule: 'path-broken',
        severity: 'error',
        message: `${pathName(path)} is broken between ${nodeName(from)} and ${nodeName(to)}: ${brokenReason(graph, groups(), from, to, flow)}`,
        nodes: [from, to],
        edges: [],
        path: path.id,
      });
    }
  }

  for (const path of paths) {
    const first = path.steps[0];
    const last = path.steps[path.steps.length - 1];
    if (first === undefined || last === undefined) continue;
    const badStart = roleOfId(first) !== REQUEST_START;
    const badEnd = roleOfId(last) !== REQUEST_END;
    if (!badStart && !badEnd) continue;
    const problems: string[] = [];
    if (badStart) problems.push(`starts at ${nodeName(first)}, not at a ${REQUEST_START}`);
    if (badEnd) problems.push(`ends at ${nodeName(last)}, not at a ${REQUEST_END}`);
    const ends: string[] = badStart ? [first] : [];
    if (badEnd && !ends.includes(last)) ends.push(last);
    findings.push({
      rule: 'path-incomplete',
      severity: 'warning',
      message: `${pathName(path)} ${problems.join(' and ')}`,
      nodes: ends,
      edges: [],
      path: path.id,
    });
  }

  const endpointById = new Map<string, (typeof endpoints)[number]>();
  for (const endpoint of endpoints) if (!endpointById.has(endpoint.id)) endpointById.set(endpoint.id, endpoint);
  const served = new Set<string>();
  const named = new Set<string>();
  const visited = new Set<string>();
  for (const path of paths) {
    if (path.requirement !== undefined) served.add(path.requirement);
    if (path.endpoint !== undefined) {
      named.add(path.endpoint);
      for (const id of endpointById.get(path.endpoint)?.requirements ?? []) served.add(id);
    }
    for (const step of path.steps) visited.add(step);
  }

  for (const requirement of requirements) {
    if (requirement.priority !== 'must' || served.has(requirement.id)) continue;
    findings.push({
      rule: 'requirement-untraced',
      severity: 'warning',
      message: `The must-have requirement ${quoted(requirement.text, requirement.id)} is served by no request path`,
      nodes: [],
      edges: [],
      requirement: requirement.id,
    });
  }

  for (const endpoint of endpoints) {
    if (named.has(endpoint.id)) continue;
    findings.push({
      rule: 'endpoint-unused',
      severity: 'warning',
      message: `The endpoint ${endpointName(endpoint)} on ${nodeName(endpoint.node)} is used by no request path`,
      nodes: [endpoint.node],
      edges: [],
      endpoint: endpoint.id,
    });
  }

  for (const entity of entities) {
    if (visited.has(entity.node)) continue;
    findings.push({
      rule: 'entity-unreached',
      severity: 'warning',
      message: `The entity ${quoted(entity.name, entity.id)} on ${nodeName(entity.node)} is reached by no request path`,
      nodes: [entity.node],
      edges: [],
      entity: entity.id,
    });
  }
  return findings;
}

/**
 * Pairs (a, b) of component numbers, as a·n + b, such that a request can go from a to b over one
 * counted edge in `flow`: along it bottom-up, against it top-down, either way when bidirectional.
 */
function followablePairs(graph: FlowGraph, flow: Flow): Set<number> {
  const n = graph.components.length;
  const along = flow !== 'top-down';
  const pairs = new Set<number>();
  for (let e = 0; e < graph.edges.length; e++) {
    const s = graph.edgeSource[e]!;
    const t = graph.edgeTarget[e]!;
    pairs.add(along ? s * n + t : t * n + s);
    if (graph.edges[e]!.bidirectional === true) pairs.add(along ? t * n + s : s * n + t);
  }
  return pairs;
}

function brokenReason(graph: FlowGraph, groups: ReadonlyMap<string, string>, from: string, to: string, flow: Flow): string {
  for (const id of [from, to]) {
    if (graph.indexById.has(id)) continue;
    const group = groups.get(id);
    return group === undefined
      ? `"${id}" is not a component of the diagram`
      : `${quoted(group, id)} is a group, and a path goes through the components in it`;
  }
  if (from === to) return 'a path cannot visit the same component twice in a row';
  return flow === 'top-down'
    ? 'no edge points from the second to the first (in the top-down flow a request travels against the edges)'
    : 'no edge points from the first to the second';
}

function pathName(path: PathInput): string {
  return `The request path ${quoted(path.name, path.id)}`;
}

export function endpointName(endpoint: { method: string; path: string }): string {
  return `${endpoint.method} ${endpoint.path}`.trim();
}

/** User text in quotes, or the id when the text is empty. */
function quoted(text: string, id: string): string {
  return `"${text.trim() === '' ? id : text}"`;
}
