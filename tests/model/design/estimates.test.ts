import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateScale, formatBytes, hasScale } from '../../../src/model/design/estimates';
import type { Estimate, EstimateId, ScaleInput } from '../../../src/model/design/estimates';

function byId(estimates: Estimate[]): Record<EstimateId, Estimate> {
  return Object.fromEntries(estimates.map((e) => [e.id, e])) as Record<EstimateId, Estimate>;
}

/** 864,000 users × 10 requests = 8,640,000 a day = 100 requests/s on average, 4 reads per write. */
const SHOP: ScaleInput = {
  dailyActiveUsers: 864_000,
  requestsPerUserPerDay: 10,
  readWriteRatio: 4,
  peakFactor: 2,
  averageObjectBytes: 1_000,
  retentionDays: 365,
  availabilityTarget: 99.9,
};

describe('estimateScale, against numbers worked out by hand', () => {
  const e = byId(estimateScale(SHOP));

  it('splits 100 requests/s into 80 reads and 20 writes, doubled at peak', () => {
    expect(e.requestsPerDay.value).toBe(8_640_000);
    expect(e.averageReadsPerSecond.value).toBeCloseTo(80, 9);
    expect(e.averageWritesPerSecond.value).toBeCloseTo(20, 9);
    expect(e.peakReadsPerSecond.value).toBeCloseTo(160, 9);
    expect(e.peakWritesPerSecond.value).toBeCloseTo(40, 9);
    expect(e.averageReadsPerSecond.text).toBe('80/s');
  });

  it('bandwidth: 20 writes/s × 1 KB in, 80 reads/s × 1 KB out', () => {
    expect(e.bandwidthIn.value).toBeCloseTo(20_000, 6);
    expect(e.bandwidthOut.value).toBeCloseTo(80_000, 6);
    expect(e.peakBandwidthIn.value).toBeCloseTo(40_000, 6);
    expect(e.peakBandwidthOut.value).toBeCloseTo(160_000, 6);
    expect(e.bandwidthIn.text).toBe('20 KB/s');
    expect(e.peakBandwidthOut.text).toBe('160 KB/s');
  });

  it('storage: 1,728,000 writes a day × 1 KB, kept for the 365-day retention', () => {
    expect(e.storagePerDay.value).toBeCloseTo(1_728_000_000, 3);
    expect(e.storagePerDay.text).toBe('1.73 GB');
    expect(e.storageFiveYears.value).toBeCloseTo(1_728_000_000 * 365, 0);
    expect(e.storageFiveYears.text).toBe('631 GB');
    expect(e.storageFiveYears.inputs.map((i) => i.field)).toContain('retentionDays');
  });

  it('cache: a fifth of 6,912,000 daily reads × 1 KB', () => {
    expect(e.cacheMemory.value).toBeCloseTo(1_382_400_000, 3);
    expect(e.cacheMemory.text).toBe('1.38 GB');
  });

  it('99.9% availability leaves 525.6 minutes (8.76 hours) a year', () => {
    expect(e.downtimePerYear.value).toBeCloseTo(525.6, 9);
    expect(e.downtimePerYear.text).toBe('8.76 h/year');
  });

  it('without a retention, five years means 1,825 days', () => {
    const { retentionDays: _r, ...rest } = SHOP;
    const five = byId(estimateScale(rest)).storageFiveYears;
    expect(five.value).toBeCloseTo(1_728_000_000 * 1_825, 0);
    expect(five.missing).toEqual([]);
  });

  it('each figure says its formula and the inputs it used', () => {
    expect(e.averageReadsPerSecond.formula).toBe('DAU × requests per user per day ÷ 86,400 × R ÷ (R + 1)');
    expect(e.averageReadsPerSecond.inputs).toEqual([
      { field: 'dailyActiveUsers', name: 'DAU', value: 864_000 },
      { field: 'requestsPerUserPerDay', name: 'requests per user per day', value: 10 },
      { field: 'readWriteRatio', name: 'R', value: 4 },
    ]);
  });
});

describe('estimateScale with inputs missing', () => {
  it('gives no number and names what is missing rather than guess', () => {
    const e = byId(estimateScale({ dailyActiveUsers: 1_000 }));
    expect(e.requestsPerDay).toMatchObject({ value: null, text: '—', missing: ['requestsPerUserPerDay'] });
    expect(e.peakReadsPerSecond.missing).toEqual(['requestsPerUserPerDay', 'readWriteRatio', 'peakFactor']);
    expect(e.downtimePerYear.missing).toEqual(['availabilityTarget']);
  });

  it('an empty requirement set has no figures and no scale', () => {
    expect(estimateScale().every((e) => e.value === null)).toBe(true);
    expect(hasScale(undefined)).toBe(false);
    expect(hasScale({})).toBe(false);
    expect(hasScale({ peakFactor: 3 })).toBe(true);
  });

  it('nonsense numbers (NaN, negative, infinite) count as missing, never reach a formula', () => {
    const e = byId(estimateScale({ dailyActiveUsers: Number.NaN, requestsPerUserPerDay: -1, readWriteRatio: Infinity }));
    expect(e.averageReadsPerSecond.missing).toEqual(['dailyActiveUsers', 'requestsPerUserPerDay', 'readWriteRatio']);
  });
});

describe('formatBytes', () => {
  it('counts in decimal units', () => {
    expect(formatBytes(0)).toBe('0 bytes');
    expect(formatBytes(999)).toBe('999 bytes');
    expect(formatBytes(1_500)).toBe('1.5 KB');
    expect(formatBytes(2.5e12)).toBe('2.5 TB');
  });
});

const amount = (max: number) => fc.double({ min: 0, max, noNaN: true, noDefaultInfinity: true });
const scaleArb: fc.Arbitrary<ScaleInput> = fc.record(
  {
    dailyActiveUsers: amount(1e10),
    requestsPerUserPerDay: amount(1e4),
    readWriteRatio: amount(1e6),
    peakFactor: amount(100),
    averageObjectBytes: amount(1e9),
    retentionDays: amount(1e5),
    p99LatencyMs: amount(1e5),
    availabilityTarget: amount(100),
  },
  { requiredKeys: [] },
);

describe('estimateScale properties', () => {
  it('reads + writes make the average load; peak = average × peak factor', () => {
    fc.assert(
      fc.property(scaleArb, (scale) => {
        const e = byId(estimateScale(scale));
        const reads = e.averageReadsPerSecond.value;
        const writes = e.averageWritesPerSecond.value;
        if (reads === null || writes === null) return;
        const average = e.requestsPerDay.value! / 86_400;
        expect(reads + writes).toBeCloseTo(average, Math.max(0, 6 - Math.log10(average + 1)));
        if (e.peakReadsPerSecond.value !== null) {
          expect(e.peakReadsPerSecond.value).toBeCloseTo(reads * scale.peakFactor!, 3);
        }
      }),
    );
  });

  it('every figure is a finite, non-negative number or absent with its missing inputs named', () => {
    fc.assert(
      fc.property(scaleArb, (scale) => {
        for (const e of estimateScale(scale)) {
          if (e.value === null) {
            expect(e.text).toBe('—');
          } else {
            expect(Number.isFinite(e.value) && e.value >= 0).toBe(true);
            expect(e.missing).toEqual([]);
          }
          for (const field of e.missing) expect(scale[field]).toBeUndefined();
        }
      }),
    );
  });

  it('more users never means less load, bandwidth, storage or cache', () => {
    fc.assert(
      fc.property(scaleArb, amount(1e6), (scale, more) => {
        const before = estimateScale(scale);
        const after = estimateScale({ ...scale, dailyActiveUsers: (scale.dailyActiveUsers ?? 0) + more });
        before.forEach((e, i) => {
          if (e.value !== null && after[i]!.value !== null) expect(after[i]!.value!).toBeGreaterThanOrEqual(e.value * (1 - 1e-12));
        });
      }),
    );
  });

  it('five years of storage is at most 1,825 days of storage, and never more than the retention', () => {
    fc.assert(
      fc.property(scaleArb, (scale) => {
        const e = byId(estimateScale(scale));
        if (e.storageFiveYears.value === null) return;
        const perDay = e.storagePerDay.value!;
        expect(e.storageFiveYears.value).toBeLessThanOrEqual(perDay * 1_825 * (1 + 1e-12));
        if (scale.retentionDays !== undefined) expect(e.storageFiveYears.value).toBeLessThanOrEqual(perDay * scale.retentionDays * (1 + 1e-12) + 1e-9);
      }),
    );
  });
});
