/**
 * Data: the problem's entities found among the candidate's by name (case, separators and a
 * plural "s" ignored), then their key: the problem's key field must be among the candidate
 * entity's primary or partition keys. Half a mark each.
 */
import type { AttemptDesign } from '../attempt';
import type { Problem } from '../problemRecord';
import { normalizeName } from './matchText';
import type { ReviewPart, ReviewPoint } from './reviewTypes';
import { PART_WEIGHTS, point, ratio } from './reviewTypes';

export function reviewData(problem: Problem, design: AttemptDesign): ReviewPart {
  const mine = design.entities ?? [];
  const points: ReviewPoint[] = [];
  let earned = 0;
  for (const wanted of problem.entities) {
    const found = mine.find((e) => normalizeName(e.name) === normalizeName(wanted.name));
    if (!found) {
      points.push(point(false, `Missing entity: ${wanted.name} (keyed by ${wanted.key})`, []));
      continue;
    }
    earned += 0.5;
    const keys = found.fields.filter((f) => f.primaryKey === true || f.partitionKey === true);
    const keyed = keys.some((f) => normalizeName(f.name) === normalizeName(wanted.key));
    if (keyed) earned += 0.5;
    const keyText = keys.length === 0 ? 'no key' : keys.map((f) => f.name).join(', ');
    points.push(
      point(keyed, keyed ? `${wanted.name}, keyed by ${wanted.key}` : `${wanted.name} is keyed by ${keyText}; the reference keys it by ${wanted.key}`, [{ table: 'entities', id: found.id }]),
    );
  }
  return { id: 'data', title: 'Data', score: ratio(earned, problem.entities.length), weight: PART_WEIGHTS.data, points };
}
