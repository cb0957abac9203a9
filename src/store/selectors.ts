/** Narrow reads of the editor state, shared by views so each subscribes to just what it shows. */
import { effectiveDirection } from '../model/layoutDirection';
import type { LayoutDirection } from '../model/diagram';
import type { EditorFullState } from './editorStore';
import type { Severity } from './validation';

type S = EditorFullState;

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
  s.nodes
    .filter((n) => n.selected)
    .map((n) => n.id)
    .concat(s.edges.filter((e) => e.selected).map((e) => `edge:${e.id}`))
    .join('\n');
