/**
 * The small helpers every reader of untrusted data shares: reading own properties only, naming a
 * value in a message, and building a refusal. One copy each, used by the model and by src/io.
 */
import type { DiagramErrorCode, ParseResult } from './diagram';

export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Own properties only, so nothing is ever read through a prototype. `undefined` means absent. */
export function own(obj: PlainObject, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** A value as a message shows it: strings quoted and shortened, containers by their kind. */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return quoteText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** A string in quotes, cut at 40 characters so a 10 MB label never lands in a message. */
export function quoteText(text: string): string {
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/**
 * A refusal. `path` names the place (`edges[3].target`, '' for the whole input) and leads the
 * message when given, so every message says where.
 */
export function refusal(code: DiagramErrorCode, path: string, problem: string): ParseResult<never> {
  return { ok: false, error: { code, path, message: path ? `${path}: ${problem}` : problem } };
}

/**
 * Runs a reader over untrusted data and turns anything it throws into a refusal. Data from
 * JSON.parse never throws; values that did not come from JSON (getters, proxies) might.
 */
export function readSafely<T>(read: () => ParseResult<T>, message: string): ParseResult<T> {
  try {
    return read();
  } catch {
    return refusal('invalid', '', message);
  }
}
