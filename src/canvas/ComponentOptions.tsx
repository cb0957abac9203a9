/** `<option>`s for every component (groups left out), by name: for "pin to" and "add a step". */
import { useEditor } from '../bindings/editorContext';
import { GROUP_KIND } from '../model/catalog';
import { nodeName } from '../model/nodeName';
import { recordsInOrder } from '../model/recordsDiff';
import type { EditorState } from '../store/editorState';

/** Ids and names as one string, so a drag (positions only) does not re-render the list. */
const selectComponentNames = (s: EditorState) =>
  recordsInOrder(s.doc.nodes)
    .filter((n) => n.kind !== GROUP_KIND)
    .map((n) => `${n.id}\u0000${nodeName(n)}`)
    .join('\n');

export function ComponentOptions() {
  const names = useEditor(selectComponentNames);
  if (names === '') return null;
  return (
    <>
      {names.split('\n').map((row) => {
        const [id, name] = row.split('\u0000') as [string, string];
        return (
          <option key={id} value={id}>
            {name}
          </option>
        );
      })}
    </>
  );
}
