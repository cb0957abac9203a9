/**
 * Writing a diagram as a file of the current version. Keys come out in the order of the record
 * schemas (src/model/records) and optional fields that say nothing are left out, so saved files
 * diff well and a save → open round trip gives back the same document.
 */
import { CURRENT_VERSION, FORMAT_NAME } from './diagram';
import type { Diagram, DiagramFile } from './diagram';
import { DIAGRAM_SHAPE } from './records/diagramRecord';
import { writeRecord } from './records/recordShape';
import { utf8ByteLength } from './fileSize';
import { LIMITS } from './limits';

/** The file object, before it is turned into text. */
export function toDiagramFile(diagram: Diagram): DiagramFile {
  // JSON.stringify keeps insertion order: format and version first, then the schema's order.
  return {
    format: FORMAT_NAME,
    version: CURRENT_VERSION,
    ...(writeRecord(DIAGRAM_SHAPE, diagram as unknown as Record<string, unknown>) as unknown as Diagram),
  };
}

/**
 * Pretty-printed JSON with a trailing newline; compact JSON when the pretty form would
 * pass the size limit, so a diagram that opened is never written too big to open again. (The
 * result can still pass the limit; writers that must not, such as the CLI, check.)
 */
export function serializeDiagramFile(diagram: Diagram): string {
  return diagramFileText(toDiagramFile(diagram));
}

/** The text of a file object (`serializeDiagramFile`'s second half, for callers that split the work across tasks). */
export function diagramFileText(file: DiagramFile): string {
  const pretty = `${JSON.stringify(file, null, 2)}\n`;
  // UTF-8 never takes fewer bytes than UTF-16 units: a short enough string needs no count.
  if (pretty.length <= LIMITS.maxFileBytes / 3 || utf8ByteLength(pretty) <= LIMITS.maxFileBytes) return pretty;
  return `${JSON.stringify(file)}\n`;
}
