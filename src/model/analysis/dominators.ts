/**
 * Immediate dominators by Lengauer and Tarjan ("A fast algorithm for finding dominators in a
 * flowgraph", TOPLAS 1979), the simple version: semidominators computed in reverse preorder over
 * a forest with path compression, O(m log n) for n vertices and m arcs. Everything is iterative
 * (depth-first search and path compression both), so a 20,000-vertex chain needs no call stack.
 * Vertex v dominates w when every path from the root to w passes through v.
 */

/**
 * `succStart`/`succList` are the graph in compressed rows (successors of v are
 * `succList[succStart[v] .. succStart[v + 1] - 1]`). Returns each vertex's immediate dominator,
 * the root's own number for the root, and -1 for vertices the root does not reach.
 */
export function immediateDominators(n: number, succStart: Int32Array, succList: Int32Array, root: number): Int32Array {
  // Depth-first preorder: `vertex[i]` is the i-th vertex found, `dfn[v]` its number.
  const dfn = new Int32Array(n).fill(-1);
  const vertex = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const next = new Int32Array(n);
  const stack = new Int32Array(n);
  let count = 0;
  let top = 0;
  dfn[root] = count;
  vertex[count++] = root;
  next[root] = succStart[root]!;
  stack[top++] = root;
  while (top > 0) {
    const v = stack[top - 1]!;
    if (next[v] === succStart[v + 1]) {
      top--;
      continue;
    }
    const w = succList[next[v]!++]!;
    if (dfn[w] !== -1) continue;
    dfn[w] = count;
    vertex[count++] = w;
    parent[dfn[w]!] = dfn[v]!;
    next[w] = succStart[w]!;
    stack[top++] = w;
  }

  // Predecessors among the reached vertices, in preorder numbers.
  const predStart = new Int32Array(count + 1);
  for (let v = 0; v < n; v++) {
    if (dfn[v] === -1) continue;
    for (let k = succStart[v]!; k < succStart[v + 1]!; k++) {
      const w = dfn[succList[k]!]!;
      if (w !== -1) predStart[w + 1]!++;
    }
  }
  for (let i = 0; i < count; i++) predStart[i + 1]! += predStart[i]!;
  const predList = new Int32Array(predStart[count]!);
  const fill = predStart.slice(0, count);
  for (let v = 0; v < n; v++) {
    const dv = dfn[v]!;
    if (dv === -1) continue;
    for (let k = succStart[v]!; k < succStart[v + 1]!; k++) {
      const w = dfn[succList[k]!]!;
      if (w !== -1) predList[fill[w]!++] = dv;
    }
  }

  // From here on every array is indexed by preorder number.
  const semi = new Int32Array(count);
  const label = new Int32Array(count);
  const ancestor = new Int32Array(count).fill(-1);
  const idom = new Int32Array(count);
  const bucketHead = new Int32Array(count).fill(-1);
  const bucketNext = new Int32Array(count).fill(-1);
  const path = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    semi[i] = i;
    label[i] = i;
  }

  const evaluate = (v: number): number => {
    if (ancestor[v] === -1) return v;
    // Compress the forest path above v, farthest first, as the recursive version would unwind.
    let depth = 0;
    let x = v;
    while (ancestor[ancestor[x]!] !== -1) {
      path[depth++] = x;
      x = ancestor[x]!;
    }
    while (depth > 0) {
      const y = path[--depth]!;
      const a = ancestor[y]!;
      if (semi[label[a]!]! < semi[label[y]!]!) label[y] = label[a]!;
      ancestor[y] = ancestor[a]!;
    }
    return label[v]!;
  };

  for (let w = count - 1; w >= 1; w--) {
    for (let k = predStart[w]!; k < predStart[w + 1]!; k++) {
      const u = evaluate(predList[k]!);
      if (semi[u]! < semi[w]!) semi[w] = semi[u]!;
    }
    const s = semi[w]!;
    bucketNext[w] = bucketHead[s]!;
    bucketHead[s] = w;
    const p = parent[w]!;
    ancestor[w] = p;
    for (let v = bucketHead[p]!; v !== -1; v = bucketNext[v]!) {
      const u = evaluate(v);
      idom[v] = semi[u]! < semi[v]! ? u : p;
    }
    bucketHead[p] = -1;
  }
  for (let w = 1; w < count; w++) {
    if (idom[w] !== semi[w]) idom[w] = idom[idom[w]!]!;
  }

  const result = new Int32Array(n).fill(-1);
  result[root] = root;
  for (let w = 1; w < count; w++) result[vertex[w]!] = vertex[idom[w]!]!;
  return result;
}
