/**
 * The design records grouped by the component that holds them, for the canvas's badges and the
 * Inspector: each component asks for its own endpoints and entities without scanning the tables.
 * Built once per change of the endpoint or entity table and kept with that (immutable) table, so
 * a drag or a selection change costs nothing here.
 */
import type { DiagramEndpoint } from '../model/records/endpoint';
import type { DiagramEntity } from '../model/records/entity';
import type { DiagramPath } from '../model/records/requestPath';
import type { RecordTable } from '../model/recordsDiff';
import type { EditorState } from './editorState';

const NONE: readonly never[] = [];

function groupByNode<R extends { id: string; node: string }>(table: RecordTable<R>): ReadonlyMap<string, readonly R[]> {
  const out = new Map<string, R[]>();
  for (const id of table.order) {
    const record = table.byId.get(id)!;
    const list = out.get(record.node);
    if (list) list.push(record);
    else out.set(record.node, [record]);
  }
  return out;
}

// Keyed by the table object itself: a table is never changed in place (applyDiff makes a new
// one), so an entry can never go stale, and a table no longer held is collected with its entry.
const endpointIndex = new WeakMap<RecordTable<DiagramEndpoint>, ReadonlyMap<string, readonly DiagramEndpoint[]>>();
const entityIndex = new WeakMap<RecordTable<DiagramEntity>, ReadonlyMap<string, readonly DiagramEntity[]>>();

function indexed<R extends { id: string; node: string }>(cache: WeakMap<RecordTable<R>, ReadonlyMap<string, readonly R[]>>, table: RecordTable<R>) {
  let index = cache.get(table);
  if (!index) {
    index = groupByNode(table);
    cache.set(table, index);
  }
  return index;
}

/** The endpoints `node` serves, in file order (the same array while they are unchanged). */
export const selectEndpointsOf =
  (node: string) =>
  (s: EditorState): readonly DiagramEndpoint[] =>
    s.doc.endpoints.order.length === 0 ? NONE : (indexed(endpointIndex, s.doc.endpoints).get(node) ?? NONE);

/** The entities `node` holds, in file order. */
export const selectEntitiesOf =
  (node: string) =>
  (s: EditorState): readonly DiagramEntity[] =>
    s.doc.entities.order.length === 0 ? NONE : (indexed(entityIndex, s.doc.entities).get(node) ?? NONE);

/** The path on show, or undefined. */
export const selectActivePath = (s: EditorState): DiagramPath | undefined => (s.activePath === null ? undefined : s.doc.paths.byId.get(s.activePath));

/**
 * Where `node` comes in the path on show (1-based steps, joined: "1" or "2, 5" for a component
 * visited twice); '' when it is not on it, or no path is shown. While a path is being recorded,
 * the recording's steps.
 */
export const selectPathSteps =
  (node: string) =>
  (s: EditorState): string => {
    const steps = s.pathRecording?.steps ?? selectActivePath(s)?.steps;
    if (!steps) return '';
    const at: number[] = [];
    for (let i = 0; i < steps.length; i++) if (steps[i] === node) at.push(i + 1);
    return at.join(', ');
  };

/**
 * Whether an edge joins two consecutive steps of the path on show: 'forward' when the request
 * goes from its source to its target, 'backward' when against it (the flowing dashes then run
 * the way the request goes), '' when it is not on the path.
 */
export const selectEdgeOnPath =
  (edge: string) =>
  (s: EditorState): '' | 'forward' | 'backward' => {
    const steps = s.pathRecording?.steps ?? selectActivePath(s)?.steps;
    if (!steps || steps.length < 2) return '';
    const e = s.doc.edges.byId.get(edge);
    if (!e) return '';
    for (let i = 1; i < steps.length; i++) {
      const a = steps[i - 1];
      const b = steps[i];
      if (e.source === a && e.target === b) return 'forward';
      if (e.source === b && e.target === a) return 'backward';
    }
    return '';
  };
