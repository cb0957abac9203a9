/**
 * The APIs and Data steps' shared shape: records listed under the component that holds them (a
 * component's name selects it and brings it into view, where the Inspector edits them), and
 * "Add" for a chosen component of the right role.
 */
import { Plus } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { useEditor, useEditorStore } from '../../bindings/editorContext';
import { roleOf, type Role } from '../../model/catalog';
import { nodeName } from '../../model/nodeName';
import { recordsInOrder, type RecordTable } from '../../model/recordsDiff';
import type { EditorState } from '../../store/editorState';

interface Props<R extends { id: string; node: string }> {
  table: RecordTable<R>;
  role: Role;
  /** "endpoints", "entities": for the buttons' names. */
  plural: string;
  /** "endpoint", "entity". */
  singular: string;
  /** The new record's component when none is of the role. */
  noneHint: string;
  line(record: R): ReactNode;
  add(node: string): string | null;
}

/**
 * Ids of components of `role`, with their names, as one string: it compares equal while they
 * are unchanged, so a drag does not re-render the section.
 */
function selectOfRole(role: Role) {
  return (s: EditorState) =>
    recordsInOrder(s.doc.nodes)
      .filter((n) => roleOf(n) === role)
      .map((n) => `${n.id}\u0000${nodeName(n)}`)
      .join('\n');
}

export function RecordsByNode<R extends { id: string; node: string }>({ table, role, plural, singular, noneHint, line, add }: Props<R>) {
  const store = useEditorStore();
  const ofRole = useEditor(selectOfRole(role));
  const candidates = ofRole === '' ? [] : ofRole.split('\n').map((row) => row.split('\u0000') as [string, string]);
  const [target, setTarget] = useState('');
  const names = new Map(candidates);
  const chosen = candidates.some(([id]) => id === target) ? target : (candidates[0]?.[0] ?? '');
  const groups = new Map<string, R[]>();
  for (const id of table.order) {
    const record = table.byId.get(id)!;
    groups.set(record.node, [...(groups.get(record.node) ?? []), record]);
  }
  const open = (node: string) => {
    const s = store.getState();
    s.select([node]);
    s.focusElements([node]);
  };
  return (
    <>
      {[...groups].map(([node, records]) => {
        // A record on a component of another role (from a file) is listed too, so it can be found.
        const name = names.get(node) ?? nodeName(store.getState().doc.nodes.byId.get(node));
        return (
          <div key={node} className="design-group">
            <button type="button" className="design-group-name" onClick={() => open(node)} aria-label={`Edit ${plural} of ${name}`}>
              {name}
            </button>
            <ul className="design-list compact">{records.map((r) => <li key={r.id} className={`${singular}-line`}>{line(r)}</li>)}</ul>
          </div>
        );
      })}
      {candidates.length > 0 ? (
        <div className="add-to">
          <select aria-label={`Component for the new ${singular}`} value={chosen} onChange={(e) => setTarget(e.currentTarget.value)}>
            {candidates.map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="secondary small add-button"
            onClick={() => {
              if (add(chosen)) open(chosen);
            }}
          >
            <Plus size={13} aria-hidden="true" /> Add {singular}
          </button>
        </div>
      ) : (
        <p className="design-empty">{noneHint}</p>
      )}
    </>
  );
}
