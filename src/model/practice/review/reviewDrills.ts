/**
 * Drills: for each of the problem's failure drills, the run the candidate did in the last step
 * when there is one (the components it marked down, what the candidate changed, the time it took
 * and whether every client was served after the fix); otherwise the candidate's final design is
 * drilled here: the counterpart of the failed component loses one instance if it has two or
 * more, else it is marked down, and the drill passes when every client still reaches a datastore.
 */
import { analyzeCapacity } from '../../analysis/analyzeCapacity';
import type { DiagramNode } from '../../diagram';
import type { AttemptDesign } from '../attempt';
import { analysisInputOf } from '../../analysis/analysisInput';
import { counterpartOf, describeChanges } from '../drillRun';
import { peakRpsOf } from '../../analysis/peakLoad';
import { formatClock } from '../practiceClock';
import type { Problem, ProblemDrill } from '../problemRecord';
import type { ReviewPart, ReviewPoint } from './reviewTypes';
import { PART_WEIGHTS, point, ratio } from './reviewTypes';

const instancesOf = (node: DiagramNode): number => {
  const n = (node as { figures?: { instances?: number } }).figures?.instances;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : 1;
};

const nameList = (design: AttemptDesign, ids: readonly string[]) => ids.map((id) => { const n = design.nodes.find((x) => x.id === id); return n ? n.label || n.kind : id; }).join(', ');

/** A drill the candidate ran and finished with "Done". */
function recordedPoint(drill: ProblemDrill, problem: Problem, design: AttemptDesign): ReviewPoint | undefined {
  const run = design.practice?.drills?.find((d) => d.drill === drill.id && d.spentMs !== undefined);
  if (!run || run.spentMs === undefined) return undefined;
  if (run.down.length === 0) {
    const refs = drill.components.map((id) => problem.reference.nodes.find((n) => n.id === id)?.label ?? id).join(' or ');
    return point(false, `${drill.prompt} Your design has no ${refs} to fail.`, [], 'Nothing was marked down, so the drill could not test your design.');
  }
  const served = run.served === true;
  const present = run.down.filter((id) => design.nodes.some((n) => n.id === id));
  const changed = run.changes ? describeChanges(run.changes) : 'no change recorded';
  return point(
    served,
    `${drill.prompt} ${served ? 'After your fix every client was served' : 'After your fix some client still had no route to its data'} (${formatClock(run.spentMs)}).`,
    present.map((id) => ({ table: 'nodes' as const, id })),
    `Marked down: ${nameList(design, run.down)}. You changed: ${changed}.`,
  );
}

/** A drill not run: tried on the final design. */
function checkedPoint(drill: ProblemDrill, problem: Problem, design: AttemptDesign, peak: number): ReviewPoint {
  const refs = drill.components.map((id) => problem.reference.nodes.find((n) => n.id === id)!);
  const mine = refs.map((r) => counterpartOf(r, design));
  if (mine.some((n) => n === undefined)) {
    return point(false, `${drill.prompt} Your design has no ${refs.map((r) => r.label).join(' or ')} to fail.`);
  }
  const nodes = mine as DiagramNode[];
  const down = nodes.filter((n) => instancesOf(n) < 2).map((n) => n.id);
  const analysis = analyzeCapacity(analysisInputOf(design, { peakRps: peak, down }));
  const ok = analysis.clients.length > 0 && analysis.cutOff.length === 0;
  const names = nodes.map((n) => n.label || n.kind).join(', ');
  const cut = nameList(design, analysis.cutOff);
  return point(
    ok,
    ok ? `${drill.prompt} Every client is still served.` : `${drill.prompt} ${cut || 'No client'} ${cut ? 'loses' : 'has'} every route to its data.`,
    nodes.map((n) => ({ table: 'nodes' as const, id: n.id })),
    `Not run in the session; checked on your final design: ${down.length === 0 ? `${names} has more than one instance, so losing one leaves the rest serving.` : `${names} has one instance and was marked down.`}`,
  );
}

export function reviewDrills(problem: Problem, design: AttemptDesign): ReviewPart {
  const peak = peakRpsOf(problem.scale) ?? 0;
  const points = problem.drills.map((drill) => recordedPoint(drill, problem, design) ?? checkedPoint(drill, problem, design, peak));
  const passed = points.filter((p) => p.ok).length;
  return { id: 'drills', title: 'Failure drills', score: ratio(passed, problem.drills.length), weight: PART_WEIGHTS.drills, points };
}
