/**
 * Reads and parses the diagram a command was given. Every failure becomes one line on stderr
 * naming the file and the problem (and, for format errors, the place in the document).
 */
import type { Diagram } from '../model/diagram';
import { parseDiagramFile } from '../model/parseDiagramFile';
import { describeFileError } from './cliIo';
import type { CliIo } from './cliIo';
import { oneLine } from './terminalText';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_UNREADABLE = 2;

export function fail(io: CliIo, message: string): number {
  io.stderr(`archflow: ${oneLine(message)}\n`);
  return EXIT_UNREADABLE;
}

export type Loaded = { ok: true; diagram: Diagram; notices: string[] } | { ok: false; exitCode: number };

export async function loadDiagram(io: CliIo, path: string): Promise<Loaded> {
  let text: string;
  try {
    text = await io.readFile(path);
  } catch (error) {
    return { ok: false, exitCode: fail(io, `cannot read ${path}: ${describeFileError(error)}`) };
  }
  const parsed = parseDiagramFile(text);
  if (!parsed.ok) return { ok: false, exitCode: fail(io, `${path}: ${parsed.error.message}`) };
  return { ok: true, diagram: parsed.value, notices: parsed.notices };
}
