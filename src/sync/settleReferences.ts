/**
 * Two editors can each make a valid change whose merge is not valid: one removes a component
 * while the other connects to it, or each puts the other's group inside their own. The merged
 * document keeps such records (a later change may mend them), but the editor is only shown what
 * holds together, as a file must (src/model/records/checkReferences.ts):
 * - a connection, endpoint or entity whose component is gone, a note pinned to one, and a request
 *   path none of whose steps is left are held back (shown again when what they name comes back);
 * - lists that name something gone lose that name (a path's steps, an endpoint's requirements,
 *   an entity's endpoints, a path's requirement and endpoint);
 * - a component whose group is gone, is not a group, or is in a cycle of groups is shown outside it.
 * Every editor settles the same merged document the same way (ids in sorted order), so all of
 * them show the same diagram.
 */
import { GROUP_KIND } from '../model/catalog';
import type { DiagramNode } from '../model/diagram';
import { LIMITS } from '../model/limits';
import { DOCUMENT_TABLES, type RecordOf, type TableName } from '../model/recordsDiff';

export type Tables = { [T in TableName]: Map<string, RecordOf<T>> };

export interface Settled {
  /** What is shown: records that hold together, mended where a name in a list was gone. */
  tables: Tables;
  /** Ids of records not shown, per table. */
  heldBack: { [T in TableName]: Set<string> };
}

function without<R extends object>(record: R, key: keyof R): R {
  const out = { ...record };
  delete out[key];
  return out;
}

/** `ids` without those not in `keep`, the same array when nothing goes. */
function kept(ids: readonly string[], keep: ReadonlyMap<string, unknown>): string[] | readonly string[] {
  return ids.every((id) => keep.has(id)) ? ids : ids.filter((id) => keep.has(id));
}

function settleParents(nodes: Map<string, DiagramNode>): void {
  const ids = [...nodes.keys()].sort();
  // A parent that is gone or is not a group.
  for (const id of ids) {
    const node = nodes.get(id)!;
    if (node.parent !== undefined && nodes.get(node.parent)?.kind !== GROUP_KIND) nodes.set(id, without(node, 'parent'));
  }
  // A cycle of groups is broken at its first id; a nesting too deep at its deepest node.
  for (const id of ids) {
    const seen = new Set<string>([id]);
    let at = nodes.get(id)!;
    let depth = 0;
    while (at.parent !== undefined) {
      if (at.parent === id || depth >= LIMITS.maxGroupDepth) {
        nodes.set(id, without(nodes.get(id)!, 'parent'));
        break;
      }
      // A cycle further up, without this node: it is broken when its own first id comes.
      if (seen.has(at.parent)) break;
      seen.add(at.parent);
      at = nodes.get(at.parent)!;
      depth++;
    }
  }
}

export function settleReferences(input: Tables): Settled {
  const t = Object.fromEntries(DOCUMENT_TABLES.map((name) => [name, new Map(input[name] as Map<string, unknown>)])) as unknown as Tables;
  const heldBack = Object.fromEntries(DOCUMENT_TABLES.map((name) => [name, new Set<string>()])) as Settled['heldBack'];
  const hold = (table: TableName, id: string) => {
    t[table].delete(id);
    heldBack[table].add(id);
  };
  settleParents(t.nodes);
  for (const [id, edge] of t.edges) if (!t.nodes.has(edge.source) || !t.nodes.has(edge.target)) hold('edges', id);
  for (const [id, endpoint] of t.endpoints) {
    if (!t.nodes.has(endpoint.node)) hold('endpoints', id);
    else if (endpoint.requirements) {
      const list = kept(endpoint.requirements, t.requirements);
      if (list !== endpoint.requirements) t.endpoints.set(id, list.length > 0 ? { ...endpoint, requirements: [...list] } : without(endpoint, 'requirements'));
    }
  }
  for (const [id, entity] of t.entities) {
    if (!t.nodes.has(entity.node)) hold('entities', id);
    else if (entity.endpoints) {
      const list = kept(entity.endpoints, t.endpoints);
      if (list !== entity.endpoints) t.entities.set(id, list.length > 0 ? { ...entity, endpoints: [...list] } : without(entity, 'endpoints'));
    }
  }
  for (const [id, path] of t.paths) {
    const steps = kept(path.steps, t.nodes);
    if (steps.length === 0) {
      hold('paths', id);
      continue;
    }
    let next = steps === path.steps ? path : { ...path, steps: [...steps] };
    if (next.requirement !== undefined && !t.requirements.has(next.requirement)) next = without(next, 'requirement');
    if (next.endpoint !== undefined && !t.endpoints.has(next.endpoint)) next = without(next, 'endpoint');
    if (next !== path) t.paths.set(id, next);
  }
  for (const [id, note] of t.notes) if (note.pin !== undefined && !t.nodes.has(note.pin)) hold('notes', id);
  return { tables: t, heldBack };
}
