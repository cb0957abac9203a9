/**
 * Two editors can each make a valid change whose merge is not valid: one removes a node while the
 * other connects to it, or each puts the other's group inside their own. The merged document
 * keeps such records (the next change may mend them), but the editor is only shown what holds
 * together: a connection whose end is gone is held back, and a component whose group is gone,
 * not a group, or part of a cycle of groups is shown outside it. Every editor settles the same
 * merged document the same way (ids in sorted order), so all of them show the same diagram.
 */
import { GROUP_KIND } from '../model/catalog';
import type { DiagramEdge, DiagramNode } from '../model/diagram';
import { LIMITS } from '../model/limits';

export interface Settled {
  nodes: Map<string, DiagramNode>;
  /** Edges that hold together, and the ids of those held back. */
  edges: Map<string, DiagramEdge>;
  heldBack: Set<string>;
}

function withoutParent(node: DiagramNode): DiagramNode {
  const out = { ...node };
  delete out.parent;
  return out;
}

export function settleReferences(nodes: ReadonlyMap<string, DiagramNode>, edges: ReadonlyMap<string, DiagramEdge>): Settled {
  const outNodes = new Map(nodes);
  const ids = [...nodes.keys()].sort();
  // A parent that is gone or is not a group.
  for (const id of ids) {
    const node = outNodes.get(id)!;
    if (node.parent === undefined) continue;
    if (outNodes.get(node.parent)?.kind !== GROUP_KIND) outNodes.set(id, withoutParent(node));
  }
  // A cycle of groups is broken at its first id; a nesting too deep at its deepest node.
  for (const id of ids) {
    const seen = new Set<string>([id]);
    let at = outNodes.get(id)!;
    let depth = 0;
    while (at.parent !== undefined) {
      if (at.parent === id || depth >= LIMITS.maxGroupDepth) {
        outNodes.set(id, withoutParent(outNodes.get(id)!));
        break;
      }
      // A cycle further up, without this node: it is broken when its own first id comes.
      if (seen.has(at.parent)) break;
      seen.add(at.parent);
      at = outNodes.get(at.parent)!;
      depth++;
    }
  }
  const outEdges = new Map<string, DiagramEdge>();
  const heldBack = new Set<string>();
  for (const [id, edge] of edges) {
    if (outNodes.has(edge.source) && outNodes.has(edge.target)) outEdges.set(id, edge);
    else heldBack.add(id);
  }
  return { nodes: outNodes, edges: outEdges, heldBack };
}
