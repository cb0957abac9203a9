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

/** The capacity overlay is on the canvas: the analysis is shown. */
export const selectOverlayOn = (s: S): boolean => s.capacity !== null;

/**
 * What the overlay draws on one component, as one string so it compares equal while unchanged
 * (a node re-renders only when its own badge changes): `status|ρ text|spof`, with status one of
 * ok, hot, overloaded, down or cutoff (a client); '' when there is nothing to draw. Formatted
 * once per analysis (capacityView.ts): this runs for every node on every store change. While the
 * multiplier moves the ρ text stays as it was (and is hidden), so only a status change re-renders.
 */
export const selectNodeOverlay =
  (id: string) =>
  (s: S): string =>
    selectOverlayOn(s) ? (s.capacity!.nodeOverlay.get(id) ?? '') : '';

/** "1,200/s" on an edge that carries load while the overlay is on, else undefined. */
export const selectEdgeRate =
  (id: string) =>
  (s: S): string | undefined =>
    selectOverlayOn(s) ? s.capacity!.edgeRate.get(id) : undefined;

/**
 * How busy an edge looks (traffic dots): 0 for none, else 1–5 by order of magnitude of its
 * requests per second, so a multiplier move rarely changes it.
 */
export const selectEdgeTraffic =
  (id: string) =>
  (s: S): number =>
    selectOverlayOn(s) ? (s.capacity!.edgeTraffic.get(id) ?? 0) : 0;

/** A group marked down, or inside one, while the overlay is on: drawn greyed with its members. */
export const selectGroupDown =
  (id: string) =>
  (s: S): boolean =>
    selectOverlayOn(s) && s.capacity!.downGroups.has(id);

/** The colour of another editor who has this node or edge selected, if any. */
export const selectPeerSelection = (id: string) => (s: EditorState) => s.presence.selectedBy.get(id);
