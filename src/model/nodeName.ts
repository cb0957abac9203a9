/** How the design panels name components: their label, else their kind's name, else the id. */
import { findKind } from './catalog';
import type { DiagramNode } from './diagram';

export function nodeName(node: DiagramNode | undefined, fallback = '?'): string {
  if (!node) return fallback;
  return node.label || findKind(node.kind)?.label || node.id;
}
