/**
 * Copy and paste of a selection, as people expect from Excalidraw or tldraw: a fragment is a
 * small diagram. Copying components carries what belongs to them (the edges among them, the
 * children of a group, their endpoints and entities, the notes pinned to them, the request paths
 * that stay inside them); selected notes come too. Pasting gives every record a fresh id and
 * points every reference inside the fragment at the copies.
 *
 * What a reference outside the fragment becomes:
 * - requirements are the document's, not a component's: an endpoint or a path keeps naming one
 *   when the document it is pasted into has it, and drops it otherwise;
 * - everything else (an edge to a component not copied, an entity read by an endpoint not copied,
 *   a path's first endpoint not copied, a note pinned to a component not copied) belongs to the
 *   original: the copy lets go of it, as an arrow bound to a shape left behind does. A note let
 *   go keeps its place on the canvas.
 */
import { absolutePosition } from './absolutePosition';
import type {
  DiagramEdge,
  DiagramEndpoint,
  DiagramEntity,
  DiagramNode,
  DiagramNote,
  DiagramPath,
  Point,
} from './diagram';
import { LIMITS } from './limits';
import { clampPoint } from './recordLimits';
import type { DiagramRecords, TableName } from './recordsDiff';
import { recordsInOrder } from './recordsDiff';

export const FRAGMENT_FORMAT = 'archflow-fragment';

/** The tables a fragment holds: everything but the requirements, which are the document's. */
export const FRAGMENT_TABLES = ['nodes', 'edges', 'endpoints', 'entities', 'paths', 'notes'] as const satisfies readonly TableName[];
export type FragmentTable = (typeof FRAGMENT_TABLES)[number];

export interface Fragment {
  nodes: DiagramNode[];
  edges: DiagramEdge[];
  endpoints?: DiagramEndpoint[];
  entities?: DiagramEntity[];
  paths?: DiagramPath[];
  notes?: DiagramNote[];
}

/** What a fragment is copied from: the components and the notes selected. */
export interface FragmentSelection {
  nodes: Iterable<string>;
  notes?: Iterable<string>;
}

/** True when the fragment holds nothing to paste. */
export function isEmptyFragment(fragment: Fragment): boolean {
  return FRAGMENT_TABLES.every((table) => (fragment[table]?.length ?? 0) === 0);
}

/** `record` with the list field `key` set to `list`, or without it when the list is empty. */
function withList<R extends object>(record: R, key: keyof R & string, list: readonly string[]): R {
  const out = { ...record } as Record<string, unknown>;
  if (list.length > 0) out[key] = [...list];
  else delete out[key];
  return out as R;
}

function without<R extends object>(record: R, key: keyof R & string): R {
  const out = { ...record } as Record<string, unknown>;
  delete out[key];
  return out as R;
}

/**
 * The selected components plus every descendant of a selected group, and what belongs to them;
 * plus the selected notes. Self-contained: every reference in it names a record in it, except
 * requirement references (see the module comment), so its text parses as a fragment again.
 */
export function selectFragment(doc: DiagramRecords, selected: FragmentSelection): Fragment {
  const nodesById = doc.nodes.byId;
  const children = new Map<string, string[]>();
  for (const n of nodesById.values()) {
    if (n.parent === undefined) continue;
    const siblings = children.get(n.parent);
    if (siblings) siblings.push(n.id);
    else children.set(n.parent, [n.id]);
  }
  const included = new Set<string>();
  const stack = [...selected.nodes].filter((id) => nodesById.has(id));
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (included.has(id)) continue;
    included.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  const nodes = recordsInOrder(doc.nodes)
    .filter((n) => included.has(n.id))
    .map((n) => {
      // A node whose group was not copied becomes top-level at its absolute position.
      if (n.parent === undefined || included.has(n.parent)) return n;
      return { ...without(n, 'parent'), position: absolutePosition(nodesById, n) };
    });
  const edges = recordsInOrder(doc.edges).filter((e) => included.has(e.source) && included.has(e.target));
  const endpoints = recordsInOrder(doc.endpoints).filter((e) => included.has(e.node));
  const endpointIds = new Set(endpoints.map((e) => e.id));
  const entities = recordsInOrder(doc.entities)
    .filter((e) => included.has(e.node))
    .map((e) => (e.endpoints?.some((id) => !endpointIds.has(id)) ? withList(e, 'endpoints', e.endpoints.filter((id) => endpointIds.has(id))) : e));
  const paths = recordsInOrder(doc.paths)
    .filter((p) => p.steps.every((id) => included.has(id)))
    .map((p) => (p.endpoint !== undefined && !endpointIds.has(p.endpoint) ? without(p, 'endpoint') : p));
  const selectedNotes = new Set(selected.notes ?? []);
  const notes = recordsInOrder(doc.notes)
    .filter((n) => selectedNotes.has(n.id) || (n.pin !== undefined && included.has(n.pin)))
    .map((n) => {
      if (n.pin === undefined || included.has(n.pin)) return n;
      // Selected without its component: it comes unpinned, where it stands.
      const pinned = nodesById.get(n.pin);
      const origin = pinned ? absolutePosition(nodesById, pinned) : { x: 0, y: 0 };
      return { ...without(n, 'pin'), position: clampPoint({ x: origin.x + n.position.x, y: origin.y + n.position.y }) };
    });
  return compact({ nodes, edges, endpoints, entities, paths, notes });
}

/** The fragment without empty design lists (a fragment of components only reads as before). */
function compact(fragment: Required<Fragment>): Fragment {
  const out: Fragment = { nodes: fragment.nodes, edges: fragment.edges };
  for (const table of ['endpoints', 'entities', 'paths', 'notes'] as const) {
    if (fragment[table].length > 0) Object.assign(out, { [table]: fragment[table] });
  }
  return out;
}

/** A fresh id for a copy of the record `old` of `table`, unique in the document and among the copies. */
export type NewId = (table: FragmentTable, old: string) => string;

export interface CloneTarget {
  /** A new id per copied record (src/model/ids.ts: made from the old one's readable part). */
  newId: NewId;
  /** Whether the document the copy goes into has this requirement. */
  hasRequirement(id: string): boolean;
}

/**
 * A copy of `fragment` with fresh ids for every record and every reference inside it pointing at
 * the copies; top-level components and unpinned notes moved by `offset`, within the coordinate
 * limit however close to it the originals were. Routes are dropped (they were the originals').
 */
export function cloneFragment(fragment: Fragment, target: CloneTarget, offset: Point): Fragment {
  const idMap = (table: FragmentTable, records: readonly { id: string }[] | undefined) =>
    new Map((records ?? []).map((r) => [r.id, target.newId(table, r.id)] as const));
  const nodeIds = idMap('nodes', fragment.nodes);
  const endpointIds = idMap('endpoints', fragment.endpoints);
  const moved = (p: Point) => clampPoint({ x: p.x + offset.x, y: p.y + offset.y });
  const mapped = (ids: ReadonlyMap<string, string>, list: readonly string[] | undefined) =>
    (list ?? []).flatMap((id) => (ids.has(id) ? [ids.get(id)!] : []));
  const requirements = (list: readonly string[] | undefined) => [...new Set(list ?? [])].filter((id) => target.hasRequirement(id));

  const nodes = fragment.nodes.map((n) => {
    const copy: DiagramNode = { ...n, id: nodeIds.get(n.id)! };
    if (n.parent !== undefined) {
      copy.parent = nodeIds.get(n.parent);
      if (copy.parent === undefined) delete copy.parent;
    }
    if (copy.parent === undefined && n.position) copy.position = moved(n.position);
    return copy;
  });
  const edges = fragment.edges.flatMap((e) => {
    const source = nodeIds.get(e.source);
    const targetId = nodeIds.get(e.target);
    if (source === undefined || targetId === undefined) return [];
    return [{ ...without(e, 'route'), id: target.newId('edges', e.id), source, target: targetId }];
  });
  const endpoints = (fragment.endpoints ?? []).flatMap((e) => {
    const node = nodeIds.get(e.node);
    if (node === undefined) return [];
    return [withList({ ...e, id: endpointIds.get(e.id)!, node }, 'requirements', requirements(e.requirements))];
  });
  const entities = (fragment.entities ?? []).flatMap((e) => {
    const node = nodeIds.get(e.node);
    if (node === undefined) return [];
    return [withList({ ...e, id: target.newId('entities', e.id), node }, 'endpoints', mapped(endpointIds, e.endpoints))];
  });
  const paths = (fragment.paths ?? []).flatMap((p) => {
    // A path is copied whole or not at all: a copy missing a step would tell another story.
    if (!p.steps.every((id) => nodeIds.has(id))) return [];
    const copy: DiagramPath = { ...p, id: target.newId('paths', p.id), steps: mapped(nodeIds, p.steps).slice(0, LIMITS.maxListItems) };
    if (p.requirement !== undefined && !target.hasRequirement(p.requirement)) delete copy.requirement;
    if (p.endpoint !== undefined) {
      copy.endpoint = endpointIds.get(p.endpoint);
      if (copy.endpoint === undefined) delete copy.endpoint;
    }
    return [copy];
  });
  const notes = (fragment.notes ?? []).map((n) => {
    const copy: DiagramNote = { ...n, id: target.newId('notes', n.id) };
    const pin = n.pin === undefined ? undefined : nodeIds.get(n.pin);
    if (pin !== undefined) copy.pin = pin;
    else {
      delete copy.pin;
      copy.position = moved(n.position);
    }
    return copy;
  });
  return compact({ nodes, edges, endpoints, entities, paths, notes });
}
