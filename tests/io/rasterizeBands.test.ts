import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BAND_BUDGET_MS, MIN_BAND, bandQuantum, nextBandHeight } from '../../src/io/rasterizeBands';

describe('bandQuantum', () => {
  it('is one CSS pixel at whole scales and enough for whole device pixels at lowered ones', () => {
    expect([1, 2, 3].map(bandQuantum)).toEqual([1, 1, 1]);
    expect(bandQuantum(1.5)).toBe(2);
    expect(bandQuantum(1.25)).toBe(4);
    expect(bandQuantum(1.37)).toBe(100);
  });

  it('always puts band edges on whole device pixels', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 1, max: 50 }), (hundredths, k) => {
        const scale = hundredths / 100;
        const top = bandQuantum(scale) * k;
        expect(Math.abs(top * scale - Math.round(top * scale))).toBeLessThan(1e-6);
      }),
    );
  });
});

describe('nextBandHeight', () => {
  it('grows a band that was quick and shrinks one that was slow, at most 2× either way', () => {
    expect(nextBandHeight(100, BAND_BUDGET_MS, 1)).toBe(100);
    expect(nextBandHeight(100, BAND_BUDGET_MS / 2, 1)).toBe(200);
    expect(nextBandHeight(100, 0, 1)).toBe(200);
    expect(nextBandHeight(100, BAND_BUDGET_MS * 2, 1)).toBe(MIN_BAND);
    expect(nextBandHeight(100, 5000, 1)).toBe(MIN_BAND);
    expect(nextBandHeight(400, BAND_BUDGET_MS * 2, 1)).toBe(200);
  });

  it('stays a whole number of quanta, never below MIN_BAND', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.double({ min: 0, max: 1e5, noNaN: true }), fc.constantFrom(1, 2, 4, 100), (height, ms, quantum) => {
        const next = nextBandHeight(height, ms, quantum);
        expect(next % quantum).toBe(0);
        expect(next).toBeGreaterThanOrEqual(Math.max(quantum, MIN_BAND));
        expect(next).toBeLessThanOrEqual(Math.max(Math.ceil(MIN_BAND / quantum) * quantum, height * 2));
      }),
    );
  });
});
