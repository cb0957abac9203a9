/**
 * The SVG export, painted from the records by the same drawing code as the PNG (src/paint) onto
 * a context that records SVG elements (paint/svgContext.ts). Runs in the painter's worker
 * (paintPng.worker.ts): the page mounts no node and copies no DOM. A vector image has no scale:
 * one SVG unit is one flow unit, and the diagram JSON goes inside (svgMetadata.ts).
 */
import type { Palette } from '../paint/palette';
import { beginPaint, createPaintContext, paintItem } from '../paint/paintScene';
import type { Scene } from '../paint/scene';
import { SvgContext, type SvgMeasure } from '../paint/svgContext';
import { SvgPath } from '../paint/svgPath';
import { embedDiagramInSvg } from './svgMetadata';
import { xmlSafeMarkup } from './xmlText';

export interface SvgFrame {
  /** Image size in flow units (padding included), and where flow (0, 0) lands in it. */
  width: number;
  height: number;
  dx: number;
  dy: number;
  /** A CSS colour, or 'transparent'. */
  background: string;
}

const svgPath = (data?: string) => new SvgPath(data) as unknown as Path2D;

export function paintSvg(
  scene: Scene,
  palette: Palette,
  measure: SvgMeasure,
  frame: SvgFrame,
  diagramJson: string,
  onItem?: (index: number) => void,
): string {
  const svg = new SvgContext(measure, frame.width, frame.height, palette.fontFamily);
  const ctx = svg as unknown as OffscreenCanvasRenderingContext2D;
  beginPaint(ctx, { ...frame, scale: 1 });
  const pc = createPaintContext(ctx, palette, 1, svgPath);
  scene.items.forEach((item, i) => {
    paintItem(pc, item);
    onItem?.(i);
  });
  // A label may still hold a character XML forbids (an older save): dropped, as the canvas does.
  return embedDiagramInSvg(xmlSafeMarkup(svg.serialize(frame.background)), diagramJson);
}
