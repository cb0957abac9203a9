/**
 * Every editing action keeps the document within src/model/limits.ts: past a limit the diagram
 * could not be saved, autosave would fail until the user found and undid the cause, and a switch
 * to another diagram could lose the work. Text is cleaned as it is typed (`cleanText`), positions
 * and sizes are clamped and rounded to hundredths (what a file keeps).
 */
import type { DiagramEdge, DiagramNode, Point, Size } from './diagram';
import { LIMITS } from './limits';
import { cleanText } from './text';

/** A coordinate a file may hold: finite, within ±maxCoordinate, rounded to hundredths, never -0. */
export function clampCoordinate(value: number): number {
  if (!Number.isFinite(value)) return 0;
  const clamped = Math.max(-LIMITS.maxCoordinate, Math.min(LIMITS.maxCoordinate, value));
  const rounded = Math.round(clamped * 100) / 100;
  return rounded === 0 ? 0 : rounded;
}

export function clampPoint(p: Point): Point {
  const x = clampCoordinate(p.x);
  const y = clampCoordinate(p.y);
  return Object.is(x, p.x) && Object.is(y, p.y) ? p : { x, y };
}

/** A size a file may hold: above 0 (at least a hundredth), at most maxCoordinate. */
export function clampSize(s: Size): Size {
  const dim = (v: number) => Math.max(0.01, clampCoordinate(v));
  const width = dim(s.width);
  const height = dim(s.height);
  return Object.is(width, s.width) && Object.is(height, s.height) ? s : { width, height };
}

type NodeText = Partial<Pick<DiagramNode, 'label' | 'tech' | 'notes'>>;
type EdgeText = Partial<Pick<DiagramEdge, 'label' | 'protocol'>>;

/** The title as a file may hold it. */
export function cleanTitle(title: string): string {
  return cleanText(title, LIMITS.maxLabelLength);
}

/** Typed node text, cleaned: one-line names and technologies, multi-line notes. */
export function cleanNodeText<T extends NodeText>(patch: T): T {
  const out = { ...patch };
  if (typeof out.label === 'string') out.label = cleanText(out.label, LIMITS.maxLabelLength);
  if (typeof out.tech === 'string') out.tech = cleanText(out.tech, LIMITS.maxLabelLength);
  if (typeof out.notes === 'string') out.notes = cleanText(out.notes, LIMITS.maxNotesLength, { multiline: true });
  return out;
}

export function cleanEdgeText<T extends EdgeText>(patch: T): T {
  const out = { ...patch };
  if (typeof out.label === 'string') out.label = cleanText(out.label, LIMITS.maxLabelLength);
  if (typeof out.protocol === 'string') out.protocol = cleanText(out.protocol, LIMITS.maxLabelLength);
  return out;
}
