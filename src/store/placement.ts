/** Where a component clicked into the diagram goes: near the view's centre, in its role's band, on free ground. */
import { absolutePosition } from '../model/absolutePosition';
import { GROUP_KIND, type Role } from '../model/catalog';
import type { Point, Size } from '../model/diagram';
import type { Rect } from '../model/findFreeSpot';
import { effectiveDirection } from '../model/layoutDirection';
import type { DocumentMeta } from '../model/recordsDiff';
import { nodeSize, type NodeTable } from './groups';

/**
 * Where a clicked-in component should start looking for room: clients towards the start of the
 * drawing direction, datastores towards its end, so a diagram built by clicks already reads in
 * bands.
 */
export function bandBias(center: Point, role: Role, meta: DocumentMeta): Point {
  const entry = meta.flow === 'bottom-up' ? 'client' : 'datastore';
  const exit = meta.flow === 'bottom-up' ? 'datastore' : 'client';
  const sign = role === entry ? -1 : role === exit ? 1 : 0;
  const step = 140 * sign;
  switch (effectiveDirection(meta)) {
    case 'up':
      return { x: center.x, y: center.y - step };
    case 'down':
      return { x: center.x, y: center.y + step };
    case 'right':
      return { x: center.x + step * 1.6, y: center.y };
    case 'left':
      return { x: center.x - step * 1.6, y: center.y };
  }
}

/** The boxes new components must not overlap: every component, and top-level groups. */
export function takenRects(nodes: NodeTable, measured: ReadonlyMap<string, Size>): Rect[] {
  const out: Rect[] = [];
  for (const id of nodes.order) {
    const n = nodes.byId.get(id)!;
    if (n.parent !== undefined && n.kind === GROUP_KIND) continue;
    out.push({ ...absolutePosition(nodes.byId, n), ...nodeSize(n, measured) });
  }
  return out;
}
