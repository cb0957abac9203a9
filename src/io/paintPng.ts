/**
 * PNG and SVG export painted from the records (src/paint) in a worker (paintPng.worker.ts). The page
 * reads the theme once from the live canvas and posts the records; everything else (layout of
 * the text, painting, encoding, the diagram put inside) happens off the main thread. Closing the
 * export dialog stops the worker: no file follows.
 */
import type { Diagram } from '../model/diagram';
import type { PaintView } from '../paint/scene';
import type { ExportImageResult, ExportScale } from './exportImage';
import type { PaintPngAnswer, PaintPngRequest } from './paintPngMessages';
import { readPalette } from './readPalette';

export interface PaintImageOptions {
  format?: 'png' | 'svg';
  scale: ExportScale;
  /** A CSS colour, or 'transparent'. */
  background: string;
  /** Space around the diagram, in flow units. */
  padding: number;
  onProgress?: (phase: string, done?: number) => void;
  signal?: AbortSignal;
}

function createPaintWorker(): Worker {
  return new Worker(new URL('./paintPng.worker.ts', import.meta.url), { type: 'module' });
}

const CANCELLED: ExportImageResult = { ok: false, message: 'The export was cancelled.', cancelled: true };

export async function paintDiagramImage(
  themeElement: Element,
  diagram: Diagram,
  view: PaintView,
  options: PaintImageOptions,
  createWorker: () => Worker = createPaintWorker,
): Promise<ExportImageResult> {
  const { signal } = options;
  if (signal?.aborted) return CANCELLED;
  // The dialog's bar is drawn in this task; the worker starts, and the records are copied to it
  // (a structured clone), in the next: on a slow CPU the two together pass 100 ms.
  options.onProgress?.('Drawing', 0);
  await new Promise((resolve) => setTimeout(resolve, 0));
  if (signal?.aborted) return CANCELLED;
  // Past the worker, the other format may still be made: a PNG's size is what fails most.
  const svg = options.format === 'svg';
  let worker: Worker;
  try {
    worker = createWorker();
  } catch {
    return { ok: false, message: 'The image could not be drawn: this browser cannot start a worker here.' };
  }
  const request: PaintPngRequest = {
    format: options.format ?? 'png',
    diagram,
    view,
    palette: readPalette(themeElement),
    scale: options.scale,
    padding: options.padding,
    background: options.background,
  };
  try {
    return await new Promise<ExportImageResult>((resolve) => {
      const abort = () => resolve(CANCELLED);
      signal?.addEventListener('abort', abort, { once: true });
      worker.onmessage = (event: MessageEvent<PaintPngAnswer>) => {
        const answer = event.data;
        if (answer.type === 'progress') {
          options.onProgress?.(answer.phase ?? 'Drawing', answer.done);
          return;
        }
        if (answer.type === 'error') {
          signal?.removeEventListener('abort', abort);
          resolve({ ok: false, message: `The image could not be drawn (${answer.message}).${svg ? '' : ' Try a smaller scale, or export SVG.'}` });
          return;
        }
        const done: ExportImageResult = { ok: true, blob: answer.image, scale: answer.scale, ...(answer.notice ? { notice: answer.notice } : {}) };
        // A blob made in the worker reaches the browser's blob store in the background; the object
        // URL the download makes waits for it synchronously (up to ~100 ms on a slow CPU). One byte
        // read first waits for it here, without blocking the page. Cancel still works meanwhile.
        const handOver = () => {
          signal?.removeEventListener('abort', abort);
          resolve(signal?.aborted ? CANCELLED : done);
        };
        answer.image.slice(0, 1).arrayBuffer().then(handOver, handOver);
      };
      worker.onerror = (event) => {
        event.preventDefault();
        signal?.removeEventListener('abort', abort);
        resolve({ ok: false, message: `The image could not be drawn because of an error in Archflow${event.message ? `: ${event.message}` : ''}. Try again${svg ? '' : ', or export SVG'}.` });
      };
      worker.postMessage(request);
    });
  } finally {
    worker.terminate();
  }
}
