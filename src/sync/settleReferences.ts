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

/** The tables being settled: each copied the first time something in it changes. */
interface Draft {
  t: Tables;
  set<T extends TableName>(table: T, id: string, record: RecordOf<T>): void;
  remove(table: TableName, id: string): void;
}

function createDraft(input: Tables): Draft {
  const t = { ...input };
  const copied = new Set<TableName>();
  const own = <T extends TableName>(table: T): Tables[T] => {
    if (!copied.has(table)) {
      copied.add(table);
      (t as Record<TableName, unknown>)[table] = new Map(t[table] as Map<string, unknown>);
    }
    return t[table];
  };
  return {
    t,
    set: (table, id, record) => void own(table).set(id, record),
    remove: (table, id) => void own(table).delete(id),
  };
}

/** Whether any node names a parent: most diagrams have no groups, and then there is nothing to settle. */
function anyParent(nodes: ReadonlyMap<string, DiagramNode>): boolean {
  for (const node of nodes.values()) if (node.parent !== undefined) return true;
  return false;
}

function settleParents(draft: Draft): void {
  if (!anyParent(draft.t.nodes)) return;
  const nodes = { get: (id: string) => draft.t.nodes.get(id), set: (id: string, node: DiagramNode) => draft.set('nodes', id, node) };
  const ids = [...draft.t.nodes.keys()].sort();
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

/**
 * What `input` shows. Tables with nothing to settle come back as the same maps (a document that
 * holds together, the usual case, costs one look at each reference and no copying).
 */
export function settleReferences(input: Tables): Settled {
  const draft = createDraft(input);
  const { t } = draft;
  const heldBack = Object.fromEntries(DOCUMENT_TABLES.map((name) => [name, new Set<string>()])) as Settled['heldBack'];
  const hold = (table: TableName, id: string) => {
    draft.remove(table, id);
    heldBack[table].add(id);
  };
  settleParents(draft);
  for (const [id, edge] of input.edges) if (!t.nodes.has(edge.source) || !t.nodes.has(edge.target)) hold('edges', id);
  for (const [id, endpoint] of input.endpoints) {
    if (!t.nodes.has(endpoint.node)) hold('endpoints', id);
    else if (endpoint.requirements) {
      const list = kept(endpoint.requirements, t.requirements);
      if (list !== endpoint.requirements) draft.set('endpoints', id, list.length > 0 ? { ...endpoint, requirements: [...list] } : without(endpoint, 'requirements'));
    }
  }
  for (const [id, entity] of input.entities) {
    if (!t.nodes.has(entity.node)) hold('entities', id);
    else if (entity.endpoints) {
      const list = kept(entity.endpoints, t.endpoints);
      if (list !== entity.endpoints) draft.set('entities', id, list.length > 0 ? { ...entity, endpoints: [...list] } : without(entity, 'endpoints'));
    }
  }
  for (const [id, path] of input.paths) {
    const steps = kept(path.steps, t.nodes);
    if (steps.length === 0) {
      hold('paths', id);
      continue;
    }
    let next = steps === path.steps ? path : { ...path, steps: [...steps] };
    if (next.requirement !== undefined && !t.requirements.has(next.requirement)) next = without(next, 'requirement');
    if (next.endpoint !== undefined && !t.endpoints.has(next.endpoint)) next = without(next, 'endpoint');
    if (next !== path) draft.set('paths', id, next);
  }
  for (const [id, note] of input.notes) if (note.pin !== undefined && !t.nodes.has(note.pin)) hold('notes', id);
  return { tables: t, heldBack };
}
