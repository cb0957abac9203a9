/**
 * Architecture: the flow validator's findings; a request path for each must requirement; the
 * reference's purposes missing from the design ("Missing: cache in front of the database"); and
 * single points of failure at the problem's peak. Sub-scores weigh 1, 1, 2 and 1.
 */
import { analyzeCapacity } from '../../analysis/analyzeCapacity';
import { validateFlow } from '../../validateFlow';
import type { AttemptDesign } from '../attempt';
import { analysisInputOf } from '../../analysis/analysisInput';
import { PURPOSE_PHRASES, purposesIn } from '../componentPurpose';
import { peakRpsOf } from '../../analysis/peakLoad';
import type { Problem } from '../problemRecord';
import { matchRequirements } from './reviewRequirements';
import type { ReviewPart, ReviewPoint } from './reviewTypes';
import { PART_WEIGHTS, point, ratio } from './reviewTypes';

export function reviewArchitecture(problem: Problem, design: AttemptDesign): ReviewPart {
  const points: ReviewPoint[] = [];
  const labelOf = new Map(design.nodes.map((n) => [n.id, n.label || n.kind]));

  // The validator.
  const report = validateFlow(design, design.flow);
  const hasComponents = design.nodes.some((n) => n.kind !== 'group');
  const flowScore = hasComponents && report.errorCount === 0 ? 1 : 0;
  if (flowScore === 1) points.push(point(true, `The ${report.flow} flow is valid${report.warningCount > 0 ? ` (${report.warningCount} warning${report.warningCount === 1 ? '' : 's'})` : ''}`));
  for (const f of report.findings) {
    points.push(point(f.severity !== 'error', `${f.severity === 'error' ? 'Error' : 'Warning'}: ${f.message}`, f.nodes.map((id) => ({ table: 'nodes' as const, id }))));
  }

  // A request path for every must requirement.
  const matched = matchRequirements(problem, design);
  const paths = design.paths ?? [];
  const musts = problem.requirements.filter((r) => r.priority === 'must');
  let pathed = 0;
  for (const must of musts) {
    const mine = matched.get(must.id);
    const path = mine ? paths.find((p) => p.requirement === mine.id) : undefined;
    if (path) {
      pathed++;
      points.push(point(true, `Request path for "${must.text}": ${path.steps.map((s) => labelOf.get(s) ?? s).join(' → ')}`, [{ table: 'paths', id: path.id }]));
    } else {
      points.push(point(false, `No request path for "${must.text}"`, mine ? [{ table: 'requirements', id: mine.id }] : [], mine ? 'Draw the path a request takes and link it to this requirement.' : 'Write the requirement down first, then its path.'));
    }
  }

  // The reference's purposes.
  const wanted = purposesIn(problem.reference);
  const have = purposesIn(design);
  let covered = 0;
  for (const purpose of wanted.keys()) {
    const ids = have.get(purpose);
    if (ids) {
      covered++;
      points.push(point(true, `Has the ${PURPOSE_PHRASES[purpose]}: ${ids.map((id) => labelOf.get(id)).join(', ')}`, ids.map((id) => ({ table: 'nodes' as const, id }))));
    } else {
      const ref = wanted.get(purpose)!.map((id) => problem.reference.nodes.find((n) => n.id === id)?.label).join(', ');
      points.push(point(false, `Missing: ${PURPOSE_PHRASES[purpose]}`, [], `The reference has ${ref}.`));
    }
  }

  // Single points of failure at the peak.
  let spofScore = 0;
  if (hasComponents && report.errorCount === 0) {
    const analysis = analyzeCapacity(analysisInputOf(design, { peakRps: peakRpsOf(problem.scale) ?? 0 }));
    spofScore = Math.max(0, 1 - analysis.spof.length / 4);
    if (analysis.spof.length === 0) points.push(point(true, 'No single point of failure: every client keeps a route when any one instance fails'));
    for (const id of analysis.spof) {
      points.push(point(false, `Single point of failure: ${labelOf.get(id) ?? id} has one instance on every route of some client`, [{ table: 'nodes', id }], 'Give it a second instance or a second route.'));
    }
  }

  const score = (flowScore + ratio(pathed, musts.length) * (musts.length > 0 ? 1 : 0) + 2 * ratio(covered, wanted.size) + spofScore) / (musts.length > 0 ? 5 : 4);
  return { id: 'architecture', title: 'Architecture', score, weight: PART_WEIGHTS.architecture, points };
}
