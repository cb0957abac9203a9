import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { erlangB, erlangC } from '../../../src/model/analysis/erlangC';

/** The textbook formula with every a^k/k! taken in log space: an independent route to the same numbers. */
function erlangCDirect(c: number, a: number): number {
  const logs: number[] = [];
  let logTerm = 0;
  for (let k = 0; k <= c; k++) {
    if (k > 0) logTerm += Math.log(a) - Math.log(k);
    logs.push(logTerm);
  }
  const last = logs.pop()! + Math.log(c / (c - a));
  const max = logs.reduce((m, l) => Math.max(m, l), last);
  const sum = logs.reduce((s, l) => s + Math.exp(l - max), 0);
  return Math.exp(last - max) / (sum + Math.exp(last - max));
}

describe('Erlang C against textbook values', () => {
  it('is ρ for one server (M/M/1) and 1/3 for two servers at one erlang (M/M/2, ρ = 0.5: P(wait) = 2ρ²/(1 + ρ))', () => {
    for (const rho of [0.1, 0.5, 0.9, 0.99]) expect(erlangC(1, rho)).toBeCloseTo(rho, 12);
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    // Worked by hand in docs/capacity-model.md: C(4, 2) = 4/23.
    expect(erlangC(4, 2)).toBeCloseTo(4 / 23, 12);
  });

  it('gives the call-centre example every Erlang C tutorial works through', () => {
    // 360 calls per half hour of 240 s each = 48 erlangs on 55 agents: P(wait) 23.87%, and the
    // average speed of answer C·T/(N − A) = 8.18 s.
    const c = erlangC(55, 48);
    expect(c).toBeCloseTo(0.2387, 4);
    expect((c * 240) / (55 - 48)).toBeCloseTo(8.18, 2);
  });

  it('agrees with the Erlang B tables at 1% blocking (5 lines 1.36 E, 10 lines 4.46 E, 100 lines 84.1 E)', () => {
    // Table traffic is rounded to three figures, so blocking lands within a few % of 1%.
    expect(erlangB(5, 1.36)).toBeCloseTo(0.01, 3);
    expect(erlangB(10, 4.46)).toBeCloseTo(0.01, 3);
    expect(erlangB(100, 84.1)).toBeCloseTo(0.01, 3);
    expect(erlangB(10, 5)).toBeCloseTo(0.0184, 4);
  });

  it('matches the direct formula wherever that formula is exact enough to check', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400 }), fc.double({ min: 0.001, max: 0.999, noNaN: true }), (c, rho) => {
        const a = c * rho;
        expect(erlangC(c, a)).toBeCloseTo(erlangCDirect(c, a), 9);
      }),
    );
  });

  it('stays a probability for very large pools, where the textbook form overflows', () => {
    // a^c / c! is Infinity / Infinity here; the recursion never leaves [0, 1].
    expect(erlangC(10_000, 9_900)).toBeCloseTo(erlangCDirect(10_000, 9_900), 9);
    expect(erlangC(1_000_000, 999_000)).toBeGreaterThan(0);
    expect(erlangC(1_000_000, 999_000)).toBeLessThan(1);
    expect(erlangC(1_000_000, 10)).toBe(0);
    expect(erlangC(3, 0)).toBe(0);
    expect(erlangC(3, 3)).toBe(1);
  });

  it('never falls as the load rises, and never rises as servers are added', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.double({ min: 0, max: 0.99, noNaN: true }), fc.double({ min: 0, max: 0.99, noNaN: true }), (c, r1, r2) => {
        const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
        expect(erlangC(c, c * lo)).toBeLessThanOrEqual(erlangC(c, c * hi) + 1e-12);
        expect(erlangC(c + 1, c * hi)).toBeLessThanOrEqual(erlangC(c, c * hi) + 1e-12);
      }),
    );
  });
});
