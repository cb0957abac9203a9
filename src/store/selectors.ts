/** Narrow reads of the editor state, shared by views so each subscribes to just what it shows. */
import { effectiveDirection } from '../model/layoutDirection';
import type { LayoutDirection } from '../model/diagram';
import type { EditorState } from './editorState';
import type { Severity } from './validation';

type S = EditorState;

export const selectDirection = (s: S): LayoutDirection => effectiveDirection(s.meta);
export const selectNodeSeverity =
  (id: string) =>
  (s: S): Severity | undefined =>
    s.validation.nodeSeverity.get(id);
export const selectEdgeSeverity =
  (id: string) =>
  (s: S): Severity | undefined =>
    s.validation.edgeSeverity.get(id);
export const selectCanUndo = (s: S): boolean => s.history.past.length > 0;
export const selectCanRedo = (s: S): boolean => s.history.future.length > 0;
/** Ids joined into one string so the result compares equal while the selection is unchanged. */
export const selectSelectionKey = (s: S): string =>
  [...s.selection.nodes]
    .filter((id) => s.doc.nodes.byId.has(id))
    .concat([...s.selection.edges].filter((id) => s.doc.edges.byId.has(id)).map((id) => `edge:${id}`))
    .join('\n');

/** The colour of another editor who has this node or edge selected, if any. */
export const selectPeerSelection = (id: string) => (s: EditorState) => s.presence.selectedBy.get(id);
