/**
 * The field types records are built from, as zod schemas whose errors read the way Archflow's
 * messages always have (`is missing (expected a list)`, `"boss" is not a role (expected one of …)`).
 * Each error is the problem only; `issuesToError.ts` puts the place in front of it.
 *
 * Text fields are normalised on the way in with `cleanText`: control characters dropped, lone
 * surrogates replaced, line breaks turned into spaces outside notes. Over-long text is refused,
 * not cut: a file that says more than the limit was not written by Archflow, and cutting it
 * silently would lose what it says. (Typing in the app cuts at the limit; see src/model/text.ts.)
 */
import { z } from 'zod';
import { LIMITS } from '../limits';
import { describeValue } from '../plainData';
import { cleanText } from '../text';

// zod compiles object parsers with `new Function` unless told not to. In the browser the app's
// content security policy forbids eval, and zod's probe for it would be reported as a violation,
// so the page and its workers use the interpreted parser (about 1.5× slower, fast enough for
// 20,000 nodes). Node (the CLI, tests, benchmarks) has no such policy and keeps the compiled one.
// Set before any schema is built: this module is the one every record imports zod through.
const inNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
z.config({ jitless: !inNode });

export { z };

/** Marks an issue as a size limit rather than a malformed value (code `limit`, not `invalid`). */
export const LIMIT_PARAMS = { code: 'limit' } as const;

type Issue = z.core.$ZodRawIssue;

function missingOr(expected: string, issue: Issue): string {
  return issue.input === undefined
    ? `is missing (expected ${expected})`
    : `expected ${expected}, found ${describeValue(issue.input)}`;
}

/**
 * A string of at most `max` characters, taken as it is. Characters are UTF-16 units, as
 * everywhere else (the message, `cleanText`'s cut, typing in the app), not zod's `.max()`, which
 * counts code points: 1,000 emoji passed a 1,000 limit there and were then cut to 500.
 */
export function boundedString(max: number) {
  return z.string({ error: (issue) => missingOr('a string', issue) }).refine((value) => value.length <= max, {
    error: (issue) => `is ${String((issue.input as string).length)} characters long; the limit is ${max}`,
    params: LIMIT_PARAMS,
  });
}

/** One line of text (a title, label, technology or protocol) or, with `multiline`, notes. */
export function text(max: number, options: { multiline?: boolean } = {}) {
  // `overwrite`, not `transform`: the same result as a check in place, without the pipe and the
  // extra result object a transform costs per field (issue 11: 50,000 records per big file).
  return boundedString(max).overwrite((value) => cleanText(value, max, options));
}

/** Text that may be absent; an empty one is the same as none (saving leaves it out). */
export function optionalText(max: number, options: { multiline?: boolean } = {}) {
  // Empty becomes undefined inside `optional()`, whose type already allows it.
  return boundedString(max)
    .overwrite((value) => (cleanText(value, max, options) || undefined) as string)
    .optional();
}

/**
 * A node or edge id, or a reference to one. Cleaned like a label, so an id and every reference
 * to it stay equal after cleaning; two ids that clean to the same text are then duplicates.
 */
export function id() {
  return text(LIMITS.maxIdLength).refine((value) => value !== '', { error: 'must not be empty' });
}

/** A coordinate or a size: a finite number within ±maxCoordinate; -0 becomes 0. */
export function coordinate() {
  return z
    .number({
      error: (issue) =>
        typeof issue.input === 'number'
          ? `expected a finite number, found ${describeValue(issue.input)}`
          : missingOr('a number', issue),
    })
    .refine((value) => Math.abs(value) <= LIMITS.maxCoordinate, {
      error: (issue) => `${String(issue.input)} is beyond the limit of ±${LIMITS.maxCoordinate}`,
      params: LIMIT_PARAMS,
    })
    .overwrite((value) => (value === 0 ? 0 : value));
}

/** One of a fixed list of words, e.g. a flow or a role. `what` reads "a flow", "a role". */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  const list = values.map((v) => `"${v}"`).join(', ');
  return z.enum(values, {
    error: (issue) =>
      issue.input === undefined
        ? `is missing (expected ${what}: one of ${list})`
        : `${describeValue(issue.input)} is not ${what} (expected one of ${list})`,
  });
}

/**
 * A figure such as a load, a count or a ratio: a finite number within `[min, max]`
 * (`integer` for counts). `what` describes the range in the message ("a fraction from 0 to 1").
 */
export function figure(range: { min: number; max: number; integer?: boolean; what: string }) {
  return z
    .number({
      error: (issue) =>
        typeof issue.input === 'number'
          ? `expected ${range.what}, found ${describeValue(issue.input)}`
          : missingOr(range.what, issue),
    })
    .refine((value) => value >= range.min && value <= range.max && (!range.integer || Number.isInteger(value)), {
      error: (issue) => `expected ${range.what}, found ${String(issue.input)}`,
    })
    .overwrite((value) => (value === 0 ? 0 : value));
}

/** A yes/no field whose default, false, is left out. */
export function flag() {
  return z
    .boolean({ error: (issue) => `expected true or false, found ${describeValue(issue.input)}` })
    // false becomes undefined inside `optional()`, whose type already allows it.
    .overwrite((value) => (value || undefined) as boolean)
    .optional();
}

/** An object with known keys; unknown keys are dropped. */
export function record<Shape extends z.core.$ZodLooseShape>(shape: Shape) {
  return z.object(shape, { error: (issue) => missingOr('an object', issue) });
}

/**
 * A list of `item`s, at most `max` of them. The length is checked before any item is read, so a
 * file of 200,000 nodes is refused for its size without reading a node.
 */
export function list<Item extends z.ZodType>(item: Item, limit: { max: number; what: string }) {
  return z
    .array(z.unknown(), { error: (issue) => missingOr('a list', issue) })
    .max(limit.max, {
      error: (issue) => `has ${String((issue.input as unknown[]).length)} ${limit.what}; the limit is ${limit.max}`,
    })
    .pipe(z.array(item));
}

/**
 * Drops keys whose value is undefined, so a parsed record has only the fields it says. Most
 * records have none, and are returned as they are; the others are copied rather than given to
 * `delete`, which would leave them in V8's slow dictionary mode for the rest of their life.
 */
export function withoutUndefined<T extends object>(value: T): T {
  let found = false;
  for (const key in value) {
    if (value[key] === undefined) {
      found = true;
      break;
    }
  }
  if (!found) return value;
  const out = {} as T;
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out;
}
