/** The process behind `bin/archflow.mjs`: real files and streams, and the exit code. */
import { runCli } from './main';
import { nodeIo } from './nodeIo';
import { oneLine } from './terminalText';

export async function main(): Promise<void> {
  // `archflow validate x --json | head` closes the pipe early; that is not a failure to report.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  try {
    process.exitCode = await runCli(process.argv.slice(2), nodeIo());
  } catch (error) {
    // A bug, not a user mistake; still one line and no stack, as promised for every failure.
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`archflow: unexpected error: ${oneLine(message.split('\n')[0] ?? '')}\n`);
    process.exitCode = 2;
  }
}
