/**
 * How big an exported image is: the diagram's bounds plus padding, at the asked scale, lowered
 * when the canvas would pass what browsers draw (a blank image or none). Shared by the SVG
 * export (exportImage.ts) and the PNG painter's worker.
 */

export interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Browsers give a blank canvas (or none) past these. */
export const MAX_CANVAS_SIDE = 16_384;
export const MAX_CANVAS_AREA = 16_384 * 16_384;

export interface ExportPlan {
  /** Image size in CSS pixels: the bounds plus padding on every side. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel: the asked scale, or lower when the canvas would be too big. */
  scale: number;
  notice?: string;
}

/**
 * The image size for `bounds` at `scale`, lowering the scale so the canvas stays within what
 * browsers can draw. The whole diagram is always in the image: never cropped, never blank.
 */
export function planExportSize(bounds: Bounds, scale: number, padding: number): ExportPlan {
  const pad = finiteAtLeast(padding, 0);
  const width = Math.max(1, Math.ceil(finiteAtLeast(bounds.width, 0) + 2 * pad));
  const height = Math.max(1, Math.ceil(finiteAtLeast(bounds.height, 0) + 2 * pad));
  const asked = finiteAtLeast(scale, 0) || 1;
  const fits = (s: number) =>
    Math.floor(width * s) <= MAX_CANVAS_SIDE &&
    Math.floor(height * s) <= MAX_CANVAS_SIDE &&
    Math.floor(width * s) * Math.floor(height * s) <= MAX_CANVAS_AREA;
  if (fits(asked)) return { width, height, scale: asked };

  const limit = Math.min(
    MAX_CANVAS_SIDE / width,
    MAX_CANVAS_SIDE / height,
    Math.sqrt(MAX_CANVAS_AREA / (width * height)),
  );
  // Two decimals, rounded down, then stepped down until rounding of pixel counts fits too.
  let lowered = Math.floor(limit * 100) / 100;
  while (lowered > 0.01 && !fits(lowered)) lowered = Math.round((lowered - 0.01) * 100) / 100;
  if (lowered <= 0) lowered = limit;
  const smaller = lowered < 1 ? ', smaller than on screen' : '';
  return {
    width,
    height,
    scale: lowered,
    notice:
      `This diagram is too large for a ${asked}× image (browsers cap images at ` +
      `${MAX_CANVAS_SIDE.toLocaleString('en-US')} pixels a side), so it was exported at ${lowered}×${smaller}.`,
  };
}

export function finiteAtLeast(value: number, min: number): number {
  return Number.isFinite(value) ? Math.max(min, value) : min;
}

