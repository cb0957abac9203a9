/** How findings, reports and documents name a component: the label a person gave it and its kind. */
import { findKind } from './catalog';
import type { FlowNodeInput } from './flowGraph';

/** `"Presence" (Service)`: the label a person gave it and what it is. */
export function componentName(node: FlowNodeInput): string {
  const label = node.label.trim() === '' ? node.id : node.label;
  const kind = findKind(node.kind)?.label ?? node.kind;
  return `"${label}" (${kind})`;
}
