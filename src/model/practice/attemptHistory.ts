/**
 * Past attempts kept in the browser: one summary per finished session, read back through a
 * strict parse (the storage is outside the app's control) and listed per problem.
 */
import { z } from 'zod';
import type { Review } from './review/reviewTypes';

export const AttemptSummaryRecord = z.object({
  problem: z.string().max(100),
  problemTitle: z.string().max(1_000),
  diagramId: z.string().max(200).nullable(),
  finishedAt: z.number().finite(),
  overall: z.number().min(0).max(100),
  parts: z.record(z.string().max(40), z.number().min(0).max(1)),
  hintsUsed: z.number().int().min(0),
});
export type AttemptSummary = z.output<typeof AttemptSummaryRecord>;

/** At most this many are kept; the oldest go first. */
export const MAX_ATTEMPTS = 200;

export function summarizeAttempt(review: Review, diagramId: string | null, finishedAt: number): AttemptSummary {
  return {
    problem: review.problemId,
    problemTitle: review.problemTitle,
    diagramId,
    finishedAt,
    overall: review.overall,
    parts: Object.fromEntries(review.parts.map((p) => [p.id, p.score])),
    hintsUsed: review.hintsUsed,
  };
}

/** The stored list, dropping what does not parse rather than losing everything. */
export function parseAttempts(value: unknown): AttemptSummary[] {
  if (!Array.isArray(value)) return [];
  const out: AttemptSummary[] = [];
  for (const item of value) {
    const parsed = AttemptSummaryRecord.safeParse(item);
    if (parsed.success) out.push(parsed.data);
  }
  return out.slice(-MAX_ATTEMPTS);
}
