import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkSimplex } from '../../src/layout/networkSimplex';

interface Problem {
  n: number;
  source: number[];
  target: number[];
  weight: number[];
  minLength: number[];
}

/** Connected DAGs on a few nodes: a random tree towards later nodes plus random forward edges. */
const problems: fc.Arbitrary<Problem> = fc
  .integer({ min: 2, max: 6 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      tree: fc.array(fc.nat(), { minLength: n - 1, maxLength: n - 1 }),
      extra: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: n }),
      weights: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 2 * n, maxLength: 2 * n }),
      lengths: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 2 * n, maxLength: 2 * n }),
    }),
  )
  .map(({ n, tree, extra, weights, lengths }) => {
    const pairs = new Set<string>();
    const p: Problem = { n, source: [], target: [], weight: [], minLength: [] };
    const add = (a: number, b: number) => {
      if (a >= b || pairs.has(`${a},${b}`)) return;
      pairs.add(`${a},${b}`);
      const k = p.source.length;
      p.source.push(a);
      p.target.push(b);
      p.weight.push(weights[k % weights.length]!);
      p.minLength.push(lengths[k % lengths.length]!);
    };
    tree.forEach((pick, i) => add(pick % (i + 1), i + 1));
    for (const [a, b] of extra) add(Math.min(a % n, b % n), Math.max(a % n, b % n));
    return p;
  });

function cost(p: Problem, rank: ArrayLike<number>): number {
  return p.source.reduce((sum, s, k) => sum + p.weight[k]! * (rank[p.target[k]!]! - rank[s]!), 0);
}

function feasible(p: Problem, rank: ArrayLike<number>): boolean {
  return p.source.every((s, k) => rank[p.target[k]!]! - rank[s]! >= p.minLength[k]!);
}

/** The true optimum, by trying every rank vector in a range wide enough for these sizes. */
function bruteForce(p: Problem): number {
  const span = p.minLength.reduce((a, b) => a + b, 0);
  const rank = new Array<number>(p.n).fill(0);
  let best = Number.POSITIVE_INFINITY;
  const visit = (i: number) => {
    if (i === p.n) {
      if (feasible(p, rank)) best = Math.min(best, cost(p, rank));
      return;
    }
    for (let r = 0; r <= span; r++) {
      rank[i] = r;
      visit(i + 1);
    }
  };
  visit(0);
  return best;
}

describe('networkSimplex', () => {
  it('finds a feasible layering of least total weighted edge length', () => {
    fc.assert(
      fc.property(problems, (p) => {
        // Longest path from the sources: feasible, rarely optimal.
        const rank = new Int32Array(p.n);
        for (let v = 0; v < p.n; v++) {
          p.target.forEach((t, k) => {
            if (t === v) rank[v] = Math.max(rank[v]!, rank[p.source[k]!]! + p.minLength[k]!);
          });
        }
        networkSimplex(
          {
            nodeCount: p.n,
            source: Int32Array.from(p.source),
            target: Int32Array.from(p.target),
            weight: Float64Array.from(p.weight),
            minLength: Int32Array.from(p.minLength),
          },
          rank,
          1_000,
        );
        expect(feasible(p, rank)).toBe(true);
        expect(Math.min(...rank)).toBe(0);
        expect(cost(p, rank)).toBe(bruteForce(p));
      }),
      { numRuns: 200 },
    );
  });

  it('walks a very long chain without recursion', () => {
    // Deep enough to overflow the stack of a recursive tree walk.
    const n = 100_000;
    const source = Int32Array.from({ length: n - 1 }, (_, i) => i);
    const target = Int32Array.from({ length: n - 1 }, (_, i) => i + 1);
    const rank = Int32Array.from({ length: n }, (_, i) => i + 5);
    networkSimplex(
      { nodeCount: n, source, target, weight: new Float64Array(n - 1).fill(1), minLength: new Int32Array(n - 1).fill(1) },
      rank,
      10,
    );
    expect(rank[0]).toBe(0);
    expect(rank[n - 1]).toBe(n - 1);
  });
});
