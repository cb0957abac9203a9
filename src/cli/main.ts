/**
 * The `archflow` command line: argument parsing and dispatch. `runCli` touches nothing global,
 * so tests drive it in-process; `entry.ts` wires it to the real process.
 */
import { parseArgs } from 'node:util';
import { FLOWS, LAYOUT_DIRECTIONS } from '../model/diagram';
import type { Flow, LayoutDirection } from '../model/diagram';
import { analyzeCommand } from './analyzeCommand';
import type { CliIo } from './cliIo';
import { docCommand } from './docCommand';
import { layoutCommand } from './layoutCommand';
import { EXIT_OK, fail } from './loadDiagram';
import { USAGE } from './usage';
import { validateCommand } from './validateCommand';

export type { CliIo } from './cliIo';

const HINT = 'run "archflow --help" for usage';

class UsageError extends Error {}

/** `--timeout SECONDS`: a positive number of seconds, fractions allowed. */
function positiveSeconds(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (value.trim() === '' || !Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIMEOUT_SECONDS) {
    throw new UsageError(`${flag} must be a number of seconds above 0 and at most ${MAX_TIMEOUT_SECONDS.toLocaleString('en-US')}, not "${value}"`);
  }
  return seconds;
}

/** A day: past this, setTimeout would fire at once (its delay is a 32-bit count of milliseconds). */
const MAX_TIMEOUT_SECONDS = 86_400;

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`${flag} must be ${allowed.join(', ').replace(/, ([^,]*)$/, ' or $1')}, not "${value}"`);
}

/** Node's parse errors end with advice about `--`; the first sentence is the problem. */
function argumentProblem(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split(/\.\s/)[0]!.replace(/\.$/, '');
}

function parseCommand(command: string, args: string[]) {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      ...(command === 'validate'
        ? { flow: { type: 'string' }, json: { type: 'boolean' } }
        : command === 'analyze'
          ? { rps: { type: 'string' }, down: { type: 'string' }, json: { type: 'boolean' } }
          : command === 'doc'
            ? { output: { type: 'string', short: 'o' } }
            : { output: { type: 'string', short: 'o' }, direction: { type: 'string' }, timeout: { type: 'string' } }),
    },
  });
  if (values.help === true) return { help: true as const };
  const [file, ...extra] = positionals;
  if (file === undefined) throw new UsageError(`${command} needs a FILE`);
  if (extra.length > 0) throw new UsageError(`${command} takes one FILE, but also got "${extra.join('" "')}"`);
  return { help: false as const, file, values: values as Record<string, string | boolean | undefined> };
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) return fail(io, `missing command; ${HINT}`);
  if (command === 'help' || command === '--help' || command === '-h') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (command !== 'validate' && command !== 'layout' && command !== 'analyze' && command !== 'doc') {
    return fail(io, `unknown command "${command}"; ${HINT}`);
  }
  let parsed: ReturnType<typeof parseCommand>;
  let flow: Flow | undefined;
  let direction: LayoutDirection | undefined;
  let timeoutSeconds: number | undefined;
  try {
    parsed = parseCommand(command, rest);
    if (!parsed.help) {
      flow = oneOf('--flow', parsed.values.flow as string | undefined, FLOWS);
      direction = oneOf('--direction', parsed.values.direction as string | undefined, LAYOUT_DIRECTIONS);
      timeoutSeconds = positiveSeconds('--timeout', parsed.values.timeout as string | undefined);
    }
  } catch (error) {
    return fail(io, `${error instanceof UsageError ? error.message : argumentProblem(error)}; ${HINT}`);
  }
  if (parsed.help) {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  const { file, values } = parsed;
  if (command === 'validate') {
    return validateCommand(io, { file, json: values.json === true, ...(flow ? { flow } : {}) });
  }
  if (command === 'analyze') {
    const { rps, down } = values as { rps?: string; down?: string };
    return analyzeCommand(io, { file, json: values.json === true, ...(rps !== undefined ? { rps } : {}), ...(down !== undefined ? { down } : {}) });
  }
  const out = values.output as string | undefined;
  if (command === 'doc') return docCommand(io, { file, ...(out !== undefined ? { out } : {}) });
  return layoutCommand(io, {
    file,
    ...(out !== undefined ? { out } : {}),
    ...(direction ? { direction } : {}),
    ...(timeoutSeconds !== undefined ? { timeoutSeconds } : {}),
  });
}
