/**
 * A problem pack (`archflow-problem-pack` v1): several practice problems in one file, so a team
 * or a coach shares a set at once (docs/problem-format.md). Each problem in it goes through the
 * same strict parse as a problem file, its refusals placed under `problems[i].`. A file the
 * user hands the app may be either kind; `parseProblemsFile` reads both.
 */
import type { ParseResult } from '../diagram';
import { describeValue, isPlainObject, quoteText, readSafely, refusal } from '../plainData';
import { MAX_PROBLEM_BYTES, parseProblemValue, PROBLEM_FORMAT, readJsonText } from './problemRecord';
import type { Problem } from './problemRecord';

export const PACK_FORMAT = 'archflow-problem-pack';
export const PACK_VERSION = 1;
export const MAX_PACK_PROBLEMS = 50;
/** Room for every problem of a full pack at its own limit would be 100 MB; a pack is a shared file, kept at 20 MB. */
export const MAX_PACK_BYTES = 20_000_000;

export interface ProblemPack {
  title: string;
  problems: Problem[];
}

/** Reads a problem file or a pack file: the problems it holds, in order. Never throws. */
export function parseProblemsFile(text: string): ParseResult<Problem[]> {
  const value = readJsonText(text, MAX_PACK_BYTES, 'file');
  if (!value.ok) return value;
  if (isPlainObject(value.value) && value.value.format === PROBLEM_FORMAT) {
    if (typeof text === 'string' && text.length > MAX_PROBLEM_BYTES + 1) {
      return refusal('too-large', '', `The problem file is over ${MAX_PROBLEM_BYTES.toLocaleString('en-US')} characters; a problem never is.`);
    }
    const one = parseProblemValue(value.value);
    return one.ok ? { ok: true, value: [one.value], notices: one.notices } : one;
  }
  const pack = parseProblemPackValue(value.value);
  return pack.ok ? { ok: true, value: pack.value.problems, notices: pack.notices } : pack;
}

/** Checks an already-parsed pack. Never throws. */
export function parseProblemPackValue(value: unknown): ParseResult<ProblemPack> {
  return readSafely(() => readPack(value), 'The problem pack could not be read: it is not plain data.');
}

function readPack(value: unknown): ParseResult<ProblemPack> {
  if (!isPlainObject(value) || value.format !== PACK_FORMAT) {
    return refusal(
      'not-archflow',
      '',
      `The file holds ${isPlainObject(value) ? `an object without "format": "${PROBLEM_FORMAT}" or "${PACK_FORMAT}"` : describeValue(value)}, not an Archflow problem or problem pack.`,
    );
  }
  if (value.version !== PACK_VERSION) {
    return typeof value.version === 'number' && value.version > PACK_VERSION
      ? refusal('newer-version', 'version', `The pack is format version ${value.version}; this Archflow reads version ${PACK_VERSION}.`)
      : refusal('invalid', 'version', `expected ${PACK_VERSION}, found ${describeValue(value.version)}`);
  }
  for (const key of Object.keys(value)) {
    if (!['format', 'version', 'title', 'problems'].includes(key)) return refusal('invalid', key, 'is not a field of a problem pack');
  }
  const title = value.title ?? '';
  if (typeof title !== 'string' || title.length > 200) return refusal('invalid', 'title', `expected text up to 200 characters, found ${describeValue(title)}`);
  const list = value.problems;
  if (!Array.isArray(list)) return refusal('invalid', 'problems', `expected a list of problems, found ${describeValue(list)}`);
  if (list.length === 0) return refusal('invalid', 'problems', 'a pack holds at least one problem');
  if (list.length > MAX_PACK_PROBLEMS) return refusal('limit', 'problems', `a pack holds at most ${MAX_PACK_PROBLEMS} problems, found ${list.length}`);
  const problems: Problem[] = [];
  const notices: string[] = [];
  const seen = new Set<string>();
  for (const [i, item] of list.entries()) {
    const parsed = parseProblemValue(item);
    if (!parsed.ok) {
      const { code, path, message } = parsed.error;
      const place = path === '' ? `problems[${i}]` : `problems[${i}].${path}`;
      return refusal(code, place, path !== '' && message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message);
    }
    if (seen.has(parsed.value.id)) return refusal('invalid', `problems[${i}].id`, `${quoteText(parsed.value.id)} is used by an earlier problem of the pack`);
    seen.add(parsed.value.id);
    problems.push(parsed.value);
    notices.push(...parsed.notices.map((n) => `${parsed.value.title}: ${n}`));
  }
  return { ok: true, value: { title, problems }, notices };
}
