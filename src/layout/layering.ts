/**
 * Layer assignment for the children of one container, done here rather than by ELK so the role
 * bands hold by construction: ELK's own ways to force them are too slow (`elk.partitioning` adds
 * an edge between every pair of nodes in neighbouring partitions) or throw (`layerConstraint`
 * FIRST/LAST with edges into the first layer). ELK then takes these layers as they are through
 * its INTERACTIVE layering strategy.
 *
 * Every band gets its own run of layers: all entry layers come before all middle layers, which
 * come before all exit layers. Inside a band, edges between its own nodes stack them (a user
 * drawn into a web client sits one layer before it); edges between bands only need the band
 * order, which the runs already give. A linear longest-path pass finds a valid layering, then
 * network simplex shortens the edges (the step ELK's default layering would have spent the
 * time on). Iterative throughout, so very long chains cannot overflow the stack.
 */
import { networkSimplex } from './networkSimplex';

/**
 * 0: entries (clients in a bottom-up flow), 1: servers and mixed groups, 2: exits, 3: free
 * (support nodes, and groups holding nothing else), which may sit in any layer.
 */
export type Band = 0 | 1 | 2 | 3;
export const BAND_COUNT = 4;
export const FREE_BAND = 3;

/** Free nodes start among the servers; only the final shortening lets them move anywhere. */
function startingBand(band: number): number {
  return band === FREE_BAND ? 1 : band;
}

/**
 * Returns each node's layer index. `sources[k] → targets[k]` are the edges between the
 * siblings as drawn (local indices, never a self-loop). The result orders every edge strictly:
 * for each k, the layers of its two ends differ, so orienting every edge from the lower layer
 * to the higher gives an acyclic graph whose layering is exactly this one.
 */
export function layerSiblings(
  givenBands: ArrayLike<number>,
  sources: ArrayLike<number>,
  targets: ArrayLike<number>,
): Int32Array {
  const n = givenBands.length;
  const bands = new Uint8Array(n);
  for (let v = 0; v < n; v++) bands[v] = startingBand(givenBands[v]!);
  const m = sources.length;
  // Whether a node has an edge arriving from an earlier band or leaving for a later one, after
  // orienting cross-band edges along the flow.
  const fedFromEarlier = new Uint8Array(n);
  const feedsLater = new Uint8Array(n);
  const intraSources: number[] = [];
  const intraTargets: number[] = [];
  for (let k = 0; k < m; k++) {
    const a = sources[k]!;
    const b = targets[k]!;
    const bandA = bands[a]!;
    const bandB = bands[b]!;
    if (bandA === bandB) {
      intraSources.push(a);
      intraTargets.push(b);
    } else if (bandA < bandB) {
      feedsLater[a] = 1;
      fedFromEarlier[b] = 1;
    } else {
      feedsLater[b] = 1;
      fedFromEarlier[a] = 1;
    }
  }

  // Edges inside a band follow an order that breaks their cycles; those that point back
  // against it end up reversed (ELK routes them so).
  const position = acyclicOrder(n, intraSources, intraTargets);
  const order = new Int32Array(n);
  for (let v = 0; v < n; v++) order[position[v]!] = v;
  const start = new Int32Array(n + 1);
  for (let k = 0; k < intraSources.length; k++) {
    const a = intraSources[k]!;
    const b = intraTargets[k]!;
    start[(position[a]! < position[b]! ? a : b) + 1]!++;
  }
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const successors = new Int32Array(start[n]!);
  const fill = start.slice(0, n);
  for (let k = 0; k < intraSources.length; k++) {
    const a = intraSources[k]!;
    const b = intraTargets[k]!;
    if (position[a]! < position[b]!) successors[fill[a]!++] = b;
    else successors[fill[b]!++] = a;
  }

  // Longest path from the band's sources, in that order.
  const local = new Int32Array(n);
  const predecessors = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = order[i]!;
    for (let slot = start[v]!; slot < start[v + 1]!; slot++) {
      const w = successors[slot]!;
      predecessors[w]!++;
      if (local[w]! < local[v]! + 1) local[w] = local[v]! + 1;
    }
  }
  const height = new Int32Array(BAND_COUNT);
  for (let v = 0; v < n; v++) {
    const band = bands[v]!;
    if (local[v]! + 1 > height[band]!) height[band] = local[v]! + 1;
  }

  // A node that nothing earlier feeds moves up next to what it feeds, so a band's sources do
  // not all pile up at its start with long edges out of them.
  for (let v = 0; v < n; v++) {
    if (predecessors[v]! > 0 || fedFromEarlier[v]) continue;
    let nearest = Number.POSITIVE_INFINITY;
    for (let slot = start[v]!; slot < start[v + 1]!; slot++) nearest = Math.min(nearest, local[successors[slot]!]!);
    if (nearest !== Number.POSITIVE_INFINITY) local[v] = nearest - 1;
    else if (feedsLater[v]) local[v] = height[bands[v]!]! - 1;
  }

  const offset = [0, height[0]!, height[0]! + height[1]!];
  const layers = new Int32Array(n);
  for (let v = 0; v < n; v++) layers[v] = offset[bands[v]!]! + local[v]!;
  return shortenEdges(layers, givenBands, sources, targets, offset);
}

/**
 * A node order with few edges pointing backwards: the greedy feedback-arc heuristic of Eades,
 * Lin and Smyth (the one behind ELK's default cycle breaking). Sinks go to the end, sources to
 * the front, otherwise the node with the most surplus of outgoing edges goes next. Returns each
 * node's position. O((nodes + edges) log nodes).
 */
function acyclicOrder(n: number, sources: readonly number[], targets: readonly number[]): Int32Array {
  const m = sources.length;
  const outStart = new Int32Array(n + 1);
  const inStart = new Int32Array(n + 1);
  for (let k = 0; k < m; k++) {
    outStart[sources[k]! + 1]!++;
    inStart[targets[k]! + 1]!++;
  }
  for (let v = 0; v < n; v++) {
    outStart[v + 1]! += outStart[v]!;
    inStart[v + 1]! += inStart[v]!;
  }
  const outList = new Int32Array(m);
  const inList = new Int32Array(m);
  const outFill = outStart.slice(0, n);
  const inFill = inStart.slice(0, n);
  for (let k = 0; k < m; k++) {
    outList[outFill[sources[k]!]!++] = targets[k]!;
    inList[inFill[targets[k]!]!++] = sources[k]!;
  }
  const outDegree = new Int32Array(n);
  const inDegree = new Int32Array(n);
  for (let v = 0; v < n; v++) {
    outDegree[v] = outStart[v + 1]! - outStart[v]!;
    inDegree[v] = inStart[v + 1]! - inStart[v]!;
  }

  const position = new Int32Array(n);
  const removed = new Uint8Array(n);
  const sinks: number[] = [];
  const starts: number[] = [];
  const surplus = new SurplusHeap();
  for (let v = 0; v < n; v++) {
    if (outDegree[v] === 0) sinks.push(v);
    else if (inDegree[v] === 0) starts.push(v);
    else surplus.push(v, outDegree[v]! - inDegree[v]!);
  }
  let front = 0;
  let back = n - 1;
  const remove = (v: number) => {
    removed[v] = 1;
    for (let i = outStart[v]!; i < outStart[v + 1]!; i++) {
      const w = outList[i]!;
      if (removed[w]) continue;
      if (--inDegree[w]! === 0) starts.push(w);
      else surplus.push(w, outDegree[w]! - inDegree[w]!);
    }
    for (let i = inStart[v]!; i < inStart[v + 1]!; i++) {
      const u = inList[i]!;
      if (removed[u]) continue;
      if (--outDegree[u]! === 0) sinks.push(u);
      else surplus.push(u, outDegree[u]! - inDegree[u]!);
    }
  };
  for (let placed = 0; placed < n; placed++) {
    let v = -1;
    while (v < 0 && sinks.length > 0) {
      const c = sinks.pop()!;
      if (!removed[c]) {
        v = c;
        position[v] = back--;
      }
    }
    while (v < 0 && starts.length > 0) {
      const c = starts.pop()!;
      if (!removed[c] && outDegree[c] !== 0) {
        v = c;
        position[v] = front++;
      }
    }
    while (v < 0) {
      const c = surplus.pop(outDegree, inDegree, removed);
      v = c;
      position[v] = front++;
    }
    remove(v);
  }
  return position;
}

/** Max-heap of nodes by out-degree minus in-degree; entries go stale and are skipped lazily. */
class SurplusHeap {
  private readonly nodes: number[] = [];
  private readonly keys: number[] = [];

  push(node: number, key: number): void {
    const { nodes, keys } = this;
    let i = nodes.length;
    nodes.push(node);
    keys.push(key);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.before(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  /** The live node with the largest surplus (ties: lowest index). */
  pop(outDegree: Int32Array, inDegree: Int32Array, removed: Uint8Array): number {
    for (;;) {
      const node = this.nodes[0]!;
      const key = this.keys[0]!;
      this.removeTop();
      if (!removed[node] && key === outDegree[node]! - inDegree[node]!) return node;
    }
  }

  private removeTop(): void {
    const { nodes, keys } = this;
    const lastNode = nodes.pop()!;
    const lastKey = keys.pop()!;
    if (nodes.length === 0) return;
    nodes[0] = lastNode;
    keys[0] = lastKey;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let best = i;
      if (left < nodes.length && this.before(left, best)) best = left;
      if (right < nodes.length && this.before(right, best)) best = right;
      if (best === i) return;
      this.swap(i, best);
      i = best;
    }
  }

  private before(i: number, j: number): boolean {
    const ki = this.keys[i]!;
    const kj = this.keys[j]!;
    return ki > kj || (ki === kj && this.nodes[i]! < this.nodes[j]!);
  }

  private swap(i: number, j: number): void {
    const { nodes, keys } = this;
    [nodes[i], nodes[j]] = [nodes[j]!, nodes[i]!];
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
}

/** Pivots allowed per √node, as ELK's own network simplex layering (thoroughness 7 × 4). */
const PIVOTS_PER_ROOT_NODE = 28;

/**
 * Free nodes connected (through any path) to a banded node may go anywhere, pulled only by their
 * edges. A part made of free nodes alone has nothing to pull it into place, so it stays with
 * the servers (which also keeps the simplex graph connected).
 */
function anchoredFreeNodes(bands: ArrayLike<number>, sources: ArrayLike<number>, targets: ArrayLike<number>): Uint8Array {
  const n = bands.length;
  const root = new Int32Array(n);
  for (let v = 0; v < n; v++) root[v] = v;
  const find = (v: number): number => {
    while (root[v] !== v) {
      root[v] = root[root[v]!]!;
      v = root[v]!;
    }
    return v;
  };
  for (let k = 0; k < sources.length; k++) root[find(sources[k]!)] = find(targets[k]!);
  const banded = new Uint8Array(n);
  for (let v = 0; v < n; v++) if (bands[v] !== FREE_BAND) banded[find(v)] = 1;
  const anchored = new Uint8Array(n);
  for (let v = 0; v < n; v++) anchored[v] = bands[v] === FREE_BAND && banded[find(v)] ? 1 : 0;
  return anchored;
}

/**
 * Longest-path layers stretch edges, and every layer an edge crosses becomes a dummy node that
 * ELK must order and route around: that is what makes a layout slow. Network simplex moves the
 * nodes to minimise total edge length, with the bands kept by two separator nodes joined to
 * every node by weight-0 edges (entry → S1 ≤ middle, middle → S2 ≤ exit), which cost nothing
 * and also join disconnected parts into one problem. Every drawn edge keeps a minimum length of
 * one, so the layering stays strict and edge directions are unchanged.
 */
function shortenEdges(
  initial: Int32Array,
  bands: ArrayLike<number>,
  sources: ArrayLike<number>,
  targets: ArrayLike<number>,
  offset: readonly number[],
): Int32Array {
  const n = initial.length;
  const separatorMiddle = n;
  const separatorExit = n + 1;
  const nodeCount = n + 2;

  // One simplex edge per ordered pair, from the lower layer to the higher, weighted by count.
  const edgeOf = new Map<number, number>();
  const src: number[] = [];
  const tgt: number[] = [];
  const wgt: number[] = [];
  const len: number[] = [];
  const add = (a: number, b: number, weight: number, minLength: number) => {
    const key = a * nodeCount + b;
    const existing = edgeOf.get(key);
    if (existing !== undefined) {
      wgt[existing]! += weight;
      return;
    }
    edgeOf.set(key, src.length);
    src.push(a);
    tgt.push(b);
    wgt.push(weight);
    len.push(minLength);
  };
  for (let k = 0; k < sources.length; k++) {
    const a = sources[k]!;
    const b = targets[k]!;
    if (initial[a]! < initial[b]!) add(a, b, 1, 1);
    else add(b, a, 1, 1);
  }
  const anchored = anchoredFreeNodes(bands, sources, targets);
  for (let v = 0; v < n; v++) {
    const band = bands[v] === FREE_BAND && !anchored[v] ? 1 : bands[v]!;
    if (band === 0) add(v, separatorMiddle, 0, 1);
    else if (band === 1) {
      add(separatorMiddle, v, 0, 0);
      add(v, separatorExit, 0, 1);
    } else if (band === 2) add(separatorExit, v, 0, 0);
  }
  add(separatorMiddle, separatorExit, 0, 0);

  const rank = new Int32Array(nodeCount);
  rank.set(initial);
  rank[separatorMiddle] = offset[1]!;
  rank[separatorExit] = offset[2]!;
  networkSimplex(
    {
      nodeCount,
      source: Int32Array.from(src),
      target: Int32Array.from(tgt),
      weight: Float64Array.from(wgt),
      minLength: Int32Array.from(len),
    },
    rank,
    Math.ceil(PIVOTS_PER_ROOT_NODE * Math.sqrt(nodeCount)),
  );

  // Renumber the ranks the nodes use as 0, 1, 2…, keeping their order.
  let highest = 0;
  for (let v = 0; v < n; v++) highest = Math.max(highest, rank[v]!);
  const used = new Int32Array(highest + 1).fill(-1);
  for (let v = 0; v < n; v++) used[rank[v]!] = 0;
  let next = 0;
  for (let r = 0; r <= highest; r++) if (used[r] === 0) used[r] = next++;
  const layers = new Int32Array(n);
  for (let v = 0; v < n; v++) layers[v] = used[rank[v]!]!;
  return layers;
}
