/**
 * APIs: the candidate's endpoints matched to the problem's by method and normalised path
 * (version prefixes, query strings and parameter names do not count). Extra endpoints are listed,
 * not held against the candidate.
 */
import type { AttemptDesign } from '../attempt';
import type { Problem } from '../problemRecord';
import { normalizePath } from './matchText';
import type { ReviewPart, ReviewPoint } from './reviewTypes';
import { PART_WEIGHTS, point, ratio } from './reviewTypes';

const keyOf = (method: string, path: string) => `${method.toUpperCase()} ${normalizePath(path)}`;

export function reviewApis(problem: Problem, design: AttemptDesign): ReviewPart {
  const mine = design.endpoints ?? [];
  const used = new Set<string>();
  const points: ReviewPoint[] = [];
  let earned = 0;
  for (const wanted of problem.endpoints) {
    const key = keyOf(wanted.method, wanted.path);
    const found = mine.find((e) => !used.has(e.id) && keyOf(e.method, e.path) === key);
    if (found) {
      used.add(found.id);
      earned++;
      points.push(point(true, `${wanted.method} ${wanted.path}`, [{ table: 'endpoints', id: found.id }], `Matched by your ${found.method} ${found.path}.`));
    } else {
      points.push(point(false, `Missing: ${wanted.method} ${wanted.path}`, [], `Compared as ${key}.`));
    }
  }
  for (const extra of mine) {
    if (used.has(extra.id)) continue;
    points.push(point(true, `Extra (not in the reference): ${extra.method} ${extra.path}`, [{ table: 'endpoints', id: extra.id }], 'Not scored; be ready to say why it is needed.'));
  }
  return { id: 'apis', title: 'APIs', score: ratio(earned, problem.endpoints.length), weight: PART_WEIGHTS.apis, points };
}
