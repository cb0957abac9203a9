/**
 * Network simplex for layer assignment (Gansner, Koutsofios, North, Vo: "A Technique for
 * Drawing Directed Graphs", 1993): the ranks that minimise the total weighted edge length
 * Σ weight·(rank[target] − rank[source]) subject to rank[target] − rank[source] ≥ minLength.
 * It is the same method ELK's default layering uses; the adapter runs it itself because it adds
 * the band constraints ELK cannot take cheaply (weight-0 edges through two separator nodes).
 * Every edge counts, so long edges (which become dummy nodes ELK must order and route) stay few.
 *
 * Iterative throughout (no recursion), and each pivot is O(nodes + edges); the number of pivots
 * is capped like ELK's own, so the result may be near-optimal on large graphs but always feasible.
 */

export interface SimplexGraph {
  nodeCount: number;
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
  minLength: Int32Array;
}

/**
 * Improves `rank` in place. `rank` must be feasible on entry, and the graph connected (ignoring
 * edge directions) and without self-loops or parallel edges.
 */
export function networkSimplex(graph: SimplexGraph, rank: Int32Array, maxPivots: number): void {
  const { nodeCount: n, source, target, weight, minLength } = graph;
  const m = source.length;
  if (n <= 1 || m === 0) return;

  // Incidence lists: the edges at each node, either direction.
  const incStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    incStart[source[e]! + 1]!++;
    incStart[target[e]! + 1]!++;
  }
  for (let v = 0; v < n; v++) incStart[v + 1]! += incStart[v]!;
  const incident = new Int32Array(2 * m);
  const fill = incStart.slice(0, n);
  for (let e = 0; e < m; e++) {
    incident[fill[source[e]!]!++] = e;
    incident[fill[target[e]!]!++] = e;
  }
  const slack = (e: number) => rank[target[e]!]! - rank[source[e]!]! - minLength[e]!;
  const other = (e: number, v: number) => (source[e] === v ? target[e]! : source[e]!);

  const inTree = new Uint8Array(n);
  const treeEdge = new Uint8Array(m);
  buildTightTree();

  // Tree numbering: parent edge, low/lim for subtree tests, and the orders to walk it in.
  const parentEdge = new Int32Array(n);
  const low = new Int32Array(n);
  const lim = new Int32Array(n);
  const preOrder = new Int32Array(n);
  const postOrder = new Int32Array(n);
  const cut = new Float64Array(m);
  const stack = new Int32Array(n);
  const cursor = new Int32Array(n);
  const ROOT = 0;

  numberTree();
  computeCutValues();
  let searchFrom = 0;
  for (let pivot = 0; pivot < maxPivots; pivot++) {
    const leaving = findLeavingEdge();
    if (leaving < 0) break;
    const entering = findEnteringEdge(leaving);
    if (entering < 0) break;
    treeEdge[leaving] = 0;
    treeEdge[entering] = 1;
    numberTree();
    computeCutValues();
    retightenRanks();
  }
  let lowest = Number.POSITIVE_INFINITY;
  for (let v = 0; v < n; v++) lowest = Math.min(lowest, rank[v]!);
  for (let v = 0; v < n; v++) rank[v]! -= lowest;

  /** A spanning tree of tight edges, shifting the tree's ranks to make one more edge tight each round. */
  function buildTightTree(): void {
    const members = new Int32Array(n);
    const pending = new Int32Array(n);
    let size = 0;
    let top = 0;
    const admit = (v: number) => {
      inTree[v] = 1;
      members[size++] = v;
      pending[top++] = v;
    };
    const grow = () => {
      while (top > 0) {
        const v = pending[--top]!;
        for (let i = incStart[v]!; i < incStart[v + 1]!; i++) {
          const e = incident[i]!;
          const w = other(e, v);
          if (!inTree[w] && slack(e) === 0) {
            treeEdge[e] = 1;
            admit(w);
          }
        }
      }
    };
    admit(0);
    grow();
    while (size < n) {
      let best = -1;
      let bestSlack = Number.POSITIVE_INFINITY;
      for (let e = 0; e < m; e++) {
        if (inTree[source[e]!] === inTree[target[e]!]) continue;
        const s = slack(e);
        if (s < bestSlack) {
          bestSlack = s;
          best = e;
        }
      }
      if (best < 0) return; // disconnected: callers guarantee this cannot happen
      const delta = inTree[source[best]!] ? bestSlack : -bestSlack;
      for (let i = 0; i < size; i++) rank[members[i]!]! += delta;
      for (let e = 0; e < m; e++) {
        const s = source[e]!;
        const t = target[e]!;
        if (inTree[s] === inTree[t] || slack(e) !== 0) continue;
        treeEdge[e] = 1;
        admit(inTree[s] ? t : s);
        grow();
      }
    }
  }

  /** Depth-first numbering from the root: parent edges, pre/post orders, low and lim. */
  function numberTree(): void {
    let top = 0;
    let pre = 0;
    let post = 0;
    let nextLim = 1;
    stack[0] = ROOT;
    cursor[ROOT] = incStart[ROOT]!;
    parentEdge[ROOT] = -1;
    low[ROOT] = nextLim;
    preOrder[pre++] = ROOT;
    while (top >= 0) {
      const v = stack[top]!;
      const i = cursor[v]!;
      if (i < incStart[v + 1]!) {
        cursor[v] = i + 1;
        const e = incident[i]!;
        if (!treeEdge[e] || e === parentEdge[v]) continue;
        const w = other(e, v);
        parentEdge[w] = e;
        cursor[w] = incStart[w]!;
        low[w] = nextLim;
        preOrder[pre++] = w;
        stack[++top] = w;
      } else {
        lim[v] = nextLim++;
        postOrder[post++] = v;
        top--;
      }
    }
  }

  /** Cut value of each tree edge, children first (each from its children's values: O(edges)). */
  function computeCutValues(): void {
    for (let k = 0; k < n - 1; k++) {
      const child = postOrder[k]!;
      const e = parentEdge[child]!;
      const parent = other(e, child);
      const childIsTail = source[e] === child;
      let value = weight[e]!;
      for (let i = incStart[child]!; i < incStart[child + 1]!; i++) {
        const f = incident[i]!;
        if (f === e) continue;
        const isOut = source[f] === child;
        if (other(f, child) === parent) continue;
        const pointsToHead = isOut === childIsTail;
        value += pointsToHead ? weight[f]! : -weight[f]!;
        if (treeEdge[f]) value += pointsToHead ? -cut[f]! : cut[f]!;
      }
      cut[e] = value;
    }
  }

  function findLeavingEdge(): number {
    // Search cyclically from where the last search stopped, as the paper suggests.
    for (let k = 0; k < m; k++) {
      const e = (searchFrom + k) % m;
      if (treeEdge[e] && cut[e]! < 0) {
        searchFrom = e + 1;
        return e;
      }
    }
    return -1;
  }

  function isDescendant(v: number, root: number): boolean {
    return low[root]! <= lim[v]! && lim[v]! <= lim[root]!;
  }

  /** The non-tree edge with least slack that reconnects the two halves the other way round. */
  function findEnteringEdge(leaving: number): number {
    const u = source[leaving]!;
    const v = target[leaving]!;
    const flip = lim[u]! > lim[v]!;
    const tail = flip ? v : u;
    let best = -1;
    let bestSlack = Number.POSITIVE_INFINITY;
    for (let e = 0; e < m; e++) {
      if (treeEdge[e]) continue;
      if (flip === isDescendant(source[e]!, tail) && flip !== isDescendant(target[e]!, tail)) {
        const s = slack(e);
        if (s < bestSlack) {
          bestSlack = s;
          best = e;
        }
      }
    }
    return best;
  }

  /** Ranks from the root down the tree, every tree edge tight. */
  function retightenRanks(): void {
    for (let k = 1; k < n; k++) {
      const v = preOrder[k]!;
      const e = parentEdge[v]!;
      const parent = other(e, v);
      rank[v] = source[e] === parent ? rank[parent]! + minLength[e]! : rank[parent]! - minLength[e]!;
    }
  }
}
