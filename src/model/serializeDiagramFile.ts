/**
 * Writing a diagram as a file of the current version. Keys come out in the order of the record
 * schemas (src/model/records) and optional fields that say nothing are left out, so saved files
 * diff well and a save → open round trip gives back the same document.
 */
import { CURRENT_VERSION, FORMAT_NAME } from './diagram';
import type { Diagram, DiagramFile } from './diagram';
import { DIAGRAM_SHAPE } from './records/diagramRecord';
import { writeRecord } from './records/recordShape';

/** The file object, before it is turned into text. */
export function toDiagramFile(diagram: Diagram): DiagramFile {
  // JSON.stringify keeps insertion order: format and version first, then the schema's order.
  return {
    format: FORMAT_NAME,
    version: CURRENT_VERSION,
    ...(writeRecord(DIAGRAM_SHAPE, diagram as unknown as Record<string, unknown>) as unknown as Diagram),
  };
}

/** Pretty-printed JSON with a trailing newline. */
export function serializeDiagramFile(diagram: Diagram): string {
  return `${JSON.stringify(toDiagramFile(diagram), null, 2)}\n`;
}
