/**
 * A failure drill started by anyone in the room marks its components down on every screen (the
 * running drill travels in the shared session; the marks are each editor's own view state), and
 * its end lifts them. Idempotent with the marks the starting editor sets itself.
 */
import type { StoreApi } from 'zustand/vanilla';
import { activeDrill } from '../model/practice/drillRun';
import type { EditorState } from '../store/editorState';

export function mirrorDrillMarks(store: StoreApi<EditorState>): () => void {
  return store.subscribe((st, prev) => {
    if (st.meta.practice === prev.meta.practice) return;
    const before = prev.meta.practice ? activeDrill(prev.meta.practice) : undefined;
    const after = st.meta.practice ? activeDrill(st.meta.practice) : undefined;
    const down = new Set(after?.down ?? []);
    for (const id of before?.down ?? []) if (!down.has(id)) st.setDown(id, false);
    if (after && after.drill !== before?.drill) st.showCapacity(true);
    for (const id of down) if (!(before?.down ?? []).includes(id)) st.setDown(id, true);
  });
}
