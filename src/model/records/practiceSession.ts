/**
 * A practice session (issue 14) held in the diagram's meta as `practice`: which problem, the
 * flow and length chosen, the clock and the time and notes of each step, the hints taken. It is
 * saved and autosaved with the diagram (so it survives a reload and travels in the attempt's
 * file) but changed with `undoable: false`: undo never rewinds the clock.
 */
import { z } from 'zod';
import { LIMITS } from '../limits';
import { describeValue } from '../plainData';
import { boundedString, id, list, oneOf, optionalText, record, text, withoutUndefined } from './fields';

export const PRACTICE_STEPS = ['requirements', 'estimation', 'apis', 'data', 'diagram', 'deep-dive'] as const;
export type PracticeStepId = (typeof PRACTICE_STEPS)[number];

const count = (what: string, max: number) =>
  z
    .number({ error: (issue) => `expected ${what}, found ${describeValue(issue.input)}` })
    .refine((v) => Number.isFinite(v) && v >= 0 && v <= max, { error: (issue) => `expected ${what} from 0 to ${max}, found ${describeValue(issue.input)}` });

/** Milliseconds: anything up to a year is a plausible session. */
const duration = () => count('a duration in ms', 366 * 86_400_000);
/** A moment, as milliseconds since 1970. */
const moment = () => count('a time in ms since 1970', 8.64e15);

export const PracticeStepRecord = record({
  id: oneOf(PRACTICE_STEPS, 'a practice step'),
  spentMs: duration(),
  notes: optionalText(LIMITS.maxNotesLength, { multiline: true }),
}).transform(withoutUndefined);

/** What a drill changed, by name: components and connections ("Web → Cache") added, removed or edited. */
const names = () => list(text(LIMITS.maxLabelLength * 2 + 3), { max: 50, what: 'names' });
export const DrillChangesRecord = record({
  added: names(),
  removed: names(),
  changed: names(),
  edgesAdded: names(),
  edgesRemoved: names(),
  edgesChanged: names(),
  /** How many changes there were in all (the lists keep the first 50 of each). */
  total: count('a number of changes', 10 * LIMITS.maxNodes),
});

/** A component or connection as it was when a drill began: what "Done" compares against. */
const BaselineNodeRecord = record({ id: id(), label: text(LIMITS.maxLabelLength), sig: boundedString(16) });
const BaselineEdgeRecord = record({ id: id(), source: id(), target: id(), sig: boundedString(16) });

/**
 * One failure drill run in the last step: the components the drill marked down, when it began on
 * the practice clock and, while it runs, the design as it was; once "Done", the time it took,
 * what changed and whether every client was served with the components still down.
 */
export const DrillRunRecord = record({
  drill: boundedString(100),
  down: list(id(), { max: 10, what: 'components' }),
  startElapsedMs: duration(),
  baseline: record({
    nodes: list(BaselineNodeRecord, { max: LIMITS.maxNodes, what: 'components' }),
    edges: list(BaselineEdgeRecord, { max: LIMITS.maxEdges, what: 'connections' }),
  }).optional(),
  spentMs: duration().optional(),
  changes: DrillChangesRecord.optional(),
  served: z.boolean({ error: (issue) => `expected true or false, found ${describeValue(issue.input)}` }).optional(),
}).transform(withoutUndefined);

export const PracticeSessionRecord = record({
  /** A shipped problem's id. */
  problem: boundedString(100).regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'must be a problem id (lower-case letters, digits and dashes)' }),
  problemTitle: text(LIMITS.maxLabelLength),
  // Listed here, not imported: documentMeta.ts imports this file.
  flow: oneOf(['bottom-up', 'top-down'] as const, 'a flow'),
  lengthMinutes: count('a length in minutes', 600),
  step: oneOf(PRACTICE_STEPS, 'a practice step'),
  /** Time on the clock before `runningSince`. */
  elapsedMs: duration(),
  /** When the clock last started; absent while paused. */
  runningSince: moment().optional(),
  steps: list(PracticeStepRecord, { max: PRACTICE_STEPS.length, what: 'steps' }),
  hintsUsed: count('a number of hints', 1_000),
  finishedAt: moment().optional(),
  /** The failure drills run so far, one at a time, in order (absent until the first). */
  drills: list(DrillRunRecord, { max: 10, what: 'drills' }).optional(),
}).transform(withoutUndefined);

export type DrillRun = z.output<typeof DrillRunRecord>;
export type DrillChanges = z.output<typeof DrillChangesRecord>;
export type PracticeSession = z.output<typeof PracticeSessionRecord>;
export type PracticeStep = z.output<typeof PracticeStepRecord>;
