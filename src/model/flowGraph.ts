/**
 * The counted graph the flow validator walks: components only (groups left out), edges between
 * two components only, self-loops dropped, bidirectional edges followable both ways. Adjacency is
 * kept in flat typed arrays and every walk is an explicit queue, so a 20,000-node chain costs
 * linear time and no stack.
 */
import { roleOf } from './catalog';
import type { Role } from './catalog';
import type { Flow } from './diagram';

export interface FlowNodeInput {
  id: string;
  kind: string;
  label: string;
  role?: Role;
}

export interface FlowEdgeInput {
  id: string;
  source: string;
  target: string;
  bidirectional?: boolean;
}

/** A functional requirement, as the design rules read it. */
export interface RequirementInput {
  id: string;
  text: string;
  priority: 'must' | 'should' | 'could';
}

/** An endpoint served by the component `node`. */
export interface EndpointInput {
  id: string;
  node: string;
  method: string;
  path: string;
  /** Ids of the requirements it serves. */
  requirements?: readonly string[];
}

/** An entity kept on the component `node`. */
export interface EntityInput {
  id: string;
  node: string;
  name: string;
}

/** A request path: component ids in the order a request visits them, client first. */
export interface PathInput {
  id: string;
  name: string;
  requirement?: string;
  endpoint?: string;
  steps: readonly string[];
}

/**
 * What the validator reads; structural, so a `Diagram` fits. The design lists are optional: a
 * diagram without them validates with the flow rules alone.
 */
export interface FlowInput {
  flow: Flow;
  nodes: readonly FlowNodeInput[];
  edges: readonly FlowEdgeInput[];
  requirements?: readonly RequirementInput[];
  endpoints?: readonly EndpointInput[];
  entities?: readonly EntityInput[];
  paths?: readonly PathInput[];
}

export type ComponentRole = Exclude<Role, 'group'>;

export interface FlowGraph {
  /** Components in file order; index = component number. */
  components: FlowNodeInput[];
  roles: ComponentRole[];
  /** Counted edges in file order. */
  edges: FlowEdgeInput[];
  edgeSource: Int32Array;
  edgeTarget: Int32Array;
  /** Counted edges touching each component. */
  degree: Int32Array;
  /** Where each component's followable successors start in `outList` (length n + 1). */
  outStart: Int32Array;
  outList: Int32Array;
  /** Same for predecessors: the transpose of the out lists. */
  inStart: Int32Array;
  inList: Int32Array;
  /** Component number by id (the first component with a repeated id). */
  indexById: ReadonlyMap<string, number>;
}

export function buildFlowGraph(input: FlowInput): FlowGraph {
  const components: FlowNodeInput[] = [];
  const roles: ComponentRole[] = [];
  const indexById = new Map<string, number>();
  for (const node of input.nodes) {
    const role = roleOf(node);
    // A repeated id would make edges ambiguous; the first node with it is the one edges reach.
    if (role === 'group' || indexById.has(node.id)) continue;
    indexById.set(node.id, components.length);
    components.push(node);
    roles.push(role);
  }
  const n = components.length;

  const edges: FlowEdgeInput[] = [];
  const sources: number[] = [];
  const targets: number[] = [];
  for (const edge of input.edges) {
    const s = indexById.get(edge.source);
    const t = indexById.get(edge.target);
    if (s === undefined || t === undefined || s === t) continue;
    edges.push(edge);
    sources.push(s);
    targets.push(t);
  }
  const m = edges.length;
  const edgeSource = Int32Array.from(sources);
  const edgeTarget = Int32Array.from(targets);

  const degree = new Int32Array(n);
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const s = edgeSource[e]!;
    const t = edgeTarget[e]!;
    degree[s]!++;
    degree[t]!++;
    outStart[s + 1]!++;
    inStart[t + 1]!++;
    if (edges[e]!.bidirectional === true) {
      outStart[t + 1]!++;
      inStart[s + 1]!++;
    }
  }
  for (let i = 0; i < n; i++) {
    outStart[i + 1]! += outStart[i]!;
    inStart[i + 1]! += inStart[i]!;
  }
  const outList = new Int32Array(outStart[n]!);
  const inList = new Int32Array(inStart[n]!);
  const outFill = outStart.slice(0, n);
  const inFill = inStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    const s = edgeSource[e]!;
    const t = edgeTarget[e]!;
    outList[outFill[s]!++] = t;
    inList[inFill[t]!++] = s;
    if (edges[e]!.bidirectional === true) {
      outList[outFill[t]!++] = s;
      inList[inFill[s]!++] = t;
    }
  }
  return { components, roles, edges, edgeSource, edgeTarget, degree, outStart, outList, inStart, inList, indexById };
}

/** Marks every component some start reaches along `start`/`list` (a start reaches itself). */
export function reachable(
  graph: FlowGraph,
  isStart: (index: number) => boolean,
  start: Int32Array,
  list: Int32Array,
): Uint8Array {
  const n = graph.components.length;
  const seen = new Uint8Array(n);
  const queue = new Int32Array(n);
  let tail = 0;
  for (let i = 0; i < n; i++) {
    if (isStart(i)) {
      seen[i] = 1;
      queue[tail++] = i;
    }
  }
  for (let head = 0; head < tail; head++) {
    const v = queue[head]!;
    for (let k = start[v]!; k < start[v + 1]!; k++) {
      const w = list[k]!;
      if (seen[w] === 0) {
        seen[w] = 1;
        queue[tail++] = w;
      }
    }
  }
  return seen;
}

/**
 * Weakly connected parts, numbered in the file order of their first component, so part 0 holds
 * the earliest component. Components with no counted edge get -1.
 */
export function weakParts(graph: FlowGraph): { part: Int32Array; sizes: number[] } {
  const n = graph.components.length;
  const part = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  const queue = new Int32Array(n);
  const { outStart, outList, inStart, inList, degree } = graph;
  for (let root = 0; root < n; root++) {
    if (part[root] !== -1 || degree[root] === 0) continue;
    const id = sizes.length;
    let tail = 0;
    part[root] = id;
    queue[tail++] = root;
    for (let head = 0; head < tail; head++) {
      const v = queue[head]!;
      for (let k = outStart[v]!; k < outStart[v + 1]!; k++) {
        const w = outList[k]!;
        if (part[w] === -1) {
          part[w] = id;
          queue[tail++] = w;
        }
      }
      for (let k = inStart[v]!; k < inStart[v + 1]!; k++) {
        const w = inList[k]!;
        if (part[w] === -1) {
          part[w] = id;
          queue[tail++] = w;
        }
      }
    }
    sizes.push(tail);
  }
  return { part, sizes };
}
