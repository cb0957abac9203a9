/**
 * Paints a scene (scene.ts) onto a Canvas 2D context: the image's background, then every item in
 * the canvas's stacking order, in flow units mapped to the image by `scale` and the offset that
 * puts the diagram's bounds inside the padding. Pure drawing: no DOM, so it runs in a worker on
 * an OffscreenCanvas.
 */
import type { Paint2D, PaintContext } from './context';
import { drawComponent } from './drawComponent';
import { drawEdge } from './drawEdge';
import { drawGroup, drawNote } from './drawShapes';
import type { Palette } from './palette';
import type { Scene, SceneItem } from './scene';

export interface PaintFrame {
  /** Device pixels per flow unit. */
  scale: number;
  /** Where flow (0, 0) lands, in flow units from the image's top-left corner. */
  dx: number;
  dy: number;
  /** A CSS colour, or 'transparent'. */
  background: string;
  /** The image, in device pixels. */
  width: number;
  height: number;
}

const canvasPath = (data?: string): Path2D => new Path2D(data);

export function createPaintContext(ctx: Paint2D, palette: Palette, scale: number, newPath: (data?: string) => Path2D = canvasPath): PaintContext {
  return { ctx, palette, scale, paths: new Map(), newPath };
}

export function paintItem(pc: PaintContext, item: SceneItem): void {
  switch (item.type) {
    case 'group':
      return drawGroup(pc, item);
    case 'edge':
      return drawEdge(pc, item);
    case 'component':
      return drawComponent(pc, item);
    case 'note':
      return drawNote(pc, item);
  }
}

/** Clears to the background and sets the flow-to-image transform; items then paint in flow units. */
export function beginPaint(ctx: Paint2D, frame: PaintFrame): void {
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, frame.width, frame.height);
  if (frame.background !== 'transparent') {
    ctx.fillStyle = frame.background;
    ctx.fillRect(0, 0, frame.width, frame.height);
  }
  ctx.setTransform(frame.scale, 0, 0, frame.scale, frame.dx * frame.scale, frame.dy * frame.scale);
}

/** The whole scene at once (tests, small images). */
export function paintScene(ctx: Paint2D, scene: Scene, palette: Palette, frame: PaintFrame): void {
  beginPaint(ctx, frame);
  const pc = createPaintContext(ctx, palette, frame.scale);
  for (const item of scene.items) paintItem(pc, item);
}
