/**
 * The checks that look across records: ids are unique, every reference names an existing node,
 * parents are groups, and groups neither form a cycle nor nest too deep; in the design records,
 * every reference names an existing node, requirement or endpoint. Linear in the size of
 * the diagram, iterative (no recursion however deep the input).
 */
import { GROUP_KIND } from '../catalog';
import type { DiagramError, DiagramErrorCode } from '../diagram';
import { LIMITS } from '../limits';
import { quoteText } from '../plainData';
import type { Diagram } from './diagramRecord';
import type { DiagramNode } from './node';

class Stop {
  constructor(readonly error: DiagramError) {}
}

function stop(path: string, problem: string, code: DiagramErrorCode = 'invalid'): never {
  throw new Stop({ code, path, message: `${path}: ${problem}` });
}

export interface ReferenceOptions {
  /**
   * A pasted fragment's requirement references name requirements of the document it is pasted
   * into (src/model/fragment.ts), so they are not looked for in the fragment.
   */
  requirementsElsewhere?: boolean;
}

/** The first cross-record problem, in document order, or undefined when there is none. */
export function checkReferences(diagram: Diagram, options: ReferenceOptions = {}): DiagramError | undefined {
  try {
    // A Map, so that ids like "constructor" are never found on a prototype. Plain loops here and
    // below: this pass is a fifth of reading a 10,000-node file (issue 11).
    const index = new Map<string, number>();
    const nodes = diagram.nodes;
    for (let i = 0; i < nodes.length; i++) {
      const id = nodes[i]!.id;
      // One lookup per id: a map that did not grow already held it.
      index.set(id, i);
      if (index.size === i) stop(`nodes[${i}].id`, `${quoteText(id)} is already the id of nodes[${firstWithId(nodes, id)}]`);
    }
    checkParents(nodes, index);
    checkEdges(diagram, index);
    checkDesign(diagram, index, options);
    return undefined;
  } catch (err) {
    if (err instanceof Stop) return err.error;
    throw err;
  }
}

/**
 * Every parent must be an existing group, without cycles and not nested too deep. Depths are
 * memoised so the whole check is linear even for long chains.
 */
function checkParents(nodes: readonly DiagramNode[], index: ReadonlyMap<string, number>): void {
  for (let i = 0; i < nodes.length; i++) {
    const parent = nodes[i]?.parent;
    if (parent === undefined) continue;
    const at = index.get(parent);
    if (at === undefined) stop(`nodes[${i}].parent`, `${quoteText(parent)} is not a node id`);
    if (nodes[at]?.kind !== GROUP_KIND) stop(`nodes[${i}].parent`, `${quoteText(parent)} is not a group`);
  }

  const UNKNOWN = -1;
  const VISITING = -2;
  const depth = new Int32Array(nodes.length).fill(UNKNOWN);
  // One chain, emptied for each start, rather than a new list per node.
  const chain: number[] = [];
  for (let start = 0; start < nodes.length; start++) {
    if (depth[start]! >= 0) continue;
    chain.length = 0;
    let at: number | undefined = start;
    let base = 0;
    while (at !== undefined) {
      const d = depth[at]!;
      if (d >= 0) {
        base = d;
        break;
      }
      if (d === VISITING) {
        const cycleFrom = chain.indexOf(at);
        const ids = [...chain.slice(cycleFrom), at].map((n) => nodes[n]?.id ?? '');
        const first = chain[cycleFrom] ?? at;
        stop(
          `nodes[${first}].parent`,
          `${quoteText(nodes[first]?.parent ?? '')} makes a cycle of groups (${ids.join(' → ')})`,
        );
      }
      depth[at] = VISITING;
      chain.push(at);
      const parent: string | undefined = nodes[at]?.parent;
      at = parent === undefined ? undefined : index.get(parent);
      if (at === undefined) base = -1;
    }
    // `base` is the depth of the first already-known ancestor, or -1 past the root.
    for (let k = chain.length - 1; k >= 0; k--) {
      const n = chain[k] ?? 0;
      base += 1;
      depth[n] = base;
      if (base > LIMITS.maxGroupDepth) {
        stop(`nodes[${n}].parent`, `groups nest more than ${LIMITS.maxGroupDepth} deep here`, 'limit');
      }
    }
  }
}

function checkEdges(diagram: Diagram, nodes: ReadonlyMap<string, number>): void {
  const seen = new Set<string>();
  const edges = diagram.edges;
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i]!;
    seen.add(edge.id);
    if (seen.size === i) stop(`edges[${i}].id`, `${quoteText(edge.id)} is already the id of edges[${firstWithId(edges, edge.id)}]`);
    if (!nodes.has(edge.source)) stop(`edges[${i}].source`, `${quoteText(edge.source)} is not a node id`);
    if (!nodes.has(edge.target)) stop(`edges[${i}].target`, `${quoteText(edge.target)} is not a node id`);
  }
}

/** Where `id` first appears in `records`; asked only once a duplicate is found. */
function firstWithId(records: readonly { id: string }[], id: string): number {
  return records.findIndex((record) => record.id === id);
}

/** Ids of one table, refusing a duplicate. */
function indexIds(table: string, records: readonly { id: string }[] | undefined): Map<string, number> {
  const seen = new Map<string, number>();
  (records ?? []).forEach((record, i) => {
    const before = seen.get(record.id);
    if (before !== undefined) stop(`${table}[${i}].id`, `${quoteText(record.id)} is already the id of ${table}[${before}]`);
    seen.set(record.id, i);
  });
  return seen;
}

/** What a reference is looked up in. */
interface IdSet {
  has(id: string): boolean;
}

function expectId(ids: IdSet, value: string | undefined, place: string, what: string): void {
  if (value !== undefined && !ids.has(value)) stop(place, `${quoteText(value)} is not ${what}`);
}

function expectIds(ids: IdSet, values: readonly string[] | undefined, place: string, what: string): void {
  values?.forEach((value, k) => expectId(ids, value, `${place}[${k}]`, what));
}

function checkDesign(diagram: Diagram, nodes: ReadonlyMap<string, number>, options: ReferenceOptions): void {
  const listed = indexIds('requirements', diagram.requirements);
  // Any id passes when the requirements are elsewhere.
  const requirements: IdSet = options.requirementsElsewhere ? { has: () => true } : listed;
  const endpoints = indexIds('endpoints', diagram.endpoints);
  indexIds('entities', diagram.entities);
  indexIds('paths', diagram.paths);
  indexIds('notes', diagram.notes);
  diagram.endpoints?.forEach((endpoint, i) => {
    expectId(nodes, endpoint.node, `endpoints[${i}].node`, 'a node id');
    expectIds(requirements, endpoint.requirements, `endpoints[${i}].requirements`, 'a requirement id');
  });
  diagram.entities?.forEach((entity, i) => {
    expectId(nodes, entity.node, `entities[${i}].node`, 'a node id');
    expectIds(endpoints, entity.endpoints, `entities[${i}].endpoints`, 'an endpoint id');
  });
  diagram.paths?.forEach((path, i) => {
    expectId(requirements, path.requirement, `paths[${i}].requirement`, 'a requirement id');
    expectId(endpoints, path.endpoint, `paths[${i}].endpoint`, 'an endpoint id');
    expectIds(nodes, path.steps, `paths[${i}].steps`, 'a node id');
  });
  diagram.notes?.forEach((note, i) => expectId(nodes, note.pin, `notes[${i}].pin`, 'a node id'));
}
