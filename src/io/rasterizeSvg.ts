/**
 * An SVG document drawn into a PNG at a given pixel density. The SVG is loaded as a `data:` URL
 * (the page's Content-Security-Policy allows `data:` images, not `blob:`), decoded off the
 * main thread where the browser can, drawn at the target resolution so text and lines stay
 * sharp, and encoded by the browser's own PNG encoder.
 */
import { xmlSafeMarkup } from './xmlText';

export type RasterizeOutcome =
  | { ok: true; blob: Blob }
  /**
   * `unreadable`: the browser would not decode the SVG (it is not well-formed, or too big for
   * the browser's image decoder); the scale plays no part, the picture is decoded at 1×.
   * `too-large`: the canvas at this scale could not be made or encoded.
   */
  | { ok: false; reason: 'unreadable' | 'too-large'; detail: string };

export async function rasterizeSvg(
  svg: string,
  size: { width: number; height: number; scale: number },
  onProgress?: (phase: string) => void,
): Promise<RasterizeOutcome> {
  const image = new Image();
  image.decoding = 'async';
  // Well-formed first: a lone surrogate would make encodeURIComponent throw "URI malformed".
  image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(xmlSafeMarkup(svg))}`;
  try {
    await image.decode();
  } catch (error) {
    return { ok: false, reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
  }

  onProgress?.('Drawing');
  await yieldToPaint();
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(size.width * size.scale);
  canvas.height = Math.floor(size.height * size.scale);
  const context = canvas.getContext('2d');
  if (!context) return { ok: false, reason: 'too-large', detail: 'no 2D canvas' };
  context.scale(size.scale, size.scale);
  context.drawImage(image, 0, 0, size.width, size.height);

  onProgress?.('Encoding the PNG');
  await yieldToPaint();
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  // Give the (often hundreds of megabytes) bitmap back now rather than at the next GC.
  canvas.width = 0;
  canvas.height = 0;
  if (!blob || blob.size === 0) return { ok: false, reason: 'too-large', detail: 'empty PNG' };
  return { ok: true, blob };
}

/**
 * Lets the page paint (the export's progress) before the next long step. A frame when the tab
 * is visible; a timer otherwise, since hidden tabs get no frames and the export must not stall.
 */
export function yieldToPaint(): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 50);
    requestAnimationFrame(() => {
      clearTimeout(timer);
      setTimeout(resolve, 0);
    });
  });
}
