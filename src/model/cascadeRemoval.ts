/**
 * What else changes when records are removed, so that no record is left naming one that is gone
 * (a file with such a reference would be refused on open):
 * - a removed component takes its edges, its endpoints and its entities with it, leaves every
 *   request path it was a step of (a path left with no step goes), and unpins the notes pinned
 *   to it where they stand;
 * - a removed requirement or endpoint is dropped from the lists and paths that named it.
 * The result is one change, so the whole removal is one diff and one undo step.
 */
import { absolutePosition } from './absolutePosition';
import type { DiagramEndpoint, DiagramEntity, DiagramNote, DiagramPath } from './diagram';
import type { DiagramRecords, DocumentChange, RecordOf, TableName } from './recordsDiff';
import { recordsInOrder } from './recordsDiff';

/** `change` with every record that named a removed one updated or removed as well. */
export function withCascade(doc: DiagramRecords, change: DocumentChange): DocumentChange {
  const gone = (table: TableName) => new Set(change[table]?.remove ?? []);
  const nodes = gone('nodes');
  const edges = gone('edges');
  const requirements = gone('requirements');
  const endpoints = gone('endpoints');
  const entities = gone('entities');
  const paths = gone('paths');
  if (nodes.size + requirements.size + endpoints.size === 0) return change;

  // The records as the change leaves them: later steps read what earlier ones put.
  const current = <T extends TableName>(table: T): RecordOf<T>[] => {
    const puts = new Map<string, RecordOf<T>>();
    for (const record of (change[table]?.put ?? []) as readonly RecordOf<T>[]) puts.set(record.id, record);
    const out = recordsInOrder(doc[table] as never as { byId: ReadonlyMap<string, RecordOf<T>>; order: readonly string[] })
      .map((record) => puts.get(record.id) ?? record);
    for (const record of puts.values()) if (!doc[table].byId.has(record.id)) out.push(record);
    return out;
  };

  for (const edge of current('edges')) if (nodes.has(edge.source) || nodes.has(edge.target)) edges.add(edge.id);
  for (const endpoint of current('endpoints')) if (nodes.has(endpoint.node)) endpoints.add(endpoint.id);
  for (const entity of current('entities')) if (nodes.has(entity.node)) entities.add(entity.id);

  const put = {
    endpoints: [] as DiagramEndpoint[],
    entities: [] as DiagramEntity[],
    paths: [] as DiagramPath[],
    notes: [] as DiagramNote[],
  };
  for (const endpoint of current('endpoints')) {
    if (endpoints.has(endpoint.id) || !endpoint.requirements?.some((id) => requirements.has(id))) continue;
    put.endpoints.push(withList(endpoint, 'requirements', endpoint.requirements.filter((id) => !requirements.has(id))));
  }
  for (const entity of current('entities')) {
    if (entities.has(entity.id) || !entity.endpoints?.some((id) => endpoints.has(id))) continue;
    put.entities.push(withList(entity, 'endpoints', entity.endpoints.filter((id) => !endpoints.has(id))));
  }
  for (const path of current('paths')) {
    if (paths.has(path.id)) continue;
    const steps = path.steps.filter((id) => !nodes.has(id));
    if (steps.length === 0) {
      paths.add(path.id);
      continue;
    }
    const next: DiagramPath = { ...path, steps: steps.length === path.steps.length ? path.steps : steps };
    if (next.requirement !== undefined && requirements.has(next.requirement)) delete next.requirement;
    if (next.endpoint !== undefined && endpoints.has(next.endpoint)) delete next.endpoint;
    if (next.steps !== path.steps || next.requirement !== path.requirement || next.endpoint !== path.endpoint) put.paths.push(next);
  }
  for (const note of current('notes')) {
    if (note.pin === undefined || !nodes.has(note.pin)) continue;
    const pinned = doc.nodes.byId.get(note.pin);
    const origin = pinned ? absolutePosition(doc.nodes.byId, pinned) : { x: 0, y: 0 };
    const { pin: _unpinned, ...rest } = note;
    put.notes.push({ ...rest, position: { x: origin.x + note.position.x, y: origin.y + note.position.y } });
  }

  const merged = (table: TableName, removed: ReadonlySet<string>, puts: readonly { id: string }[] = []) => {
    const before = change[table];
    if (removed.size === 0 && puts.length === 0 && !before) return undefined;
    const byId = new Map<string, { id: string }>((before?.put ?? []).map((r: { id: string }) => [r.id, r] as const));
    for (const record of puts) byId.set(record.id, record);
    for (const id of removed) byId.delete(id);
    return { ...before, put: [...byId.values()], remove: [...removed] };
  };
  const out: Record<string, unknown> = { ...change };
  const set = (table: TableName, value: unknown) => {
    if (value !== undefined) out[table] = value;
  };
  set('nodes', merged('nodes', nodes));
  set('edges', merged('edges', edges));
  set('requirements', merged('requirements', requirements));
  set('endpoints', merged('endpoints', endpoints, put.endpoints));
  set('entities', merged('entities', entities, put.entities));
  set('paths', merged('paths', paths, put.paths));
  set('notes', merged('notes', gone('notes'), put.notes));
  return out as DocumentChange;
}

/** `record` with a list field set, or removed when the list is empty (as a file leaves it out). */
function withList<R extends object, K extends keyof R>(record: R, key: K, list: string[]): R {
  const out = { ...record } as Record<PropertyKey, unknown>;
  if (list.length > 0) out[key] = list;
  else delete out[key];
  return out as R;
}
