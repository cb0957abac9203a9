/** Narrow reads of the editor state, shared by views so each subscribes to just what it shows. */
import { formatUtilization } from '../model/analysis/describeCapacity';
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

/** The capacity overlay is on the canvas: the analysis is shown, and an export in progress did not leave it out. */
export const selectOverlayOn = (s: S): boolean => s.capacity !== null && (s.exportPhase === null || s.exportCapacity);

/**
 * What the overlay draws on one component, as one string so it compares equal while unchanged
 * (a node re-renders only when its own badge changes): `status|ρ text|spof` for a server or
 * datastore, `client|cut` for a client cut off, '' when there is nothing to draw.
 */
export const selectNodeOverlay =
  (id: string) =>
  (s: S): string => {
    if (!selectOverlayOn(s)) return '';
    const view = s.capacity!;
    const node = view.nodeById.get(id);
    if (node) return `${node.status}|${node.status === 'down' ? '' : formatUtilization(node.utilization)}|${view.spof.has(id) ? 'spof' : ''}`;
    if (view.cutOff.has(id)) return 'cutoff||';
    if (view.down.has(id)) return 'down||';
    return '';
  };

/** Requests per second on an edge while the overlay is on, else undefined. */
export const selectEdgeLoad =
  (id: string) =>
  (s: S): number | undefined =>
    selectOverlayOn(s) ? s.capacity!.edgeLoad.get(id) : undefined;
