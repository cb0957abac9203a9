/**
 * Where a command's output goes: standard output, or the file given with `-o`, followed by one
 * line saying what was written (kept on one line, control characters escaped).
 */
import { describeFileError } from './cliIo';
import type { CliIo } from './cliIo';
import { EXIT_OK, fail } from './loadDiagram';
import { oneLine } from './terminalText';

export async function writeOutput(io: CliIo, out: string | undefined, text: string, wrote: () => string): Promise<number> {
  if (out === undefined) {
    io.stdout(text);
    return EXIT_OK;
  }
  try {
    await io.writeFile(out, text);
  } catch (error) {
    return fail(io, `cannot write ${out}: ${describeFileError(error)}`);
  }
  io.stdout(`${oneLine(wrote())}\n`);
  return EXIT_OK;
}
