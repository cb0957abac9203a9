import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { peakLoadOf, peakRpsOf } from '../../../src/model/analysis/peakLoad';
import type { ScaleInput } from '../../../src/model/design/estimates';
import { loadShippedProblem } from '../../../src/model/practice/problemLibrary';
import { reviewScale } from '../../../src/model/practice/review/reviewScale';

describe('peakLoadOf', () => {
  it('prefers the typed peak, then the scale figures, then the default', () => {
    const scale = { dailyActiveUsers: 1_000_000, requestsPerUserPerDay: 10, peakFactor: 3 };
    expect(peakLoadOf({ load: { peakRps: 250 }, scale })).toEqual({ rps: 250, source: 'typed' });
    // 1,000,000 × 10 / 86,400 × 3 = 347.22…
    expect(peakLoadOf({ scale }).rps).toBeCloseTo(347.222, 3);
    expect(peakLoadOf({ scale }).source).toBe('scale');
    expect(peakLoadOf({ scale: { dailyActiveUsers: 1000 } })).toEqual({ rps: 100, source: 'default' });
    expect(peakLoadOf({})).toEqual({ rps: 100, source: 'default' });
  });

  it('takes the average itself as the peak when the scale figures give no peak factor (or 0)', () => {
    // 86,400 users × 1 request a day = 1 request/s on average; no factor is guessed on top.
    expect(peakLoadOf({ scale: { dailyActiveUsers: 86_400, requestsPerUserPerDay: 1 } })).toEqual({ rps: 1, source: 'scale' });
    expect(peakRpsOf({ dailyActiveUsers: 86_400, requestsPerUserPerDay: 1, peakFactor: 0 })).toBe(1);
    expect(peakRpsOf({ dailyActiveUsers: 86_400, requestsPerUserPerDay: 10, peakFactor: 2.5 })).toBe(25);
    expect(peakRpsOf({ requestsPerUserPerDay: 10 })).toBeNull();
    expect(peakRpsOf(undefined)).toBeNull();
  });
});

describe('one peak for the Capacity panel and the practice review', () => {
  it('reviews a problem at the peak the Capacity panel shows for the same scale figures', async () => {
    const parsed = await loadShippedProblem('url-shortener');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const problem = parsed.value;
    const statedPeak = (scale: ScaleInput) => {
      const review = reviewScale({ ...problem, scale }, problem.reference);
      // "Nothing overloaded at the peak (1,000 requests/s)" or "Overloaded at the peak (…): …".
      const found = review.points.map((p) => /at the peak \(([\d,]+) requests\/s\)/.exec(p.text)).find(Boolean);
      return found ? Number(found[1]!.replace(/,/g, '')) : null;
    };
    // Without a peak factor both read the average: 8,640,000 users × 10 / 86,400 s = 1,000/s.
    const { peakFactor: _, ...noFactor } = problem.scale;
    const average = { ...noFactor, dailyActiveUsers: 8_640_000, requestsPerUserPerDay: 10 };
    expect(statedPeak(average)).toBe(1000);
    expect(peakLoadOf({ scale: average }).rps).toBe(1000);
    fc.assert(
      fc.property(fc.integer({ min: 1_000, max: 50_000_000 }), fc.integer({ min: 1, max: 100 }), fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }), (users, perUser, factor) => {
        const scale = { ...noFactor, dailyActiveUsers: users, requestsPerUserPerDay: perUser, ...(factor === undefined ? {} : { peakFactor: factor }) };
        return statedPeak(scale) === Math.round(peakLoadOf({ scale }).rps);
      }),
      { numRuns: 25, seed: 13 },
    );
  });
});
