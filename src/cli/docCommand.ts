/**
 * `archflow doc FILE [-o OUT.md]`: the design document (src/io/designDoc.ts) of a diagram file,
 * on standard output or written to OUT. The document is made whatever the validator says (its
 * "Checks" section says it), so the exit code only tells whether a document came out.
 */
import { serializeDesignDoc } from '../io/designDoc';
import type { CliIo } from './cliIo';
import { loadDiagram } from './loadDiagram';
import { writeOutput } from './writeOutput';

export interface DocArgs {
  file: string;
  out?: string;
}

export async function docCommand(io: CliIo, args: DocArgs): Promise<number> {
  const loaded = await loadDiagram(io, args.file);
  if (!loaded.ok) return loaded.exitCode;
  // User text in the document is escaped for Markdown and Mermaid and holds no control
  // characters (a property test checks it), so it is as safe on a terminal as in a file.
  const text = serializeDesignDoc(loaded.diagram);
  const paths = loaded.diagram.paths?.length ?? 0;
  return writeOutput(io, args.out, text, () => `Wrote the design document of ${args.file} (${paths} request path${paths === 1 ? '' : 's'}) to ${args.out}`);
}
