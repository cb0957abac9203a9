/**
 * Groups hold nodes: what a group contains, which group a point is in, and moving dropped nodes
 * into (or out of) the group under them while they stay where they are on screen.
 */
import { absolutePosition } from '../model/absolutePosition';
import { defaultSize, GROUP_KIND } from '../model/catalog';
import type { DiagramNode, Point, Size } from '../model/diagram';
import { clampPoint } from '../model/recordLimits';
import type { RecordTable } from '../model/recordsDiff';
import { DEFAULT_GROUP_SIZE } from './flowView';

export type NodeTable = RecordTable<DiagramNode>;

/** A node's size on the canvas: measured by React Flow when it has been drawn. */
export function nodeSize(node: DiagramNode, measured: ReadonlyMap<string, Size>): Size {
  if (node.kind === GROUP_KIND) return node.size ?? DEFAULT_GROUP_SIZE;
  return measured.get(node.id) ?? node.size ?? defaultSize(node.kind);
}

/** `ids` and everything inside them, however deep. */
export function descendantsOf(nodes: NodeTable, ids: Iterable<string>): Set<string> {
  const out = new Set(ids);
  const children = new Map<string, string[]>();
  for (const id of nodes.order) {
    const parent = nodes.byId.get(id)!.parent;
    if (parent !== undefined) children.set(parent, [...(children.get(parent) ?? []), id]);
  }
  const stack = [...out];
  while (stack.length > 0) {
    for (const child of children.get(stack.pop()!) ?? []) {
      if (!out.has(child)) {
        out.add(child);
        stack.push(child);
      }
    }
  }
  return out;
}

/** The innermost group whose box holds `point`, ignoring `exclude` (a dragged node and its contents). */
export function groupAt(nodes: NodeTable, measured: ReadonlyMap<string, Size>, point: Point, exclude: ReadonlySet<string>): DiagramNode | undefined {
  let best: DiagramNode | undefined;
  let bestArea = Infinity;
  for (const id of nodes.order) {
    const n = nodes.byId.get(id)!;
    if (n.kind !== GROUP_KIND || exclude.has(n.id)) continue;
    const p = absolutePosition(nodes.byId, n);
    const size = nodeSize(n, measured);
    const inside = point.x >= p.x && point.x <= p.x + size.width && point.y >= p.y && point.y <= p.y + size.height;
    if (inside && size.width * size.height < bestArea) {
      best = n;
      bestArea = size.width * size.height;
    }
  }
  return best;
}

/**
 * The moved nodes put into the group they were dropped on (or taken out of their group when
 * dropped outside), keeping them where they are on screen. Returns only the records that change.
 */
export function settleIntoGroups(nodes: NodeTable, measured: ReadonlyMap<string, Size>, movedIds: readonly string[]): DiagramNode[] {
  const byId = new Map(nodes.byId);
  const changed = new Map<string, DiagramNode>();
  const current: NodeTable = { byId, order: nodes.order };
  for (const id of movedIds) {
    const node = byId.get(id);
    if (!node) continue;
    const abs = absolutePosition(byId, node);
    const size = nodeSize(node, measured);
    const exclude = descendantsOf(current, [id]);
    const target = groupAt(current, measured, { x: abs.x + size.width / 2, y: abs.y + size.height / 2 }, exclude);
    if (target?.id === node.parent) continue;
    const origin = target ? absolutePosition(byId, target) : { x: 0, y: 0 };
    const { parent: _parent, ...rest } = node;
    const moved: DiagramNode = { ...rest, position: clampPoint({ x: abs.x - origin.x, y: abs.y - origin.y }) };
    if (target) moved.parent = target.id;
    byId.set(id, moved);
    changed.set(id, moved);
  }
  return [...changed.values()];
}
