/**
 * Encodes an exported PNG off the page's main thread (started by pngSink.ts): the page sends
 * each drawn band's RGBA rows as it finishes it, and gets the whole file back at the end. On a
 * 1,000-node diagram at 2× this is ~400 MB of pixels, 7 s of `toBlob` at 4× slower CPU when it
 * ran on the page. The bands are put into an `OffscreenCanvas` and encoded by the browser's own
 * PNG encoder (several times faster than one in JavaScript); where workers have no 2D canvas,
 * composePng.ts encodes them as they come.
 */
import { createPngStream, type PngStream } from './composePng';
import { diagramPngChunk, embedDiagramInPng } from './pngMetadata';
import type { PngSinkRequest } from './pngSink';

const scope = self as unknown as DedicatedWorkerGlobalScope;

interface Image {
  push(rgba: Uint8ClampedArray<ArrayBuffer>, rows: number): void;
  finish(diagramJson: string | null): Promise<Uint8Array>;
}

function canvasImage(width: number, height: number): Image | null {
  if (typeof OffscreenCanvas !== 'function') return null;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) return null;
  let row = 0;
  return {
    push(rgba, rows) {
      context.putImageData(new ImageData(rgba, width, rows), 0, row);
      row += rows;
    },
    async finish(diagramJson) {
      const png = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer());
      return diagramJson === null ? png : embedDiagramInPng(png, diagramJson);
    },
  };
}

function streamImage(width: number, height: number): Image {
  const stream: PngStream = createPngStream(width, height);
  return {
    push: (rgba, rows) => stream.push(new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.byteLength), rows),
    finish: async (diagramJson) => stream.finish(diagramJson === null ? [] : [diagramPngChunk(diagramJson)]),
  };
}

let image: Image | null = null;

scope.onmessage = async (event: MessageEvent<PngSinkRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'begin') image = canvasImage(request.width, request.height) ?? streamImage(request.width, request.height);
    else if (request.type === 'rows') image?.push(new Uint8ClampedArray(request.rgba), request.rows);
    else {
      if (!image) throw new Error('no image begun');
      const png = await image.finish(request.diagramJson);
      image = null;
      scope.postMessage({ ok: true, png }, [png.buffer]);
    }
  } catch (error) {
    image = null;
    scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
