/**
 * Estimation: each back-of-the-envelope figure of the candidate's scale against the reference's,
 * passing within a factor of two, with both formulas shown.
 */
import type { AttemptDesign } from '../attempt';
import { estimateScale } from '../estimate';
import type { Estimate } from '../estimate';
import type { Problem } from '../problemRecord';
import type { ReviewPart, ReviewPoint } from './reviewTypes';
import { PART_WEIGHTS, point, ratio } from './reviewTypes';

const TOLERANCE = 2;

export function formatFigure(estimate: Pick<Estimate, 'name'>, value: number): string {
  if (estimate.name === 'storageBytes') {
    const units = ['B', 'KB', 'MB', 'GB', 'TB', 'PB', 'EB'];
    let v = value;
    let u = 0;
    while (v >= 1000 && u < units.length - 1) {
      v /= 1000;
      u++;
    }
    return `${v.toLocaleString('en-US', { maximumFractionDigits: 1 })} ${units[u]}`;
  }
  return Math.round(value).toLocaleString('en-US');
}

export function reviewEstimation(problem: Problem, design: AttemptDesign): ReviewPart {
  const reference = estimateScale(problem.scale);
  const mine = estimateScale(design.scale ?? {});
  const points: ReviewPoint[] = [];
  let earned = 0;
  let possible = 0;
  for (const [i, ref] of reference.entries()) {
    if (ref.value === null) continue;
    possible++;
    const own = mine[i]!;
    const refText = `${formatFigure(ref, ref.value)} = ${ref.formula}`;
    if (own.value === null) {
      points.push(point(false, `${ref.label}: not estimated`, [], `Reference: ${refText}.`));
      continue;
    }
    const ok = ref.value === 0 ? own.value === 0 : own.value >= ref.value / TOLERANCE && own.value <= ref.value * TOLERANCE;
    if (ok) earned++;
    points.push(
      point(ok, `${ref.label}: ${formatFigure(own, own.value)} ${ok ? 'is within 2×' : 'is more than 2× off'} the reference's ${formatFigure(ref, ref.value)}`, [], `Yours: ${own.formula}. Reference: ${refText}.`),
    );
  }
  return { id: 'estimation', title: 'Estimation', score: ratio(earned, possible), weight: PART_WEIGHTS.estimation, points };
}
