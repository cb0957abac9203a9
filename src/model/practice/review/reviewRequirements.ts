/**
 * Requirements: which of the problem's must and should requirements the candidate wrote down.
 * A candidate requirement matches by an explicit link (it carries the problem requirement's id,
 * as one added from the problem does) or by mentioning one of the problem's keywords. Musts
 * count twice.
 */
import type { Problem } from '../problemRecord';
import type { AttemptDesign, AttemptRequirement } from '../attempt';
import { mentions } from './matchText';
import type { ReviewPart, ReviewPoint } from './reviewTypes';
import { PART_WEIGHTS, point, ratio } from './reviewTypes';

/** Problem requirement id → the candidate requirement that covers it. */
export function matchRequirements(problem: Problem, design: AttemptDesign): Map<string, AttemptRequirement> {
  const mine = design.requirements ?? [];
  const out = new Map<string, AttemptRequirement>();
  for (const wanted of problem.requirements) {
    const found = mine.find((r) => r.id === wanted.id) ?? mine.find((r) => wanted.keywords.some((k) => mentions(r.text, k)));
    if (found) out.set(wanted.id, found);
  }
  return out;
}

export function reviewRequirements(problem: Problem, design: AttemptDesign): ReviewPart {
  const matched = matchRequirements(problem, design);
  const points: ReviewPoint[] = [];
  let earned = 0;
  let possible = 0;
  for (const wanted of problem.requirements) {
    if (wanted.priority === 'could') continue;
    const weight = wanted.priority === 'must' ? 2 : 1;
    possible += weight;
    const found = matched.get(wanted.id);
    if (found) {
      earned += weight;
      points.push(point(true, `Covered (${wanted.priority}): ${wanted.text}`, [{ table: 'requirements', id: found.id }], `Your requirement "${found.text}" ${found.id === wanted.id ? 'is linked to it' : 'mentions one of: ' + wanted.keywords.join(', ')}.`));
    } else {
      points.push(point(false, `Missing (${wanted.priority}): ${wanted.text}`, [], `No requirement of yours mentions ${wanted.keywords.map((k) => `"${k}"`).join(', ')}.`));
    }
  }
  return { id: 'requirements', title: 'Requirements', score: ratio(earned, possible), weight: PART_WEIGHTS.requirements, points };
}
