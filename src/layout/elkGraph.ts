/**
 * Turns a diagram into the ELK graph the adapter lays out: groups as compound nodes, every node
 * pre-placed on the layer `layerSiblings` gave it (ELK's INTERACTIVE layering keeps it there),
 * and every edge oriented from its lower layer to its higher one, so ELK sees an acyclic graph
 * and has nothing of its own to reverse. Linear in nodes + edges (times the group depth), apart
 * from the network simplex inside `layerSiblings`.
 *
 * The band rule inside groups: bands hold among siblings, in every container. A group's band
 * comes from the components it holds (support nodes aside): only entries → the entry band, only
 * exits → the exit band, servers or a mix → the middle band, nothing but support (or nothing at
 * all) → no band, like a support node: it goes wherever its edges pull it. So without
 * groups every client is strictly below every server below every datastore (bottom-up), and a
 * group that mixes roles sits with the servers while its own children are banded inside it.
 */
import { roleOf, defaultSize, type Role } from '../model/catalog';
import type { Diagram, DiagramNode, LayoutDirection, Size } from '../model/diagram';
import { LIMITS } from '../model/limits';
import { alongFlow, elkDirection } from './direction';
import { FREE_BAND, layerSiblings, type Band } from './layering';
import type { ElkGraphEdge, ElkGraphNode } from './layoutTypes';

const ROOT_ID = 'root';
const NODE_PREFIX = 'n';
const EDGE_PREFIX = 'e';

/**
 * Distance between pre-placed layers along the flow. INTERACTIVE layering merges nodes whose
 * extents overlap into one layer, so this must exceed the largest group ELK produces; a layout
 * with anything larger than LIMITS.maxCoordinate is refused anyway. Only an input hint (ELK
 * replaces every coordinate), and LIMITS.maxNodes layers of it stay exact in doubles.
 */
const LAYER_STEP = LIMITS.maxCoordinate * 4;

/** Spacing in pixels; the layer gap leaves room for an edge label between two layers. */
const SPACING = {
  nodeNode: 40,
  betweenLayers: 80,
  edgeNode: 20,
  edgeEdge: 12,
  groupPadding: '[top=48,left=24,bottom=24,right=24]',
  rootPadding: '[top=24,left=24,bottom=24,right=24]',
} as const;

export interface ElkPlan {
  graph: ElkGraphNode;
  /** Resolved parent of each node (index), -1 at the top level. */
  parent: Int32Array;
  /** Nesting depth of each node, 0 at the top level. */
  depth: Int32Array;
  band: Uint8Array;
  /** Per edge: 1 when it was given to ELK target-first, so its route must be read backwards. */
  reversed: Uint8Array;
  /** Per edge: 1 when it was given to ELK (both ends exist, and ELK can route it). */
  included: Uint8Array;
  /**
   * Per edge: 1 when it joins a node to a group two or more levels above it. ELK rejects these
   * (UnsupportedConfigurationException on the inner group's port), so the adapter draws them.
   */
  routedHere: Uint8Array;
}

export type ElkPlanResult = { ok: true; plan: ElkPlan } | { ok: false; message: string };

function elkNodeId(index: number): string {
  return NODE_PREFIX + index;
}

/** The diagram index an ELK id names, or -1. */
export function indexOfElkId(id: string, prefix: 'node' | 'edge'): number {
  const expected = prefix === 'node' ? NODE_PREFIX : EDGE_PREFIX;
  if (!id.startsWith(expected)) return -1;
  const index = Number(id.slice(1));
  return Number.isInteger(index) && index >= 0 ? index : -1;
}

function usableSize(size: Size | undefined): Size | undefined {
  if (!size) return undefined;
  const { width, height } = size;
  const ok = (v: number) => Number.isFinite(v) && v > 0 && v <= LIMITS.maxCoordinate;
  return ok(width) && ok(height) ? { width, height } : undefined;
}

export function sizeFor(node: DiagramNode, sizes: ReadonlyMap<string, Size> | undefined): Size {
  return usableSize(sizes?.get(node.id)) ?? usableSize(node.size) ?? defaultSize(node.kind);
}

/**
 * Crossing minimisation is most of ELK's time, and the bands make edges longer than a free
 * layering would (every layer an edge crosses is a node to order). Past this many nodes ELK
 * gets fewer random restarts (thoroughness 3 instead of its default 7): on 500-node random
 * architectures that costs under 10% more crossings and keeps the layout about as fast as a
 * bare ELK run. Smaller diagrams, where every crossing shows, keep the default.
 */
const LARGE_DIAGRAM_NODES = 150;
const LARGE_DIAGRAM_THOROUGHNESS = '3';

/**
 * Large diagrams also get tighter gaps. The bands give them more layers and longer edges than a
 * free layering, and every long edge is a column of its own in each layer it passes, so the
 * small-diagram gaps made a 500-node drawing 1.48× bare ELK's area per node (31,185 × 13,692 px)
 * and a 1,000-node one 1.68×. These bring them to 1.02× and 1.15× (bench "drawing area per
 * node", target ≤ 1.2×) with the same crossings; a label still fits in a layer gap.
 */
const LARGE_DIAGRAM_SPACING: Record<string, string> = {
  'elk.spacing.nodeNode': '30',
  'elk.spacing.edgeNode': '10',
  'elk.spacing.edgeEdge': '6',
  'elk.layered.spacing.nodeNodeBetweenLayers': '40',
  'elk.layered.spacing.edgeNodeBetweenLayers': '10',
  'elk.layered.spacing.edgeEdgeBetweenLayers': '6',
};

/**
 * For every node inside a group. ELK pins a node whose only edges leave its group to the group's
 * first or last layer (LayerConstraintPreprocessor) unless the node already has a layer
 * constraint; an explicit NONE keeps the band layering inside groups.
 */
const CHILD_OPTIONS: Record<string, string> = { 'elk.layered.layering.layerConstraint': 'NONE' };

const ENTRY = 1;
const EXIT = 2;
const MIDDLE = 4;

function graphOptions(direction: LayoutDirection, padding: string, nodeCount: number): Record<string, string> {
  return {
    ...(nodeCount > LARGE_DIAGRAM_NODES ? { 'elk.layered.thoroughness': LARGE_DIAGRAM_THOROUGHNESS } : {}),
    'elk.algorithm': 'layered',
    'elk.direction': elkDirection(direction),
    'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
    'elk.edgeRouting': 'ORTHOGONAL',
    'elk.layered.layering.strategy': 'INTERACTIVE',
    // Packing components separately would give each its own layers and put them side by side
    // along the flow, which breaks the bands; one layering for everything keeps them aligned.
    'elk.separateConnectedComponents': 'false',
    'elk.spacing.nodeNode': String(SPACING.nodeNode),
    'elk.layered.spacing.nodeNodeBetweenLayers': String(SPACING.betweenLayers),
    'elk.spacing.edgeNode': String(SPACING.edgeNode),
    'elk.spacing.edgeEdge': String(SPACING.edgeEdge),
    'elk.json.edgeCoords': 'ROOT',
    'elk.padding': padding,
    ...(nodeCount > LARGE_DIAGRAM_NODES ? LARGE_DIAGRAM_SPACING : {}),
  };
}

/**
 * Resolves each node's container: a parent that is missing, not a group, or part of a parent
 * cycle is ignored (the file parser rejects these; the adapter must still not loop or throw).
 */
function resolveParents(nodes: readonly DiagramNode[], indexById: ReadonlyMap<string, number>, isGroup: Uint8Array) {
  const n = nodes.length;
  const parent = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const p = nodes[i]!.parent === undefined ? undefined : indexById.get(nodes[i]!.parent!);
    if (p !== undefined && p !== i && isGroup[p]) parent[i] = p;
  }
  const depth = new Int32Array(n).fill(-1);
  const onPath = new Uint8Array(n);
  const path: number[] = [];
  for (let i = 0; i < n; i++) {
    let v = i;
    while (v !== -1 && depth[v] === -1 && !onPath[v]) {
      onPath[v] = 1;
      path.push(v);
      v = parent[v]!;
    }
    if (v !== -1 && onPath[v]) {
      // The walk came back to itself: cut the cycle at the node it came back from.
      parent[path[path.length - 1]!] = -1;
    }
    for (let k = path.length - 1; k >= 0; k--) {
      const u = path[k]!;
      const p = parent[u]!;
      depth[u] = p === -1 ? 0 : depth[p]! + 1;
      onPath[u] = 0;
    }
    path.length = 0;
  }
  return { parent, depth };
}

export function buildElkGraph(
  diagram: Diagram,
  direction: LayoutDirection,
  sizes: ReadonlyMap<string, Size> | undefined,
): ElkPlanResult {
  const { nodes, edges } = diagram;
  const n = nodes.length;
  const indexById = new Map<string, number>();
  const isGroup = new Uint8Array(n);
  const role: Role[] = new Array<Role>(n);
  for (let i = 0; i < n; i++) {
    const node = nodes[i]!;
    if (indexById.has(node.id)) return { ok: false, message: `Two nodes share the id "${node.id}".` };
    indexById.set(node.id, i);
    role[i] = roleOf(node);
    isGroup[i] = role[i] === 'group' ? 1 : 0;
  }
  const { parent, depth } = resolveParents(nodes, indexById, isGroup);

  // Entry/exit/middle flags, gathered from the deepest nodes up into their groups.
  const entryRole: Role = diagram.flow === 'top-down' ? 'datastore' : 'client';
  const exitRole: Role = diagram.flow === 'top-down' ? 'client' : 'datastore';
  const flags = new Uint8Array(n);
  let maxDepth = 0;
  for (let i = 0; i < n; i++) {
    maxDepth = Math.max(maxDepth, depth[i]!);
    const r = role[i];
    flags[i] = r === entryRole ? ENTRY : r === exitRole ? EXIT : r === 'server' ? MIDDLE : 0;
  }
  const byDepth: number[][] = Array.from({ length: maxDepth + 1 }, () => []);
  for (let i = 0; i < n; i++) byDepth[depth[i]!]!.push(i);
  for (let d = maxDepth; d > 0; d--) {
    for (const i of byDepth[d]!) flags[parent[i]!]! |= flags[i]!;
  }
  // A component's flags are its own role; a group's are the union of what it holds.
  const band = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const f = flags[i]!;
    const b: Band = f === 0 ? FREE_BAND : f === ENTRY ? 0 : f === EXIT ? 2 : 1;
    band[i] = b;
  }

  // Siblings get local indices inside their container (container -1 is the top level).
  const local = new Int32Array(n);
  const members: number[][] = Array.from({ length: n + 1 }, () => []);
  for (let i = 0; i < n; i++) {
    const list = members[parent[i]! + 1]!;
    local[i] = list.length;
    list.push(i);
  }

  // Each edge constrains the two siblings that hold its ends under their deepest common
  // container; an edge between a group and its own content constrains nothing.
  const m = edges.length;
  const included = new Uint8Array(m);
  const routedHere = new Uint8Array(m);
  const liftedSource = new Int32Array(m).fill(-1);
  const liftedTarget = new Int32Array(m).fill(-1);
  const containerSources = new Map<number, number[]>();
  const containerTargets = new Map<number, number[]>();
  for (let k = 0; k < m; k++) {
    const edge = edges[k]!;
    const s = indexById.get(edge.source);
    const t = indexById.get(edge.target);
    if (s === undefined || t === undefined) continue;
    let a = s;
    let b = t;
    while (depth[a]! > depth[b]!) a = parent[a]!;
    while (depth[b]! > depth[a]!) b = parent[b]!;
    if (a === b) {
      // One end holds the other (or a self-loop): no sibling order to keep.
      if (Math.abs(depth[s]! - depth[t]!) >= 2) routedHere[k] = 1;
      else included[k] = 1;
      continue;
    }
    included[k] = 1;
    while (parent[a] !== parent[b]) {
      a = parent[a]!;
      b = parent[b]!;
    }
    liftedSource[k] = a;
    liftedTarget[k] = b;
    const container = parent[a]!;
    let srcs = containerSources.get(container);
    let tgts = containerTargets.get(container);
    if (!srcs || !tgts) {
      srcs = [];
      tgts = [];
      containerSources.set(container, srcs);
      containerTargets.set(container, tgts);
    }
    srcs.push(local[a]!);
    tgts.push(local[b]!);
  }

  const layer = new Int32Array(n);
  for (let c = 0; c <= n; c++) {
    const list = members[c]!;
    if (list.length === 0) continue;
    const bands = new Uint8Array(list.length);
    for (let j = 0; j < list.length; j++) bands[j] = band[list[j]!]!;
    const layers = layerSiblings(bands, containerSources.get(c - 1) ?? [], containerTargets.get(c - 1) ?? []);
    for (let j = 0; j < list.length; j++) layer[list[j]!] = layers[j]!;
  }

  // The ELK tree, in file order.
  const groupOptions = { ...graphOptions(direction, SPACING.groupPadding, n), ...CHILD_OPTIONS };
  const elkNodes: ElkGraphNode[] = new Array<ElkGraphNode>(n);
  for (let i = 0; i < n; i++) {
    const size = sizeFor(nodes[i]!, sizes);
    const at = alongFlow(direction, layer[i]! * LAYER_STEP);
    elkNodes[i] = { id: elkNodeId(i), x: at.x, y: at.y, width: size.width, height: size.height };
  }
  const rootChildren: ElkGraphNode[] = [];
  for (let i = 0; i < n; i++) {
    const p = parent[i]!;
    if (p === -1) {
      rootChildren.push(elkNodes[i]!);
      continue;
    }
    const container = elkNodes[p]!;
    if (!container.children) {
      container.children = [];
      container.layoutOptions = groupOptions;
    }
    // A group listed before its parent already has its options, which include these.
    elkNodes[i]!.layoutOptions ??= CHILD_OPTIONS;
    container.children.push(elkNodes[i]!);
  }

  const reversed = new Uint8Array(m);
  const elkEdges: ElkGraphEdge[] = [];
  for (let k = 0; k < m; k++) {
    if (!included[k]) continue;
    const edge = edges[k]!;
    const a = liftedSource[k]!;
    const b = liftedTarget[k]!;
    const backwards = a !== -1 && layer[a]! > layer[b]!;
    reversed[k] = backwards ? 1 : 0;
    const s = elkNodeId(indexById.get(edge.source)!);
    const t = elkNodeId(indexById.get(edge.target)!);
    elkEdges.push({ id: EDGE_PREFIX + k, sources: [backwards ? t : s], targets: [backwards ? s : t] });
  }

  const graph: ElkGraphNode = {
    id: ROOT_ID,
    layoutOptions: graphOptions(direction, SPACING.rootPadding, n),
    children: rootChildren,
    edges: elkEdges,
  };
  return { ok: true, plan: { graph, parent, depth, band, reversed, included, routedHere } };
}
