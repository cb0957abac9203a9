/**
 * The export's picture drawn into a PNG a horizontal band at a time: each band is its own small
 * SVG document (only the items that reach into it, see itemRows.ts), loaded as a `data:` URL
 * (the page's Content-Security-Policy allows `data:` images, not `blob:`), drawn at the target
 * resolution so text and lines stay sharp, and its pixels handed to the PNG encoder
 * (pngSink.ts), which runs in a worker. Drawn whole, a 1,000-node diagram was one task of 40 s
 * at 4× slower CPU; in bands, each step is a task of its own and the page answers between them.
 *
 * Band heights follow the time the last band took, aiming at `BAND_BUDGET_MS` per task: small on a
 * slow page, large (few bands, little overhead per band) on a fast one.
 */
import type { PngSink } from './pngSink';
import { xmlSafeMarkup } from './xmlText';
import { yieldToMain } from './yieldToMain';

export type RasterizeOutcome =
  | { ok: true }
  /**
   * `unreadable`: the browser would not decode a band's SVG (it is not well-formed, or too big for
   * the browser's image decoder); the scale plays no part, the picture is decoded at 1×.
   * `too-large`: the canvas at this scale could not be made or encoded.
   */
  | { ok: false; reason: 'unreadable' | 'too-large'; detail: string };

/** The longest a band's copying or drawing should take, measured on the page as it runs. */
export const BAND_BUDGET_MS = 40;
/**
 * CSS pixels drawn past each band's inner edges and then dropped: a line or curve cut at a band's
 * edge is smoothed against that edge, which left faint seams; drawn past it, the kept rows are
 * the rows of the whole picture. Not at the picture's own edges, which the whole picture cut too.
 */
export const BAND_OVERLAP = 16;
/**
 * The smallest band, in CSS pixels. Each band pays a cost of its own (its document parsed and
 * styled, the overlap drawn twice, the items reaching into it copied again), so on a page too
 * slow or too busy to draw any band within the budget, thinner bands only add up to a longer
 * export: measured at 4× slower CPU on a loaded machine, bands shrunk to a few pixels made the
 * drawing 3× longer with every band still over 100 ms.
 */
export const MIN_BAND = 64;
/** First band, in CSS pixels: small, since nothing is known yet about the page's speed. */
export const FIRST_BAND = 96;

export interface BandSize {
  /** Picture size in CSS pixels. */
  width: number;
  height: number;
  /** Device pixels per CSS pixel. */
  scale: number;
}

/**
 * Band heights are multiples of this many CSS pixels, so every band starts on a whole device
 * pixel (`top × scale` is whole) and the bands join without a seam: 1 at 1×, 2× and 3×, more at
 * a lowered scale such as 1.37× (a multiple of 100).
 */
export function bandQuantum(scale: number): number {
  const hundredths = Math.round(scale * 100);
  let a = hundredths;
  let b = 100;
  while (b) [a, b] = [b, a % b];
  return 100 / a;
}

/**
 * The next band's height (CSS pixels) after one of `height` took `tookMs`: scaled toward the
 * budget, at most doubling or halving at once, a whole number of quanta, at least `MIN_BAND`.
 */
export function nextBandHeight(height: number, tookMs: number, quantum: number, budgetMs = BAND_BUDGET_MS): number {
  const factor = Math.min(2, Math.max(0.5, budgetMs / Math.max(tookMs, 1)));
  const floor = Math.ceil(MIN_BAND / quantum) * quantum;
  return Math.max(floor, Math.floor((height * factor) / quantum) * quantum);
}

export interface BandOptions {
  signal?: AbortSignal;
  /** Share of the rows drawn, 0 to 1. */
  onProgress?: (done: number) => void;
}

/**
 * Draws the picture `svgOf(top, height)` returns band by band into `sink`. Rejects with an
 * `AbortError` when `signal` aborts (the sink is left to the caller to close).
 */
export async function rasterizeBands(
  svgOf: (top: number, height: number) => string,
  size: BandSize,
  sink: PngSink,
  options: BandOptions = {},
): Promise<RasterizeOutcome> {
  const { signal, onProgress } = options;
  const widthPx = Math.floor(size.width * size.scale);
  const heightPx = Math.floor(size.height * size.scale);
  const quantum = bandQuantum(size.scale);
  let band = Math.max(quantum, Math.round(FIRST_BAND / quantum) * quantum);
  let copyMs = 0;
  /** Copies the band from `top` and starts loading it; the browser reads it while the page draws the one before. */
  const overlap = Math.ceil(BAND_OVERLAP / quantum) * quantum;
  const load = (top: number) => {
    const height = Math.min(band, size.height - top);
    const above = top === 0 ? 0 : overlap;
    const below = top + height >= size.height ? 0 : overlap;
    const started = performance.now();
    const image = new Image();
    image.decoding = 'async';
    // Well-formed first: a lone surrogate would make encodeURIComponent throw "URI malformed".
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(xmlSafeMarkup(svgOf(top - above, above + height + below)))}`;
    copyMs = performance.now() - started;
    return { top, height, above, drawn: above + height + below, decoded: image.decode().then(() => image) };
  };
  const canvas = document.createElement('canvas');
  canvas.width = widthPx;
  try {
    let next: ReturnType<typeof load> | null = load(0);
    while (next) {
      const current: ReturnType<typeof load> = next;
      let image: HTMLImageElement;
      try {
        image = await current.decoded;
      } catch (error) {
        return { ok: false, reason: 'unreadable', detail: error instanceof Error ? error.message : String(error) };
      }
      signal?.throwIfAborted();
      const end = current.top + current.height;
      next = Math.round(end * size.scale) < heightPx ? load(end) : null;
      await yieldToMain(signal);

      const rowStart = Math.round(current.top * size.scale);
      const rows = Math.min(Math.round(current.height * size.scale), heightPx - rowStart);
      const started = performance.now();
      const drawnRows = Math.round(current.drawn * size.scale);
      if (canvas.height !== drawnRows) canvas.height = drawnRows;
      const context = canvas.getContext('2d', { willReadFrequently: true });
      if (!context) return { ok: false, reason: 'too-large', detail: 'no 2D canvas' };
      context.setTransform(size.scale, 0, 0, size.scale, 0, 0);
      context.clearRect(0, 0, size.width, current.drawn);
      context.drawImage(image, 0, 0, size.width, current.drawn);
      sink.push(context.getImageData(0, Math.round(current.above * size.scale), widthPx, rows).data, rows);
      const drawMs = performance.now() - started;

      onProgress?.(Math.min(1, (rowStart + rows) / heightPx));
      // The band after next: `next` was cut to the size known before this one was drawn.
      band = nextBandHeight(band, (Math.max(copyMs, drawMs) * band) / current.height, quantum);
      await yieldToMain(signal);
    }
  } finally {
    // Give the bitmap back now rather than at the next GC.
    canvas.width = 0;
    canvas.height = 0;
  }
  return { ok: true };
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
