import { describe, expect, it } from 'vitest';
import { peakLoadOf } from '../../../src/model/analysis/peakLoad';

describe('peakLoadOf', () => {
  it('prefers the typed peak, then the scale figures, then the default', () => {
    const scale = { dailyActiveUsers: 1_000_000, requestsPerUserPerDay: 10, peakFactor: 3 };
    expect(peakLoadOf({ load: { peakRps: 250 }, scale })).toEqual({ rps: 250, source: 'typed' });
    // 1,000,000 × 10 / 86,400 × 3 = 347.22…
    expect(peakLoadOf({ scale }).rps).toBeCloseTo(347.222, 3);
    expect(peakLoadOf({ scale }).source).toBe('scale');
    // No peak factor: 2× the average.
    expect(peakLoadOf({ scale: { dailyActiveUsers: 86_400, requestsPerUserPerDay: 1 } }).rps).toBe(2);
    expect(peakLoadOf({ scale: { dailyActiveUsers: 1000 } })).toEqual({ rps: 100, source: 'default' });
    expect(peakLoadOf({})).toEqual({ rps: 100, source: 'default' });
  });
});
