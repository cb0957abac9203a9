/** What the page and the image painter's worker (paintPng.worker.ts) say to each other. */
import type { Palette } from '../paint/palette';
import type { Diagram } from '../model/diagram';
import type { PaintView } from '../paint/scene';

export interface PaintPngRequest {
  format: 'png' | 'svg';
  /** The document: painted, and serialized here into the PNG (not on the page). */
  diagram: Diagram;
  view: PaintView;
  palette: Palette;
  /** Asked device pixels per CSS pixel (lowered when the image would be too big); not for an SVG. */
  scale: number;
  /** Flow units around the diagram. */
  padding: number;
  /** A CSS colour, or 'transparent'. */
  background: string;
}

export type PaintPngAnswer =
  | { type: 'progress'; done: number; phase?: string }
  /** The file as a Blob: posting one hands over a reference, where bytes would be copied into a Blob on the page (140 ms at 4× slower CPU for a 1,000-node image). */
  | { type: 'done'; image: Blob; scale: number; notice?: string }
  | { type: 'error'; message: string };
