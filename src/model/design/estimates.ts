/**
 * Back-of-the-envelope figures from the scale requirements: average and peak reads and writes
 * per second, bandwidth in and out, storage per day and over five years, cache memory for the
 * hot 20 %, and the downtime the availability target allows. Every figure carries its formula in
 * words, the inputs it used and the ones it still needs, so the app and the design document can
 * show the working beside the number. The assumptions are written out in docs/design-estimates.md.
 *
 * A figure whose inputs are not all given has `value: null` and names them in `missing`: a number
 * made from a guessed input would look as sure as one made from the user's own.
 */

/** The scale requirements an estimate reads; structural, so the document's `ScaleRequirements` fits. */
export interface ScaleInput {
  dailyActiveUsers?: number;
  requestsPerUserPerDay?: number;
  /** Reads per write: 100 means 100:1. */
  readWriteRatio?: number;
  /** Peak load ÷ average load. */
  peakFactor?: number;
  averageObjectBytes?: number;
  retentionDays?: number;
  p99LatencyMs?: number;
  /** Percent, e.g. 99.95. */
  availabilityTarget?: number;
}

export type ScaleField = keyof ScaleInput;

export const SECONDS_PER_DAY = 86_400;
export const DAYS_PER_YEAR = 365;
/** "Five years" of storage: 5 × 365 days (leap days left out, as estimates do). */
export const FIVE_YEARS_DAYS = 5 * DAYS_PER_YEAR;
/** The 80/20 rule: a fifth of a day's reads is the hot set worth keeping in memory. */
export const HOT_SHARE = 0.2;

export type EstimateId =
  | 'requestsPerDay'
  | 'averageReadsPerSecond'
  | 'averageWritesPerSecond'
  | 'peakReadsPerSecond'
  | 'peakWritesPerSecond'
  | 'bandwidthIn'
  | 'bandwidthOut'
  | 'peakBandwidthIn'
  | 'peakBandwidthOut'
  | 'storagePerDay'
  | 'storageFiveYears'
  | 'cacheMemory'
  | 'downtimePerYear';

export type EstimateUnit = 'requests/day' | 'requests/s' | 'bytes/s' | 'bytes' | 'minutes/year';

export interface EstimateInput {
  field: ScaleField;
  /** How the formula names it. */
  name: string;
  value: number;
}

export interface Estimate {
  id: EstimateId;
  label: string;
  unit: EstimateUnit;
  /** Null when some input is missing (see `missing`). */
  value: number | null;
  /** The value with its unit for people, or "—" when it cannot be computed. */
  text: string;
  /** The formula in words, e.g. "DAU × requests per user per day ÷ 86,400 × R ÷ (R + 1)". */
  formula: string;
  /** The inputs the formula used, with their values. */
  inputs: EstimateInput[];
  /** Inputs the formula needs that the requirements do not give, in formula order. */
  missing: ScaleField[];
}

/** How formulas and tables name each scale requirement. */
export const SCALE_FIELD_LABELS: Readonly<Record<ScaleField, string>> = {
  dailyActiveUsers: 'Daily active users',
  requestsPerUserPerDay: 'Requests per user per day',
  readWriteRatio: 'Reads per write',
  peakFactor: 'Peak factor',
  averageObjectBytes: 'Average object size',
  retentionDays: 'Retention',
  p99LatencyMs: 'p99 latency target',
  availabilityTarget: 'Availability target',
};

/** The short symbols the formulas use. */
const SYMBOL: Readonly<Record<ScaleField, string>> = {
  dailyActiveUsers: 'DAU',
  requestsPerUserPerDay: 'requests per user per day',
  readWriteRatio: 'R',
  peakFactor: 'peak factor',
  averageObjectBytes: 'object size',
  retentionDays: 'retention days',
  p99LatencyMs: 'p99',
  availabilityTarget: 'availability %',
};

interface Definition {
  id: EstimateId;
  label: string;
  unit: EstimateUnit;
  formula: string;
  /** Inputs that must be given. */
  needs: ScaleField[];
  /** Inputs used when given (absent: the stated assumption applies). */
  uses?: ScaleField[];
  compute: (s: ScaleInput) => number;
}

const DAILY = 'DAU × requests per user per day';
const AVERAGE = `${DAILY} ÷ 86,400`;

// Every figure needs DAU and requests per user; the read/write split needs R.
const LOAD: ScaleField[] = ['dailyActiveUsers', 'requestsPerUserPerDay'];
const SPLIT: ScaleField[] = [...LOAD, 'readWriteRatio'];

const perDay = (s: ScaleInput) => s.dailyActiveUsers! * s.requestsPerUserPerDay!;
const readShare = (s: ScaleInput) => s.readWriteRatio! / (s.readWriteRatio! + 1);
const writeShare = (s: ScaleInput) => 1 / (s.readWriteRatio! + 1);
const averageReads = (s: ScaleInput) => (perDay(s) / SECONDS_PER_DAY) * readShare(s);
const averageWrites = (s: ScaleInput) => (perDay(s) / SECONDS_PER_DAY) * writeShare(s);
const storedDays = (s: ScaleInput) => Math.min(s.retentionDays ?? FIVE_YEARS_DAYS, FIVE_YEARS_DAYS);

const DEFINITIONS: readonly Definition[] = [
  { id: 'requestsPerDay', label: 'Requests per day', unit: 'requests/day', formula: DAILY, needs: LOAD, compute: perDay },
  {
    id: 'averageReadsPerSecond',
    label: 'Average reads/s',
    unit: 'requests/s',
    formula: `${AVERAGE} × R ÷ (R + 1)`,
    needs: SPLIT,
    compute: averageReads,
  },
  {
    id: 'averageWritesPerSecond',
    label: 'Average writes/s',
    unit: 'requests/s',
    formula: `${AVERAGE} ÷ (R + 1)`,
    needs: SPLIT,
    compute: averageWrites,
  },
  {
    id: 'peakReadsPerSecond',
    label: 'Peak reads/s',
    unit: 'requests/s',
    formula: 'average reads/s × peak factor',
    needs: [...SPLIT, 'peakFactor'],
    compute: (s) => averageReads(s) * s.peakFactor!,
  },
  {
    id: 'peakWritesPerSecond',
    label: 'Peak writes/s',
    unit: 'requests/s',
    formula: 'average writes/s × peak factor',
    needs: [...SPLIT, 'peakFactor'],
    compute: (s) => averageWrites(s) * s.peakFactor!,
  },
  {
    id: 'bandwidthIn',
    label: 'Bandwidth in (average)',
    unit: 'bytes/s',
    formula: 'average writes/s × object size',
    needs: [...SPLIT, 'averageObjectBytes'],
    compute: (s) => averageWrites(s) * s.averageObjectBytes!,
  },
  {
    id: 'bandwidthOut',
    label: 'Bandwidth out (average)',
    unit: 'bytes/s',
    formula: 'average reads/s × object size',
    needs: [...SPLIT, 'averageObjectBytes'],
    compute: (s) => averageReads(s) * s.averageObjectBytes!,
  },
  {
    id: 'peakBandwidthIn',
    label: 'Bandwidth in (peak)',
    unit: 'bytes/s',
    formula: 'peak writes/s × object size',
    needs: [...SPLIT, 'peakFactor', 'averageObjectBytes'],
    compute: (s) => averageWrites(s) * s.peakFactor! * s.averageObjectBytes!,
  },
  {
    id: 'peakBandwidthOut',
    label: 'Bandwidth out (peak)',
    unit: 'bytes/s',
    formula: 'peak reads/s × object size',
    needs: [...SPLIT, 'peakFactor', 'averageObjectBytes'],
    compute: (s) => averageReads(s) * s.peakFactor! * s.averageObjectBytes!,
  },
  {
    id: 'storagePerDay',
    label: 'Storage per day',
    unit: 'bytes',
    formula: `${DAILY} ÷ (R + 1) × object size`,
    needs: [...SPLIT, 'averageObjectBytes'],
    compute: (s) => perDay(s) * writeShare(s) * s.averageObjectBytes!,
  },
  {
    id: 'storageFiveYears',
    label: 'Storage over five years',
    unit: 'bytes',
    formula: 'storage per day × min(retention days, 1,825)',
    needs: [...SPLIT, 'averageObjectBytes'],
    uses: ['retentionDays'],
    compute: (s) => perDay(s) * writeShare(s) * s.averageObjectBytes! * storedDays(s),
  },
  {
    id: 'cacheMemory',
    label: 'Cache memory (hot 20%)',
    unit: 'bytes',
    formula: `0.2 × ${DAILY} × R ÷ (R + 1) × object size`,
    needs: [...SPLIT, 'averageObjectBytes'],
    compute: (s) => HOT_SHARE * perDay(s) * readShare(s) * s.averageObjectBytes!,
  },
  {
    id: 'downtimePerYear',
    label: 'Allowed downtime per year',
    unit: 'minutes/year',
    formula: '(1 − availability % ÷ 100) × 365 × 24 × 60',
    needs: ['availabilityTarget'],
    compute: (s) => (1 - s.availabilityTarget! / 100) * DAYS_PER_YEAR * 24 * 60,
  },
];

/** A usable input: a finite number that is not negative (the schema allows nothing else). */
function given(scale: ScaleInput, field: ScaleField): number | undefined {
  const value = scale[field];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** The requirements with anything unusable left out, so no formula sees NaN or a negative. */
function usableInputs(scale: ScaleInput): ScaleInput {
  const usable: ScaleInput = {};
  for (const field of Object.keys(SCALE_FIELD_LABELS) as ScaleField[]) {
    const value = given(scale, field);
    if (value !== undefined) usable[field] = value;
  }
  return usable;
}

/** Every figure, in the order the app and the design document list them. */
export function estimateScale(scale: ScaleInput = {}): Estimate[] {
  return DEFINITIONS.map((definition) => {
    const missing = definition.needs.filter((field) => given(scale, field) === undefined);
    const inputs: EstimateInput[] = [];
    for (const field of [...definition.needs, ...(definition.uses ?? [])]) {
      const value = given(scale, field);
      if (value !== undefined && !inputs.some((input) => input.field === field)) {
        inputs.push({ field, name: SYMBOL[field], value });
      }
    }
    const value = missing.length === 0 ? definition.compute(usableInputs(scale)) : null;
    // 0 ÷ 0 (no users, no ratio) is no figure at all rather than NaN on screen.
    const usable = value !== null && Number.isFinite(value) ? value : null;
    return {
      id: definition.id,
      label: definition.label,
      unit: definition.unit,
      value: usable,
      text: usable === null ? '—' : formatEstimate(usable, definition.unit),
      formula: definition.formula,
      inputs,
      missing,
    };
  });
}

/** True when the requirements give any scale number at all. */
export function hasScale(scale: ScaleInput | undefined): boolean {
  if (scale === undefined) return false;
  return (Object.keys(SCALE_FIELD_LABELS) as ScaleField[]).some((field) => given(scale, field) !== undefined);
}

const BYTE_UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'] as const;

/** Decimal units (1 KB = 1,000 bytes), as capacity estimates and disk makers count. */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (Math.abs(value) >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${formatNumber(value)} ${BYTE_UNITS[unit]!}`;
}

/** Three significant digits at most, whole numbers from 100 up: an estimate, not a measurement. */
export function formatNumber(value: number): string {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

export function formatEstimate(value: number, unit: EstimateUnit): string {
  switch (unit) {
    case 'bytes':
      return formatBytes(value);
    case 'bytes/s':
      return `${formatBytes(value)}/s`;
    case 'requests/s':
      return `${formatNumber(value)}/s`;
    case 'requests/day':
      return `${formatNumber(value)}/day`;
    case 'minutes/year':
      return value >= 120 ? `${formatNumber(value / 60)} h/year` : `${formatNumber(value)} min/year`;
  }
}

/** A scale requirement with its unit, for tables: "1,000,000", "100:1", "2 KB", "99.95%". */
export function formatScaleField(field: ScaleField, value: number): string {
  switch (field) {
    case 'readWriteRatio':
      return `${formatNumber(value)}:1`;
    case 'peakFactor':
      return `× ${formatNumber(value)}`;
    case 'averageObjectBytes':
      return formatBytes(value);
    case 'retentionDays':
      return `${value.toLocaleString('en-US')} days`;
    case 'p99LatencyMs':
      return `${value.toLocaleString('en-US')} ms`;
    case 'availabilityTarget':
      return `${value.toLocaleString('en-US', { maximumFractionDigits: 4 })}%`;
    default:
      return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
  }
}
