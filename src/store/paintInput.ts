/**
 * What the PNG painter needs from the editor besides the document (src/paint/scene.ts's
 * PaintView): the sizes the canvas measured, and what the views would draw on the records
 * (the capacity overlay when the export includes it, the path on show, design badges). Read in
 * one pass over the records; the worker does the rest.
 */
import type { PaintView } from '../paint/scene';
import { selectActivePath } from './designIndex';
import type { EditorState } from './editorState';
import { selectDirection } from './selectors';

/** The design badge's text, as DesignBadges.tsx writes it. */
function badgeText(endpoints: number, entities: number): string {
  return [
    endpoints > 0 ? `${endpoints} endpoint${endpoints === 1 ? '' : 's'}` : '',
    entities > 0 ? (entities === 1 ? '1 entity' : `${entities} entities`) : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

function countBy(records: Iterable<{ node: string }>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const record of records) counts.set(record.node, (counts.get(record.node) ?? 0) + 1);
  return counts;
}

export function selectPaintView(s: EditorState, capacityOverlay: boolean): PaintView {
  const { doc } = s;
  const endpoints = countBy(doc.endpoints.byId.values());
  const entities = countBy(doc.entities.byId.values());
  const designBadges = new Map<string, string>();
  for (const id of new Set([...endpoints.keys(), ...entities.keys()])) designBadges.set(id, badgeText(endpoints.get(id) ?? 0, entities.get(id) ?? 0));
  const capacity = capacityOverlay ? s.capacity : null;
  return {
    direction: selectDirection(s),
    measured: s.measured,
    overlay: capacity ? { nodes: capacity.nodeOverlay, edgeRate: capacity.edgeRate, edgeTraffic: capacity.edgeTraffic, downGroups: capacity.downGroups } : null,
    pathSteps: s.pathRecording?.steps ?? selectActivePath(s)?.steps ?? null,
    designBadges,
  };
}
