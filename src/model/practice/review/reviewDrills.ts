/**
 * Drills: for each of the problem's failure drills, the candidate's component of the same kind
 * (else of the same purpose) is failed. One with two or more instances loses one and keeps
 * serving; one with a single instance is marked down in the capacity model, and the drill passes
 * when every client still reaches a datastore.
 */
import { analyzeCapacity } from '../../analysis/analyzeCapacity';
import type { DiagramNode } from '../../diagram';
import type { AttemptDesign } from '../attempt';
import { analysisInputOf } from '../attempt';
import { purposesOf } from '../componentPurpose';
import { peakRpsOf } from '../../analysis/peakLoad';
import type { Problem } from '../problemRecord';
import type { ReviewPart, ReviewPoint } from './reviewTypes';
import { PART_WEIGHTS, point, ratio } from './reviewTypes';

const instancesOf = (node: DiagramNode): number => {
  const n = (node as { figures?: { instances?: number } }).figures?.instances;
  return typeof n === 'number' && Number.isInteger(n) && n >= 1 ? n : 1;
};

/** The candidate's counterpart of a reference component. */
export function counterpartOf(reference: DiagramNode, design: AttemptDesign): DiagramNode | undefined {
  const sameKind = design.nodes.find((n) => n.kind === reference.kind);
  if (sameKind) return sameKind;
  const purpose = purposesOf(reference)[0];
  return purpose === undefined ? undefined : design.nodes.find((n) => purposesOf(n).includes(purpose));
}

export function reviewDrills(problem: Problem, design: AttemptDesign): ReviewPart {
  const points: ReviewPoint[] = [];
  let passed = 0;
  const peak = peakRpsOf(problem.scale) ?? 0;
  for (const drill of problem.drills) {
    const refs = drill.components.map((id) => problem.reference.nodes.find((n) => n.id === id)!);
    const mine = refs.map((r) => counterpartOf(r, design));
    if (mine.some((n) => n === undefined)) {
      points.push(point(false, `${drill.prompt} Your design has no ${refs.map((r) => r.label).join(' or ')} to fail.`));
      continue;
    }
    const nodes = mine as DiagramNode[];
    const down = nodes.filter((n) => instancesOf(n) < 2).map((n) => n.id);
    const analysis = analyzeCapacity(analysisInputOf(design, peak, down));
    const ok = analysis.clients.length > 0 && analysis.cutOff.length === 0;
    if (ok) passed++;
    const names = nodes.map((n) => n.label || n.kind).join(', ');
    const cut = analysis.cutOff.map((id) => design.nodes.find((n) => n.id === id)?.label ?? id).join(', ');
    points.push(
      point(
        ok,
        ok ? `${drill.prompt} Every client is still served.` : `${drill.prompt} ${cut || 'No client'} ${cut ? 'loses' : 'has'} every route to its data.`,
        nodes.map((n) => ({ table: 'nodes' as const, id: n.id })),
        down.length === 0 ? `${names} has more than one instance, so losing one leaves the rest serving.` : `${names} has one instance and was marked down.`,
      ),
    );
  }
  return { id: 'drills', title: 'Failure drills', score: ratio(passed, problem.drills.length), weight: PART_WEIGHTS.drills, points };
}
