/**
 * Reordering a record among its siblings in a file-ordered list: an endpoint among the endpoints
 * of its server, a field among an entity's fields. "Move up" passes the previous sibling only,
 * whatever other records sit between them in the file.
 */

/**
 * `order` with `id` moved `delta` places among the ids for which `sibling` holds (negative moves
 * towards the start). The same array when it cannot move (already first or last, or unknown).
 */
export function moveInOrder(order: readonly string[], id: string, delta: number, sibling: (id: string) => boolean = () => true): readonly string[] {
  const from = order.indexOf(id);
  if (from < 0 || delta === 0) return order;
  const siblings: number[] = [];
  for (let i = 0; i < order.length; i++) if (i === from || sibling(order[i]!)) siblings.push(i);
  const at = siblings.indexOf(from);
  const to = Math.max(0, Math.min(siblings.length - 1, at + delta));
  if (to === at) return order;
  // The siblings keep their slots in the file; only who fills them changes.
  const ids = siblings.map((i) => order[i]!);
  ids.splice(at, 1);
  ids.splice(to, 0, id);
  const out = order.slice();
  siblings.forEach((slot, k) => (out[slot] = ids[k]!));
  return out;
}

/** `items` with the item at `index` moved `delta` places; the same array when it cannot move. */
export function moveItem<T>(items: readonly T[], index: number, delta: number): readonly T[] {
  const to = Math.max(0, Math.min(items.length - 1, index + delta));
  if (index < 0 || index >= items.length || to === index) return items;
  const out = items.slice();
  const [item] = out.splice(index, 1);
  out.splice(to, 0, item!);
  return out;
}
