/**
 * Writing practice problems as files: one problem (`archflow-problem`) or a pack of several
 * (`archflow-problem-pack`), so a team or a coach shares them. What is written reads back through
 * `parseProblemsFile` to the same problems; the reference goes out as a diagram file of the
 * current version.
 */
import { toDiagramFile } from '../serializeDiagramFile';
import { PACK_FORMAT, PACK_VERSION } from './problemPack';
import { PROBLEM_FORMAT, PROBLEM_VERSION } from './problemRecord';
import type { Problem } from './problemRecord';

/** The file object of one problem, keys in the documented order. */
export function toProblemFile(problem: Problem): Record<string, unknown> {
  return {
    format: PROBLEM_FORMAT,
    version: PROBLEM_VERSION,
    id: problem.id,
    title: problem.title,
    statement: problem.statement,
    flow: problem.flow,
    requirements: problem.requirements,
    scale: problem.scale,
    endpoints: problem.endpoints,
    entities: problem.entities,
    reference: toDiagramFile(problem.reference),
    hints: problem.hints,
    followUps: problem.followUps,
    drills: problem.drills,
  };
}

export function serializeProblemFile(problem: Problem): string {
  return `${JSON.stringify(toProblemFile(problem), null, 2)}\n`;
}

export function serializeProblemPack(title: string, problems: readonly Problem[]): string {
  return `${JSON.stringify({ format: PACK_FORMAT, version: PACK_VERSION, title, problems: problems.map(toProblemFile) }, null, 2)}\n`;
}
