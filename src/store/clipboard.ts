/**
 * Copy and paste of a selection. A fragment is a small diagram: pasting gives every node and
 * edge a fresh id, keeps edges between copied nodes only, and keeps children with their group.
 */
import type { Diagram, DiagramEdge, DiagramNode } from '../model/diagram';
import { absolutePosition } from '../model/absolutePosition';
import { clampPoint } from '../model/recordLimits';

export const FRAGMENT_FORMAT = 'archflow-fragment';

export interface Fragment {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

/** The selected nodes plus every descendant of a selected group, and the edges among them. */
export function selectFragment(diagram: Diagram, selectedIds: ReadonlySet<string>): Fragment {
  const children = new Map<string, string[]>();
  for (const n of diagram.nodes) {
    if (n.parent !== undefined) children.set(n.parent, [...(children.get(n.parent) ?? []), n.id]);
  }
  const included = new Set<string>();
  const stack = [...selectedIds];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (included.has(id)) continue;
    included.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
  const nodes = diagram.nodes
    .filter((n) => included.has(n.id))
    .map((n) => {
      // A node whose group was not copied becomes top-level at its absolute position.
      if (n.parent === undefined || included.has(n.parent)) return n;
      const { parent: _parent, ...rest } = n;
      return { ...rest, position: absolutePosition(byId, n) };
    });
  const edges = diagram.edges.filter((e) => included.has(e.source) && included.has(e.target));
  return { nodes, edges };
}

/** New ids for copies, made from the old ones (see src/model/ids.ts: never by appending to them). */
export interface NewIds {
  node(old: string): string;
  edge(old: string): string;
}

/** A copy of `fragment` with fresh ids, top-level nodes moved by `offset`. */
export function cloneFragment(fragment: Fragment, newIds: NewIds, offset: { x: number; y: number }): Fragment {
  const ids = new Map(fragment.nodes.map((n) => [n.id, newIds.node(n.id)]));
  const nodes = fragment.nodes.map((n) => {
    const copy: DiagramNode = { ...n, id: ids.get(n.id)! };
    if (n.parent !== undefined) {
      copy.parent = ids.get(n.parent);
      if (copy.parent === undefined) delete copy.parent;
    }
    if (copy.parent === undefined && n.position) {
      // Within the coordinate limit however close to it the original was.
      copy.position = clampPoint({ x: n.position.x + offset.x, y: n.position.y + offset.y });
    }
    return copy;
  });
  // An edge to a node outside the fragment has nothing to attach to.
  const edges = fragment.edges.filter((e) => ids.has(e.source) && ids.has(e.target)).map((e) => {
    const copy: DiagramEdge = { ...e, id: newIds.edge(e.id), source: ids.get(e.source)!, target: ids.get(e.target)! };
    delete copy.route;
    return copy;
  });
  return { nodes, edges };
}
