/** Small helpers shared by the benchmark parts: medians, and the shape every figure is stored in. */

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One line of the results table. `bare` is the comparison measured in the same run, if any. */
export interface Figure {
  section: string;
  name: string;
  unit: string;
  value: number;
  samples: number[];
  bare?: { value: number; samples: number[] };
  /** What "better" means for the ratio and the target. */
  better: 'lower' | 'higher';
  target?: Target;
  note?: string;
}

/**
 * A target: an absolute bound on the value (`max`/`min`), or a bound on value ÷ bare (`maxRatio`/
 * `minRatio`). `text` is how the table states it.
 */
export interface Target {
  text: string;
  max?: number;
  min?: number;
  maxRatio?: number;
  minRatio?: number;
}

export function ratioOf(figure: Figure): number | undefined {
  if (!figure.bare || !(figure.bare.value > 0)) return undefined;
  return figure.value / figure.bare.value;
}

export function verdict(figure: Figure): 'PASS' | 'FAIL' | '' {
  const t = figure.target;
  if (!t) return '';
  if (!Number.isFinite(figure.value)) return 'FAIL';
  const ratio = ratioOf(figure);
  if (t.max !== undefined && !(figure.value <= t.max)) return 'FAIL';
  if (t.min !== undefined && !(figure.value >= t.min)) return 'FAIL';
  if (t.maxRatio !== undefined && !(ratio !== undefined && ratio <= t.maxRatio)) return 'FAIL';
  if (t.minRatio !== undefined && !(ratio !== undefined && ratio >= t.minRatio)) return 'FAIL';
  return 'PASS';
}

export function figure(
  section: string,
  name: string,
  unit: string,
  samples: number[],
  extra: Partial<Omit<Figure, 'section' | 'name' | 'unit' | 'samples' | 'value'>> & { bareSamples?: number[] } = {},
): Figure {
  const { bareSamples, ...rest } = extra;
  const out: Figure = { section, name, unit, value: median(samples), samples, better: 'lower', ...rest };
  if (bareSamples) out.bare = { value: median(bareSamples), samples: bareSamples };
  return out;
}

/**
 * The spread of app ÷ bare over runs paired in order (run i of each side, taken back to back),
 * as "0.91–1.04× (median 0.97×)": how far one run's comparison can be from another's.
 */
export function ratioSpread(app: readonly number[], bare: readonly number[]): string {
  const ratios = app.slice(0, bare.length).map((a, i) => a / bare[i]!).filter(Number.isFinite);
  if (ratios.length === 0) return 'n/a';
  return `${Math.min(...ratios).toFixed(2)}–${Math.max(...ratios).toFixed(2)}× (median ${median(ratios).toFixed(2)}×)`;
}

export const now = (): number => performance.now();
