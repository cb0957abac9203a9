/**
 * The review of a practice attempt (issue 14): every part of the rubric (docs/practice-rubric.md)
 * over the candidate's design, a score per part and overall. Pure and deterministic: the same
 * problem and design always give the same review, in the app and in `archflow review`.
 */
import type { AttemptDesign } from '../attempt';
import type { Problem } from '../problemRecord';
import { reviewApis } from './reviewApis';
import { reviewArchitecture } from './reviewArchitecture';
import { reviewData } from './reviewData';
import { reviewDrills } from './reviewDrills';
import { reviewEstimation } from './reviewEstimation';
import { reviewRequirements } from './reviewRequirements';
import { reviewScale } from './reviewScale';
import type { Review } from './reviewTypes';

export function reviewAttempt(problem: Problem, design: AttemptDesign, options: { hintsUsed?: number } = {}): Review {
  const parts = [
    reviewRequirements(problem, design),
    reviewEstimation(problem, design),
    reviewApis(problem, design),
    reviewData(problem, design),
    reviewArchitecture(problem, design),
    reviewScale(problem, design),
    reviewDrills(problem, design),
  ];
  const overall = Math.round(parts.reduce((sum, p) => sum + p.score * p.weight, 0));
  return { problemId: problem.id, problemTitle: problem.title, parts, overall, hintsUsed: options.hintsUsed ?? 0 };
}
