/**
 * The peak load, in requests per second over all clients, and where it comes from: a number
 * typed in the Capacity panel (`meta.load.peakRps`), else the requirements' scale figures
 * (daily active users × requests per user per day / 86,400 s × peak factor), else the model's
 * default. One place for the formula, so the Capacity panel, `archflow analyze`, the practice
 * review and the problem builder all size a design at the same peak.
 */
import type { ScaleInput } from '../design/estimates';
import { SECONDS_PER_DAY } from '../design/estimates';
import { DEFAULT_TOTAL_RPS } from './figures';

/**
 * The peak factor when the scale figures give none: 1, the average itself. The scale figures are
 * the user's statement of the load (issue 12: a figure made from a guessed input would look as
 * sure as one made from the user's own), and the practice review checks the stated peak and 2×
 * it (issue 14), so a guessed factor of its own would count the headroom twice.
 */
export const DEFAULT_PEAK_FACTOR = 1;

export interface PeakLoad {
  rps: number;
  /** `given`: by the caller (`archflow analyze --rps`, a practice problem's stated peak). */
  source: 'typed' | 'scale' | 'default' | 'given';
}

const usable = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** users × requests per user per day / 86,400 s × peak factor; null when users or requests are missing. */
export function peakRpsOf(scale: ScaleInput | undefined): number | null {
  if (!scale || !usable(scale.dailyActiveUsers) || !usable(scale.requestsPerUserPerDay)) return null;
  const factor = usable(scale.peakFactor) && scale.peakFactor > 0 ? scale.peakFactor : DEFAULT_PEAK_FACTOR;
  return (scale.dailyActiveUsers * scale.requestsPerUserPerDay * factor) / SECONDS_PER_DAY;
}

export function peakLoadOf(meta: { load?: { peakRps?: number }; scale?: ScaleInput }): PeakLoad {
  const typed = meta.load?.peakRps;
  if (usable(typed)) return { rps: typed, source: 'typed' };
  const fromScale = peakRpsOf(meta.scale);
  if (fromScale !== null) return { rps: fromScale, source: 'scale' };
  return { rps: DEFAULT_TOTAL_RPS, source: 'default' };
}
