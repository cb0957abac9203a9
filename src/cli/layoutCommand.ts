/** `archflow layout FILE [-o OUT] [--direction D] [--timeout SECONDS]` */
import type { LayoutDirection } from '../model/diagram';
import { formatFileSize, utf8ByteLength } from '../model/fileSize';
import { LIMITS } from '../model/limits';
import { serializeDiagramFile } from '../model/serializeDiagramFile';
import { layoutDiagram } from '../layout/layoutDiagram';
import type { CliIo } from './cliIo';
import { EXIT_FINDINGS, loadDiagram } from './loadDiagram';
import { oneLine } from './terminalText';
import { writeOutput } from './writeOutput';
import { createWorkerElk, DEFAULT_LAYOUT_TIMEOUT_SECONDS } from './workerElk';

export interface LayoutArgs {
  file: string;
  out?: string;
  direction?: LayoutDirection;
  /** Seconds the layout may take; DEFAULT_LAYOUT_TIMEOUT_SECONDS when absent. */
  timeoutSeconds?: number;
}

export async function layoutCommand(io: CliIo, args: LayoutArgs): Promise<number> {
  const loaded = await loadDiagram(io, args.file);
  if (!loaded.ok) return loaded.exitCode;
  const elk = createWorkerElk({ timeoutMs: (args.timeoutSeconds ?? DEFAULT_LAYOUT_TIMEOUT_SECONDS) * 1000 });
  const outcome = await layoutDiagram(loaded.diagram, { elk, ...(args.direction === undefined ? {} : { direction: args.direction }) });
  if (!outcome.ok) {
    return layoutFailed(io, args.file, elk.stopped ?? outcome.error.message);
  }
  const text = serializeDiagramFile(outcome.diagram);
  // What the CLI writes, Archflow must open again: positions, sizes and routes can push a file
  // near the limit past it, and then nothing is written.
  const bytes = utf8ByteLength(text);
  if (bytes > LIMITS.maxFileBytes) {
    const limit = formatFileSize(LIMITS.maxFileBytes);
    return layoutFailed(io, args.file, `the laid-out diagram would be a ${formatFileSize(bytes)} file, larger than the ${limit} Archflow opens; nothing was written`);
  }
  return writeOutput(io, args.out, text, () => `Laid out ${outcome.diagram.nodes.length} nodes (edges pointing ${outcome.direction}) into ${args.out}`);
}

function layoutFailed(io: CliIo, file: string, why: string): number {
  io.stderr(`archflow: ${oneLine(`${file}: layout failed: ${why}`)}\n`);
  return EXIT_FINDINGS;
}
