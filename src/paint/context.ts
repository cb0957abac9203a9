/** What the painter draws on: a page canvas or a worker's OffscreenCanvas, and the settings every drawing step reads. */
import type { Palette, PaletteColor } from './palette';

export type Paint2D = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

export interface PaintContext {
  ctx: Paint2D;
  palette: Palette;
  /** Device pixels per flow unit: shadows are set in device pixels, not in the transformed space. */
  scale: number;
  /** A parsed Path2D per path data string (icons repeat on every component). */
  paths: Map<string, Path2D>;
  /** A new path, empty or from path data: a Path2D, or one that keeps its data for SVG (svgPath.ts). */
  newPath(data?: string): Path2D;
}

/** A context that draws a shadow itself (SVG's blur filter) rather than by the canvas's thrown copy. */
interface ShadowDrawer {
  drawShadow(shape: Path2D, shadow: Shadow): void;
}

const drawsShadows = (ctx: object): ctx is ShadowDrawer => typeof (ctx as Partial<ShadowDrawer>).drawShadow === 'function';

export const color = (pc: PaintContext, name: PaletteColor): string => pc.palette.colors[name];

/** One path from path data, or several subpaths each from its own data. */
export function pathOf(pc: PaintContext, data: string | readonly string[]): Path2D {
  const key = typeof data === 'string' ? data : data.join('\n');
  let path = pc.paths.get(key);
  if (!path) {
    if (typeof data === 'string') path = pc.newPath(data);
    else {
      path = pc.newPath();
      for (const part of data) path.addPath(pc.newPath(part));
    }
    pc.paths.set(key, path);
  }
  return path;
}

/** One CSS `box-shadow` layer (no spread), in flow units. */
export interface Shadow {
  y: number;
  blur: number;
  color: string;
}

/** How far off the image a shape is drawn so that only its shadow lands on it. */
const SHADOW_THROW = 100_000;

/**
 * Fills `shape` with `fill` over each shadow layer, as CSS draws a box's shadows under it. Each
 * shadow is cast by a copy of the shape thrown far off the image (only the shadow lands), so
 * the shape's antialiased edge is drawn once, not once per layer.
 */
export function fillWithShadows(pc: PaintContext, shape: Path2D, fill: string, shadows: readonly Shadow[]): void {
  const { ctx } = pc;
  if (drawsShadows(ctx)) {
    for (const shadow of shadows) ctx.drawShadow(shape, shadow);
  } else if (shadows.length > 0) {
    ctx.save();
    ctx.translate(-SHADOW_THROW, 0);
    ctx.fillStyle = '#000';
    for (const shadow of shadows) {
      ctx.shadowColor = shadow.color;
      ctx.shadowBlur = shadow.blur * pc.scale;
      ctx.shadowOffsetX = SHADOW_THROW * pc.scale;
      ctx.shadowOffsetY = shadow.y * pc.scale;
      ctx.fill(shape);
    }
    ctx.restore();
  }
  ctx.fillStyle = fill;
  ctx.fill(shape);
}

/** A rounded rectangle as a path; radii per corner, each a number or an ellipse's two radii. */
export function roundedRect(pc: PaintContext, x: number, y: number, w: number, h: number, radii: number | (number | DOMPointInit)[]): Path2D {
  const path = pc.newPath();
  path.roundRect(x, y, Math.max(0, w), Math.max(0, h), radii);
  return path;
}

/** A text's baseline when it is centred in a line box `lineHeight` high starting at `top` (CSS half-leading). */
export function baselineIn(ctx: Paint2D, top: number, lineHeight: number): number {
  const m = ctx.measureText('Hg');
  const ascent = m.fontBoundingBoxAscent;
  const descent = m.fontBoundingBoxDescent;
  return top + (lineHeight - (ascent + descent)) / 2 + ascent;
}
