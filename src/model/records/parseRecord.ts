/**
 * Running a record schema over untrusted data and turning its first issue into the DiagramError
 * Archflow shows: the place written as `nodes[3].label`, then the problem.
 */
import type { DiagramErrorCode, ParseResult } from '../diagram';
import { refusal } from '../plainData';
import type { z } from './fields';
import { LIMIT_PARAMS } from './fields';
import { fastParserFor, MISMATCH } from './fastParser';
import type { ValueSource } from './fastParser';

/** `['edges', 5, 'target']` → `edges[5].target`. */
export function placeOf(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out;
}

function codeOf(issue: z.core.$ZodIssue): DiagramErrorCode {
  if (issue.code === 'too_big') return 'limit';
  if (issue.code === 'custom' && issue.params?.code === LIMIT_PARAMS.code) return 'limit';
  return 'invalid';
}

/**
 * The parsed record, or a refusal naming the first problem found (in the order the fields are
 * written). `prefix` places a record that sits inside a larger document, e.g. `nodes[3]`.
 * Valid records take the fast path compiled from the same schema (fastParser.ts); anything it
 * does not accept is parsed by zod, whose issue is the refusal. `source: 'json'` only for a value
 * straight from JSON.parse, `'owned'` only for one that no one else holds (see ValueSource).
 */
export function parseRecord<S extends z.ZodType>(schema: S, value: unknown, prefix = '', source: ValueSource = 'any'): ParseResult<z.output<S>> {
  const fast = fastParserFor(schema, source)(value);
  if (fast !== MISMATCH) return { ok: true, value: fast as z.output<S>, notices: [] };
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data, notices: [] };
  const issue = result.error.issues[0];
  if (!issue) return refusal('invalid', prefix, 'could not be read');
  return refusal(codeOf(issue), placeOf(issue.path, prefix), issue.message);
}
