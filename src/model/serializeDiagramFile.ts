/**
 * Writing a diagram as a version 1 file. Keys always come out in the same order and empty
 * optional fields are left out, so saved files diff well and a save → open round trip gives back
 * the same document.
 */
import { CURRENT_VERSION, FORMAT_NAME } from './diagram';
import type { Diagram, DiagramEdge, DiagramFileV1, DiagramNode, Point } from './diagram';
import { utf8ByteLength } from './fileSize';
import { LIMITS } from './limits';

function point(p: Point): Point {
  return { x: p.x, y: p.y };
}

function fileNode(node: DiagramNode): DiagramNode {
  const out: DiagramNode = { id: node.id, kind: node.kind, label: node.label };
  if (node.role !== undefined) out.role = node.role;
  if (node.parent !== undefined && node.parent !== '') out.parent = node.parent;
  if (node.position) out.position = point(node.position);
  if (node.size) out.size = { width: node.size.width, height: node.size.height };
  if (node.tech) out.tech = node.tech;
  if (node.notes) out.notes = node.notes;
  return out;
}

function fileEdge(edge: DiagramEdge): DiagramEdge {
  const out: DiagramEdge = { id: edge.id, source: edge.source, target: edge.target };
  if (edge.label) out.label = edge.label;
  if (edge.protocol) out.protocol = edge.protocol;
  if (edge.bidirectional) out.bidirectional = true;
  if (edge.route && edge.route.length > 0) out.route = edge.route.map(point);
  return out;
}

/** The file object, before it is turned into text. */
export function toDiagramFile(diagram: Diagram): DiagramFileV1 {
  // Literal keys in the documented order: JSON.stringify keeps insertion order.
  return {
    format: FORMAT_NAME,
    version: CURRENT_VERSION,
    title: diagram.title,
    flow: diagram.flow,
    ...(diagram.layout?.direction ? { layout: { direction: diagram.layout.direction } } : {}),
    nodes: diagram.nodes.map(fileNode),
    edges: diagram.edges.map(fileEdge),
  };
}

/**
 * Pretty-printed version 1 JSON with a trailing newline; compact JSON when the pretty form would
 * pass the size limit, so a diagram that opened is never written too big to open again. (The
 * result can still pass the limit; writers that must not, such as the CLI, check.)
 */
export function serializeDiagramFile(diagram: Diagram): string {
  const file = toDiagramFile(diagram);
  const pretty = `${JSON.stringify(file, null, 2)}\n`;
  // UTF-8 never takes fewer bytes than UTF-16 units: a short enough string needs no count.
  if (pretty.length <= LIMITS.maxFileBytes / 3 || utf8ByteLength(pretty) <= LIMITS.maxFileBytes) return pretty;
  return `${JSON.stringify(file)}\n`;
}
