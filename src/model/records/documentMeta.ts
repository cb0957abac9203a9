/**
 * What a diagram says about itself: its title, its flow and its preferred layout direction. One
 * definition of their type, parse, defaults and saved order, like the node and edge records.
 */
import { LIMITS } from '../limits';
import type { z } from './fields';
import { figure, oneOf, record, text, withoutUndefined } from './fields';
import { PracticeSessionRecord } from './practiceSession';

export const FLOWS = ['bottom-up', 'top-down'] as const;
export type Flow = (typeof FLOWS)[number];

/** Direction the edges point after auto layout. Absent means: follow the flow. */
export const LAYOUT_DIRECTIONS = ['up', 'down', 'left', 'right'] as const;
export type LayoutDirection = (typeof LAYOUT_DIRECTIONS)[number];

export const LayoutRecord = record({ direction: oneOf(LAYOUT_DIRECTIONS, 'a layout direction').optional() }).transform(
  // A layout that says nothing is the same as none: saving leaves it out.
  (layout): { direction?: LayoutDirection } | undefined =>
    layout.direction === undefined ? undefined : { direction: layout.direction },
);
export type DiagramLayout = NonNullable<z.output<typeof LayoutRecord>>;

const amount = () => figure({ min: 0, max: LIMITS.maxFigure, what: 'a number of at least 0' }).optional();

/** A record whose fields are all optional: one that says nothing is the same as none. */
function orNothing<T extends object>(value: T): T | undefined {
  return Object.values(value).some((v) => v !== undefined) ? withoutUndefined(value) : undefined;
}

/**
 * The scale requirements: the figures the back-of-the-envelope estimates start from
 * (docs/design-estimates.md) and the targets latency and availability are held to.
 */
export const SCALE_SHAPE = {
  dailyActiveUsers: amount(),
  requestsPerUserPerDay: amount(),
  /** Reads per write: 100 for a 100:1 read-heavy service. */
  readWriteRatio: amount(),
  /** Peak load over the day's average load. */
  peakFactor: amount(),
  /** Average size of one stored object, in bytes. */
  averageObjectBytes: amount(),
  /** How long data is kept, in days. */
  retentionDays: amount(),
  p99LatencyMs: amount(),
  /** Percent, e.g. 99.95. */
  availabilityTarget: figure({ min: 0, max: 100, what: 'a percentage from 0 to 100' }).optional(),
};
export const ScaleRecord = record(SCALE_SHAPE).transform(orNothing);
export type ScaleRequirements = NonNullable<z.output<typeof ScaleRecord>>;

/** What the Capacity panel analyses: the typed peak load and the utilisation to stay under. */
export const LOAD_SHAPE = {
  /** Requests per second over all clients at the peak. */
  peakRps: amount(),
  targetUtilization: figure({ min: 0.01, max: 1, what: 'a fraction from 0.01 to 1' }).optional(),
};
export const LoadRecord = record(LOAD_SHAPE).transform(orNothing);
export type LoadSettings = NonNullable<z.output<typeof LoadRecord>>;

/** The shape, in the order a file writes the fields. */
export const DOCUMENT_META_SHAPE = {
  title: text(LIMITS.maxLabelLength),
  flow: oneOf(FLOWS, 'a flow'),
  layout: LayoutRecord.optional(),
  scale: ScaleRecord.optional(),
  load: LoadRecord.optional(),
  /** A practice session (issue 14), in its own record file. */
  practice: PracticeSessionRecord.optional(),
};

export const DocumentMetaRecord = record(DOCUMENT_META_SHAPE).overwrite(withoutUndefined);
export type DocumentMeta = z.output<typeof DocumentMetaRecord>;
