/**
 * The diagram's peak load, in requests per second over all clients, and where it comes from: a
 * number typed in the Capacity panel (`meta.load.peakRps`), else the requirements' scale figures
 * (daily active users × requests per user per day / 86,400 s × peak factor), else the model's
 * default. One function so the app, the CLI and the docs agree on the order.
 */
import type { ScaleInput } from '../design/estimates';
import { SECONDS_PER_DAY } from '../design/estimates';
import { DEFAULT_TOTAL_RPS } from './figures';

/** Peak over average when the scale figures give no peak factor: a common back-of-the-envelope 2×. */
export const DEFAULT_PEAK_FACTOR = 2;

export interface PeakLoad {
  rps: number;
  source: 'typed' | 'scale' | 'default';
}

const usable = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

export function peakLoadOf(meta: { load?: { peakRps?: number }; scale?: ScaleInput }): PeakLoad {
  const typed = meta.load?.peakRps;
  if (usable(typed)) return { rps: typed, source: 'typed' };
  const scale = meta.scale;
  if (scale && usable(scale.dailyActiveUsers) && usable(scale.requestsPerUserPerDay)) {
    const factor = usable(scale.peakFactor) && scale.peakFactor > 0 ? scale.peakFactor : DEFAULT_PEAK_FACTOR;
    return { rps: (scale.dailyActiveUsers * scale.requestsPerUserPerDay * factor) / SECONDS_PER_DAY, source: 'scale' };
  }
  return { rps: DEFAULT_TOTAL_RPS, source: 'default' };
}
