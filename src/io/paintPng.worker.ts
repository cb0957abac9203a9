/**
 * Paints the exported PNG or SVG off the page's main thread: the page sends the diagram's records, the
 * theme read from its styles and the export's settings; this worker lays the diagram out
 * (src/paint/scene.ts, text measured here), paints it on an OffscreenCanvas, encodes it with the
 * browser's PNG encoder and puts the diagram inside (pngMetadata.ts); or, for an SVG, paints it
 * as SVG elements by the same code (paintSvg.ts). The page's only work is
 * to send the records: no node is mounted and no DOM is copied, so a 1,000-node export costs
 * the page no long task (BENCHMARKS.md, "PNG painted from the records").
 */
import { serializeDiagramFile } from '../model/serializeDiagramFile';
import { fontOf, type TextMeasurer } from '../paint/fonts';
import { beginPaint, createPaintContext, paintItem } from '../paint/paintScene';
import { buildScene } from '../paint/scene';
import { planExportSize } from './exportPlan';
import { createPngStream } from './composePng';
import { diagramPngChunk, embedDiagramInPng } from './pngMetadata';
import { paintSvg } from './paintSvg';
import type { PaintPngAnswer, PaintPngRequest } from './paintPngMessages';

const scope = self as unknown as DedicatedWorkerGlobalScope;

/** Widths and font extents, measured once per text: labels repeat across a big diagram. */
function createMeasurer(ctx: OffscreenCanvasRenderingContext2D): TextMeasurer {
  const widths = new Map<string, number>();
  const extents = new Map<string, { ascent: number; descent: number }>();
  let font = '';
  const setFont = (next: string) => {
    if (next !== font) ctx.font = font = next;
  };
  return {
    width(f, text) {
      const key = `${f}\n${text}`;
      let width = widths.get(key);
      if (width === undefined) {
        setFont(f);
        width = ctx.measureText(text).width;
        widths.set(key, width);
      }
      return width;
    },
    extent(f) {
      let extent = extents.get(f);
      if (!extent) {
        setFont(f);
        const m = ctx.measureText('Hg');
        extent = { ascent: m.fontBoundingBoxAscent, descent: m.fontBoundingBoxDescent };
        extents.set(f, extent);
      }
      return extent;
    },
  };
}

/**
 * How often the page hears how far the painting is. Each report redraws the dialog's bar, and
 * with a big diagram in view a page frame costs 100–160 ms at 4× slower CPU (layout, paint and
 * layerize of the canvas, measured in a trace), so the bar moves a few times a second, no more.
 */
const PROGRESS_EVERY_MS = 400;

function paint(request: PaintPngRequest): Promise<PaintPngAnswer> | PaintPngAnswer {
  if (typeof OffscreenCanvas !== 'function') return { type: 'error', message: 'this browser cannot draw images in a worker' };
  const measuring = new OffscreenCanvas(1, 1).getContext('2d');
  if (!measuring) return { type: 'error', message: 'this browser cannot draw images in a worker' };
  const { palette } = request;
  // The fonts are the system's, which a worker's canvas reaches like the page (no web font to load).
  measuring.font = fontOf('label', palette.fontFamily);
  const { diagram } = request;
  const input = { ...request.view, nodes: diagram.nodes, edges: diagram.edges, notes: diagram.notes ?? [] };
  const scene = buildScene(input, createMeasurer(measuring), palette);
  // A vector image has no scale: its size is the diagram's, whatever a canvas could hold.
  const plan = planExportSize(scene.bounds, request.format === 'svg' ? 1 : request.scale, request.padding);
  const pad = Math.max(0, Number.isFinite(request.padding) ? request.padding : 0);
  // Centred: the plan rounds the size up to whole pixels.
  const dx = pad + (plan.width - 2 * pad - scene.bounds.width) / 2 - scene.bounds.x;
  const dy = pad + (plan.height - 2 * pad - scene.bounds.height) / 2 - scene.bounds.y;
  let reported = performance.now();
  const onItem = (i: number) => {
    const now = performance.now();
    if (now - reported >= PROGRESS_EVERY_MS) {
      reported = now;
      scope.postMessage({ type: 'progress', done: (i + 1) / scene.items.length } satisfies PaintPngAnswer);
    }
  };
  if (request.format === 'svg') {
    const frame = { width: plan.width, height: plan.height, dx, dy, background: request.background };
    const svg = paintSvg(scene, palette, measuring, frame, serializeDiagramFile(diagram), onItem);
    return { type: 'done', image: new Blob([svg], { type: 'image/svg+xml' }), scale: 1 };
  }
  const width = Math.floor(plan.width * plan.scale);
  const height = Math.floor(plan.height * plan.scale);
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  if (!ctx) return { type: 'error', message: 'the browser could not make an image this large; try a smaller scale' };
  beginPaint(ctx, { scale: plan.scale, dx, dy, background: request.background, width, height });
  const pc = createPaintContext(ctx, palette, plan.scale);
  scene.items.forEach((item, i) => {
    paintItem(pc, item);
    onItem(i);
  });
  scope.postMessage({ type: 'progress', done: 1, phase: 'Encoding the PNG' } satisfies PaintPngAnswer);
  // Put inside the PNG, so opening it restores the diagram.
  return encode(canvas, ctx, serializeDiagramFile(diagram)).then((png) => {
    const answer: PaintPngAnswer = { type: 'done', image: new Blob([png as Uint8Array<ArrayBuffer>], { type: 'image/png' }), scale: plan.scale };
    if (plan.notice) answer.notice = plan.notice;
    return answer;
  });
}

/** Rows read back at a time when the browser's encoder refuses the canvas. */
const STREAM_ROWS = 256;

/**
 * The browser's own PNG encoder (several times faster than one in JavaScript), or, when it
 * refuses the canvas (too big for it), the streaming writer a band of rows at a time.
 */
async function encode(canvas: OffscreenCanvas, ctx: OffscreenCanvasRenderingContext2D, diagramJson: string): Promise<Uint8Array> {
  try {
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    return embedDiagramInPng(new Uint8Array(await blob.arrayBuffer()), diagramJson);
  } catch {
    const stream = createPngStream(canvas.width, canvas.height);
    for (let top = 0; top < canvas.height; top += STREAM_ROWS) {
      const rows = Math.min(STREAM_ROWS, canvas.height - top);
      const { data } = ctx.getImageData(0, top, canvas.width, rows);
      stream.push(new Uint8Array(data.buffer, data.byteOffset, data.byteLength), rows);
    }
    return stream.finish([diagramPngChunk(diagramJson)]);
  }
}

scope.onmessage = async (event: MessageEvent<PaintPngRequest>) => {
  try {
    const answer = await paint(event.data);
    scope.postMessage(answer);
  } catch (error) {
    scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) } satisfies PaintPngAnswer);
  }
};
