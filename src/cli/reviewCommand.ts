/** `archflow review ATTEMPT --problem ID|FILE [--json]`: scores a saved attempt like the app's review. */
import { parseProblemFile } from '../model/practice/problemRecord';
import type { Problem } from '../model/practice/problemRecord';
import { PROBLEM_LIST, loadShippedProblem } from '../model/practice/problemLibrary';
import { formatReviewMarkdown } from '../model/practice/review/formatReviewMarkdown';
import { reviewAttempt } from '../model/practice/review/reviewAttempt';
import { describeFileError } from './cliIo';
import type { CliIo } from './cliIo';
import { EXIT_OK, fail, loadDiagram } from './loadDiagram';

export interface ReviewArgs {
  file: string;
  problem: string;
  json: boolean;
}

/** A shipped problem's id, else a problem file's path. */
async function loadProblem(io: CliIo, which: string): Promise<Problem | number> {
  if (PROBLEM_LIST.some((p) => p.id === which)) {
    const parsed = await loadShippedProblem(which);
    return parsed.ok ? parsed.value : fail(io, `problem ${which}: ${parsed.error.message}`);
  }
  let text: string;
  try {
    text = await io.readFile(which);
  } catch (error) {
    const ids = PROBLEM_LIST.map((p) => p.id).join(', ');
    return fail(io, `--problem ${which} is neither a shipped problem (${ids}) nor a readable file: ${describeFileError(error)}`);
  }
  const parsed = parseProblemFile(text);
  return parsed.ok ? parsed.value : fail(io, `${which}: ${parsed.error.message}`);
}

export async function reviewCommand(io: CliIo, args: ReviewArgs): Promise<number> {
  const problem = await loadProblem(io, args.problem);
  if (typeof problem === 'number') return problem;
  const loaded = await loadDiagram(io, args.file);
  if (!loaded.ok) return loaded.exitCode;
  const review = reviewAttempt(problem, loaded.diagram);
  if (args.json) {
    io.stdout(`${JSON.stringify(review, null, 2)}\n`);
  } else {
    const labels = new Map(loaded.diagram.nodes.map((n) => [n.id, n.label || n.kind]));
    io.stdout(formatReviewMarkdown(review, { labels }));
  }
  return EXIT_OK;
}
