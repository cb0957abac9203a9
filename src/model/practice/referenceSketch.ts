/**
 * A reference design reduced to what a small read-only picture needs: each component's box on
 * the canvas (absolute, with its kind's default size when it has none) and its role for the
 * colour, each connection as a line between box edges, and the bounds of it all. The
 * interviewer's panel draws it; nothing here is editable or enters a room.
 */
import { absolutePosition } from '../absolutePosition';
import { defaultSize, roleOf, type Role } from '../catalog';
import type { Diagram } from '../diagram';

export interface SketchBox {
  id: string;
  label: string;
  role: Role;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SketchLine {
  id: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

export interface Sketch {
  boxes: SketchBox[];
  lines: SketchLine[];
  bounds: { x: number; y: number; width: number; height: number };
}

/** Where the line from a box's centre towards `to` leaves the box. */
function exitPoint(box: SketchBox, to: { x: number; y: number }) {
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  const dx = to.x - cx;
  const dy = to.y - cy;
  if (dx === 0 && dy === 0) return { x: cx, y: cy };
  const scale = Math.min(dx === 0 ? Infinity : box.width / 2 / Math.abs(dx), dy === 0 ? Infinity : box.height / 2 / Math.abs(dy));
  return { x: cx + dx * scale, y: cy + dy * scale };
}

export function sketchOf(diagram: Pick<Diagram, 'nodes' | 'edges'>, padding = 16): Sketch {
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const boxes: SketchBox[] = diagram.nodes.map((node) => {
    const at = absolutePosition(byId, node);
    const size = node.size ?? defaultSize(node.kind);
    return { id: node.id, label: node.label || node.kind, role: roleOf(node), x: at.x, y: at.y, width: size.width, height: size.height };
  });
  const boxById = new Map(boxes.map((b) => [b.id, b]));
  const lines: SketchLine[] = [];
  for (const edge of diagram.edges) {
    const from = boxById.get(edge.source);
    const to = boxById.get(edge.target);
    if (!from || !to) continue;
    const a = exitPoint(from, { x: to.x + to.width / 2, y: to.y + to.height / 2 });
    const b = exitPoint(to, { x: from.x + from.width / 2, y: from.y + from.height / 2 });
    lines.push({ id: edge.id, x1: a.x, y1: a.y, x2: b.x, y2: b.y });
  }
  if (boxes.length === 0) return { boxes, lines, bounds: { x: 0, y: 0, width: 1, height: 1 } };
  const minX = Math.min(...boxes.map((b) => b.x)) - padding;
  const minY = Math.min(...boxes.map((b) => b.y)) - padding;
  const maxX = Math.max(...boxes.map((b) => b.x + b.width)) + padding;
  const maxY = Math.max(...boxes.map((b) => b.y + b.height)) + padding;
  return { boxes, lines, bounds: { x: minX, y: minY, width: maxX - minX, height: maxY - minY } };
}
