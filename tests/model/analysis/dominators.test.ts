import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { immediateDominators } from '../../../src/model/analysis/dominators';

function rows(n: number, arcs: [number, number][]) {
  const start = new Int32Array(n + 1);
  for (const [s] of arcs) start[s + 1]!++;
  for (let v = 0; v < n; v++) start[v + 1]! += start[v]!;
  const list = new Int32Array(arcs.length);
  const fill = start.slice(0, n);
  for (const [s, t] of arcs) list[fill[s]!++] = t;
  return { start, list };
}

function reachableWithout(n: number, arcs: [number, number][], root: number, removed: number): boolean[] {
  const seen = new Array<boolean>(n).fill(false);
  if (root === removed) return seen;
  const queue = [root];
  seen[root] = true;
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const [s, t] of arcs) {
      if (s === v && t !== removed && !seen[t]) {
        seen[t] = true;
        queue.push(t);
      }
    }
  }
  return seen;
}

/** Sparse as well as dense: in dense random graphs the root dominates nearly everything. */
const graphArb = fc.record({ n: fc.integer({ min: 1, max: 24 }), density: fc.double({ min: 0.5, max: 4, noNaN: true }) }).chain(({ n, density }) =>
  fc.record({
    n: fc.constant(n),
    arcs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: Math.ceil(density * n), size: 'max' }),
    root: fc.nat(n - 1),
  }),
);

describe('immediateDominators (Lengauer–Tarjan)', () => {
  it('gives every vertex the strict dominators that removing each vertex in turn finds', () => {
    fc.assert(
      fc.property(graphArb, ({ n, arcs, root }) => {
        const { start, list } = rows(n, arcs);
        const idom = immediateDominators(n, start, list, root);
        const reach = reachableWithout(n, arcs, root, -1);
        for (let w = 0; w < n; w++) {
          if (!reach[w]) {
            expect(idom[w]).toBe(-1);
            continue;
          }
          const fromTree: number[] = [];
          if (w !== root) for (let v = idom[w]!; ; v = idom[v]!) {
            fromTree.push(v);
            if (v === root) break;
          }
          const bruteForce = [root, ...Array.from({ length: n }, (_, v) => v).filter((v) => v !== root && v !== w && !reachableWithout(n, arcs, root, v)[w])];
          expect(w === root ? [] : [...fromTree].sort((a, b) => a - b)).toEqual(w === root ? [] : bruteForce.sort((a, b) => a - b));
        }
      }),
      { numRuns: 500 },
    );
  });

  it('handles the textbook example of Lengauer and Tarjan’s paper', () => {
    // Vertices R, A..L as 0..12; the paper's figure 1 and its dominator tree.
    const names = 'RABCDEFGHIJKL';
    const arcs: [number, number][] = (
      'RA RB RC AD BA BD BE CF CG DL EH FI GI GJ HE HK IK JI KI KR LH'.split(' ') as string[]
    ).map((pair) => [names.indexOf(pair[0]!), names.indexOf(pair[1]!)]);
    const { start, list } = rows(13, arcs);
    const idom = immediateDominators(13, start, list, 0);
    const parentName = (v: string) => names[idom[names.indexOf(v)]!];
    expect([...'ABCDEFGHIJKL'].map(parentName).join('')).toBe('RRRRRCCRRGRD');
  });

  it('walks a 20,000-vertex chain without running out of stack', () => {
    const n = 20_000;
    const arcs: [number, number][] = Array.from({ length: n - 1 }, (_, i) => [i, i + 1]);
    const { start, list } = rows(n, arcs);
    const idom = immediateDominators(n, start, list, 0);
    expect(idom[n - 1]).toBe(n - 2);
  });
});
