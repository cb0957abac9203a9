/**
 * Back-of-the-envelope figures from a design's scale requirements (the names of `meta.scale`):
 * the load a day of use makes, its peak, the writes among it and the storage they fill. The
 * rubric compares a candidate's figures with the reference's and shows both formulas; the
 * problem builder sizes the reference at the peak.
 */
import type { ScaleInput } from '../design/estimates';
import { SECONDS_PER_DAY } from '../design/estimates';

/** The scale requirements, as the design's estimates read them. */
export type ScaleFigures = ScaleInput;

export type EstimateName = 'averageRps' | 'peakRps' | 'writeRps' | 'storageBytes';

export interface Estimate {
  name: EstimateName;
  label: string;
  /** null when a figure it needs is missing. */
  value: number | null;
  /** The formula with the numbers put in, e.g. "100,000,000 users × 1 requests ÷ 86,400 s". */
  formula: string;
}

const num = (v: number) => (Number.isInteger(v) ? v.toLocaleString('en-US') : v.toLocaleString('en-US', { maximumFractionDigits: 2 }));
const given = (v: number | undefined): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function averageRps(scale: ScaleFigures): number | null {
  return given(scale.dailyActiveUsers) && given(scale.requestsPerUserPerDay)
    ? (scale.dailyActiveUsers * scale.requestsPerUserPerDay) / SECONDS_PER_DAY
    : null;
}

/** Every estimate, in a fixed order, with its formula in the figures given. */
export function estimateScale(scale: ScaleFigures): Estimate[] {
  const avg = averageRps(scale);
  const users = given(scale.dailyActiveUsers) ? num(scale.dailyActiveUsers) : '?';
  const perUser = given(scale.requestsPerUserPerDay) ? num(scale.requestsPerUserPerDay) : '?';
  const peakFactor = given(scale.peakFactor) ? scale.peakFactor : null;
  const rw = given(scale.readWriteRatio) ? scale.readWriteRatio : null;
  const writes = avg !== null && rw !== null ? avg / (1 + rw) : null;
  const bytes = given(scale.averageObjectBytes) ? scale.averageObjectBytes : null;
  const days = given(scale.retentionDays) ? scale.retentionDays : null;
  const round = (v: number | null) => (v === null ? null : v);
  return [
    { name: 'averageRps', label: 'Average requests/s', value: round(avg), formula: `${users} users × ${perUser} requests ÷ 86,400 s` },
    {
      name: 'peakRps', label: 'Peak requests/s',
      value: avg !== null && peakFactor !== null ? avg * peakFactor : null,
      formula: `${avg !== null ? num(Math.round(avg)) : '?'} average × ${peakFactor !== null ? num(peakFactor) : '?'} peak factor`,
    },
    {
      name: 'writeRps', label: 'Writes/s',
      value: writes,
      formula: `${avg !== null ? num(Math.round(avg)) : '?'} average ÷ (1 + ${rw !== null ? num(rw) : '?'} reads per write)`,
    },
    {
      name: 'storageBytes', label: 'Storage',
      value: writes !== null && bytes !== null && days !== null ? writes * SECONDS_PER_DAY * bytes * days : null,
      formula: `${writes !== null ? num(Math.round(writes)) : '?'} writes/s × 86,400 s × ${bytes !== null ? num(bytes) : '?'} bytes × ${days !== null ? num(days) : '?'} days`,
    },
  ];
}
