/**
 * A practice problem (issue 14): the statement, what a strong answer holds (requirements with
 * their keywords, scale figures, endpoints, entities), a reference design, hints, follow-up
 * questions and failure drills. One definition of its type and its parse, like the diagram's
 * records; docs/problem-format.md describes the file. The reference design is an Archflow
 * diagram and goes through the diagram parser, so it is held to exactly the same rules.
 */
import type { Diagram, ParseResult } from '../diagram';
import { FLOWS } from '../diagram';
import { findJsonDepthOver, jsonErrorMessage, lineColumn } from '../jsonSyntax';
import { LIMITS } from '../limits';
import { parseDiagramValue } from '../parseDiagramFile';
import { describeValue, isPlainObject, quoteText, readSafely, refusal } from '../plainData';
import { z } from '../records/fields';
import { boundedString, id, list, oneOf, record, text, withoutUndefined } from '../records/fields';
import { parseRecord } from '../records/parseRecord';

export const PROBLEM_FORMAT = 'archflow-problem';
export const PROBLEM_VERSION = 1;
/** A problem file is small: its reference design is one ordinary diagram. */
export const MAX_PROBLEM_BYTES = 2_000_000;

export const PRIORITIES = ['must', 'should', 'could'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** The same words as the design records' endpoint methods (DOCUMENT_SPEC: ENDPOINT_METHODS). */
export const PROBLEM_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'RPC', 'WS', 'STREAM'] as const;

const line = () => text(LIMITS.maxLabelLength);
const many = <T extends z.ZodType>(item: T, what: string, max = 100) => list(item, { max, what });
const nonNegative = z
  .number({ error: (issue) => `expected a number, found ${describeValue(issue.input)}` })
  .refine((v) => Number.isFinite(v) && v >= 0, { error: (issue) => `expected a non-negative number, found ${describeValue(issue.input)}` });
const keyword = boundedString(100)
  .transform((v) => v.trim().toLowerCase())
  .refine((v) => v !== '', { error: 'a keyword must not be empty' });

export const ProblemRequirementRecord = record({
  id: id(),
  text: line(),
  priority: oneOf(PRIORITIES, 'a priority'),
  /** Words or phrases (any one is enough) that show a candidate's requirement says the same. */
  keywords: many(keyword, 'keywords', 20).refine((k) => k.length > 0, { error: 'needs at least one keyword' }),
});

/** The names of the design's `meta.scale` (DOCUMENT_SPEC "Meta"), all optional. */
export const ProblemScaleRecord = record({
  dailyActiveUsers: nonNegative.optional(),
  requestsPerUserPerDay: nonNegative.optional(),
  readWriteRatio: nonNegative.optional(),
  peakFactor: nonNegative.optional(),
  averageObjectBytes: nonNegative.optional(),
  retentionDays: nonNegative.optional(),
  p99LatencyMs: nonNegative.optional(),
  availabilityTarget: nonNegative.optional(),
}).transform(withoutUndefined);
export type ProblemScale = z.output<typeof ProblemScaleRecord>;

export const ProblemEndpointRecord = record({
  method: oneOf(PROBLEM_METHODS, 'a method'),
  path: boundedString(LIMITS.maxLabelLength).refine((p) => p.trim() !== '', { error: 'must not be empty' }),
});

export const ProblemEntityRecord = record({
  name: boundedString(LIMITS.maxLabelLength).refine((p) => p.trim() !== '', { error: 'must not be empty' }),
  /** The field a strong answer keys it by (its primary or partition key). */
  key: boundedString(LIMITS.maxLabelLength).refine((p) => p.trim() !== '', { error: 'must not be empty' }),
});

export const ProblemDrillRecord = record({
  id: id(),
  /** Ids of the reference's components marked down. */
  components: many(id(), 'components', 10).refine((c) => c.length > 0, { error: 'needs at least one component' }),
  prompt: line(),
});

export const ProblemRecord = record({
  format: z.literal(PROBLEM_FORMAT, { error: (issue) => `expected "${PROBLEM_FORMAT}", found ${describeValue(issue.input)}` }),
  version: z.literal(PROBLEM_VERSION, { error: (issue) => `expected ${PROBLEM_VERSION}, found ${describeValue(issue.input)}` }),
  id: boundedString(100).regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'must be lower-case letters, digits and dashes' }),
  title: line(),
  statement: text(LIMITS.maxNotesLength, { multiline: true }),
  flow: oneOf(FLOWS, 'a flow'),
  requirements: many(ProblemRequirementRecord, 'requirements'),
  scale: ProblemScaleRecord,
  endpoints: many(ProblemEndpointRecord, 'endpoints'),
  entities: many(ProblemEntityRecord, 'entities'),
  /** An Archflow diagram file's object; read by the diagram parser after this schema. */
  reference: z.unknown(),
  hints: many(line(), 'hints', 20),
  followUps: many(line(), 'follow-up questions', 20),
  drills: many(ProblemDrillRecord, 'drills', 3),
});

type ProblemFields = Omit<z.output<typeof ProblemRecord>, 'reference'>;
export type ProblemRequirement = z.output<typeof ProblemRequirementRecord>;
export type ProblemEndpoint = z.output<typeof ProblemEndpointRecord>;
export type ProblemEntity = z.output<typeof ProblemEntityRecord>;
export type ProblemDrill = z.output<typeof ProblemDrillRecord>;
export interface Problem extends ProblemFields {
  reference: Diagram;
}

/** Parses a problem file's text. Never throws. */
export function parseProblemFile(text: string): ParseResult<Problem> {
  const value = readJsonText(text, MAX_PROBLEM_BYTES, 'problem file');
  return value.ok ? parseProblemValue(value.value) : value;
}

/**
 * The JSON inside a problem or pack file, refused before parsing when it is not text, empty,
 * over `maxChars` or nested deeper than the diagram limit. Never throws.
 */
export function readJsonText(text: string, maxChars: number, what: string): ParseResult<unknown> {
  if (typeof text !== 'string') return refusal('not-json', '', 'The input is not text.');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.length > maxChars) {
    return refusal('too-large', '', `The ${what} is over ${maxChars.toLocaleString('en-US')} characters.`);
  }
  if (body.trim() === '') return refusal('empty', '', 'The file is empty.');
  const deepAt = findJsonDepthOver(body, LIMITS.maxJsonDepth);
  if (deepAt !== undefined) {
    return refusal('limit', '', `The JSON nests deeper than ${LIMITS.maxJsonDepth} levels at ${lineColumn(body, deepAt)}.`);
  }
  try {
    return { ok: true, value: JSON.parse(body) as unknown, notices: [] };
  } catch (err) {
    return refusal('not-json', '', jsonErrorMessage(body, err));
  }
}

/** Checks an already-parsed value. Never throws. */
export function parseProblemValue(value: unknown): ParseResult<Problem> {
  return readSafely(() => readProblem(value), 'The problem could not be read: it is not plain data.');
}

function readProblem(value: unknown): ParseResult<Problem> {
  if (!isPlainObject(value) || value.format !== PROBLEM_FORMAT) {
    return refusal(
      'not-archflow',
      '',
      `The file holds ${isPlainObject(value) ? 'an object without "format": "archflow-problem"' : describeValue(value)}, not an Archflow problem.`,
    );
  }
  if (typeof value.version === 'number' && value.version > PROBLEM_VERSION) {
    return refusal('newer-version', 'version', `The problem is format version ${value.version}; this Archflow reads version ${PROBLEM_VERSION}.`);
  }
  const parsed = parseRecord(ProblemRecord, value);
  if (!parsed.ok) return parsed;
  const reference = parseDiagramValue(parsed.value.reference);
  if (!reference.ok) {
    const { code, path, message } = reference.error;
    const place = path === '' ? 'reference' : `reference.${path}`;
    const problem = path !== '' && message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
    return refusal(code, place, problem);
  }
  const problem: Problem = { ...parsed.value, reference: reference.value };
  const crossed = checkProblem(problem);
  return crossed ?? { ok: true, value: problem, notices: reference.notices };
}

/** References inside a problem: unique requirement and drill ids, drills naming reference components. */
function checkProblem(problem: Problem): ParseResult<never> | undefined {
  const seen = new Set<string>();
  for (const [i, r] of problem.requirements.entries()) {
    if (seen.has(r.id)) return refusal('invalid', `requirements[${i}].id`, `${quoteText(r.id)} is used twice`);
    seen.add(r.id);
  }
  const nodeIds = new Set(problem.reference.nodes.map((n) => n.id));
  const drillIds = new Set<string>();
  for (const [i, d] of problem.drills.entries()) {
    if (drillIds.has(d.id)) return refusal('invalid', `drills[${i}].id`, `${quoteText(d.id)} is used twice`);
    drillIds.add(d.id);
    for (const [j, c] of d.components.entries()) {
      if (!nodeIds.has(c)) {
        return refusal('invalid', `drills[${i}].components[${j}]`, `${quoteText(c)} is not a component of the reference design`);
      }
    }
  }
  return undefined;
}
