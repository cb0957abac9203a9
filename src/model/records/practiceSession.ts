/**
 * A practice session (issue 14) held in the diagram's meta as `practice`: which problem, the
 * flow and length chosen, the clock and the time and notes of each step, the hints taken. It is
 * saved and autosaved with the diagram (so it survives a reload and travels in the attempt's
 * file) but changed with `undoable: false`: undo never rewinds the clock.
 */
import { z } from 'zod';
import { LIMITS } from '../limits';
import { describeValue } from '../plainData';
import { boundedString, list, oneOf, optionalText, record, text, withoutUndefined } from './fields';

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
}).transform(withoutUndefined);

export type PracticeSession = z.output<typeof PracticeSessionRecord>;
export type PracticeStep = z.output<typeof PracticeStepRecord>;
