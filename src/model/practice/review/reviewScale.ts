/**
 * Scale: the capacity analysis of the design, with its own figures, at the problem's peak and at
 * twice it (every load doubled, as the app's multiplier at ×2 shows it). Sub-scores: nothing
 * overloaded at the peak (2), nothing at 2× (1), the slowest client's path within the p99 target
 * at the peak (1).
 */
import { analyzeCapacity } from '../../analysis/analyzeCapacity';
import type { AttemptDesign } from '../attempt';
import { analysisInputOf } from '../../analysis/analysisInput';
import { peakRpsOf } from '../../analysis/peakLoad';
import type { Problem } from '../problemRecord';
import type { ReviewPart, ReviewPoint } from './reviewTypes';
import { PART_WEIGHTS, point } from './reviewTypes';

const rps = (v: number) => `${Math.round(v).toLocaleString('en-US')} requests/s`;

export function reviewScale(problem: Problem, design: AttemptDesign): ReviewPart {
  const peak = peakRpsOf(problem.scale) ?? 0;
  const points: ReviewPoint[] = [];
  const served = design.nodes.some((n) => n.kind !== 'group') && analyzeCapacity(analysisInputOf(design, { peakRps: peak })).nodes.length > 0;
  if (!served) {
    points.push(point(false, 'No servers or datastores to carry the load'));
    return { id: 'scale', title: 'Scale', score: 0, weight: PART_WEIGHTS.scale, points };
  }
  let earned = 0;
  for (const [factor, weight] of [[1, 2], [2, 1]] as const) {
    const analysis = analyzeCapacity(analysisInputOf(design, { peakRps: peak, multiplier: factor }));
    const over = analysis.nodes.filter((n) => n.status === 'overloaded');
    const at = factor === 1 ? `the peak (${rps(peak)})` : `2× the peak (${rps(peak * 2)})`;
    if (analysis.clients.length === 0) {
      points.push(point(false, `No client sends load at ${at}`));
      continue;
    }
    if (over.length === 0) {
      earned += weight;
      points.push(point(true, `Nothing overloaded at ${at}`));
    }
    for (const n of over) {
      points.push(point(false, `Overloaded at ${at}: ${n.label || n.kind} takes ${rps(n.load)} and needs ${n.instancesNeeded} instances (has ${n.instances})`, [{ table: 'nodes', id: n.id }]));
    }
    if (factor === 1) {
      const target = problem.scale.p99LatencyMs;
      const slowest = analysis.clients.reduce<{ ms: number | null; id: string }>((worst, c) => {
        const ms = c.path.latencyMs;
        if (worst.ms === null) return worst;
        return ms === null || ms > worst.ms ? { ms, id: c.id } : worst;
      }, { ms: 0, id: analysis.clients[0]!.id });
      if (target === undefined) earned += 1;
      else if (slowest.ms !== null && slowest.ms <= target) {
        earned += 1;
        points.push(point(true, `The slowest client path takes about ${Math.round(slowest.ms)} ms, within the ${target} ms p99 target`, [{ table: 'nodes', id: slowest.id }]));
      } else {
        points.push(point(false, slowest.ms === null ? 'A client path never completes at the peak (something on it is overloaded)' : `The slowest client path takes about ${Math.round(slowest.ms)} ms, over the ${target} ms p99 target`, [{ table: 'nodes', id: slowest.id }], 'Mean latency from the capacity model; p99 is higher still.'));
      }
    }
  }
  return { id: 'scale', title: 'Scale', score: earned / 4, weight: PART_WEIGHTS.scale, points };
}
