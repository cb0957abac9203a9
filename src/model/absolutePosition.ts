/** Where a node sits on the canvas: its own position plus its enclosing groups' (files store them parent-relative). */
import type { DiagramNode, Point } from './diagram';

export function absolutePosition(byId: ReadonlyMap<string, DiagramNode>, node: DiagramNode): Point {
  let x = node.position?.x ?? 0;
  let y = node.position?.y ?? 0;
  let parent = node.parent !== undefined ? byId.get(node.parent) : undefined;
  // A parent cycle in a hand-edited file must not hang the editor.
  const seen = new Set<string>([node.id]);
  while (parent && !seen.has(parent.id)) {
    seen.add(parent.id);
    x += parent.position?.x ?? 0;
    y += parent.position?.y ?? 0;
    parent = parent.parent !== undefined ? byId.get(parent.parent) : undefined;
  }
  return { x, y };
}
