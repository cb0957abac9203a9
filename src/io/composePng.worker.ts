/**
 * Encodes an exported PNG off the page's main thread (started by pngSink.ts): the page sends
 * each drawn band's RGBA rows as it finishes it, and gets the whole file back at the end. On a
 * 1,000-node diagram at 2× this is ~400 MB of pixels, 7 s of `toBlob` at 4× slower CPU when it
 * ran on the page.
 */
import { createPngStream, type PngStream } from './composePng';
import { diagramPngChunk } from './pngMetadata';
import type { PngSinkRequest } from './pngSink';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let stream: PngStream | null = null;

scope.onmessage = (event: MessageEvent<PngSinkRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'begin') stream = createPngStream(request.width, request.height);
    else if (request.type === 'rows') stream?.push(new Uint8Array(request.rgba), request.rows);
    else {
      if (!stream) throw new Error('no image begun');
      const png = stream.finish(request.diagramJson === null ? [] : [diagramPngChunk(request.diagramJson)]);
      stream = null;
      scope.postMessage({ ok: true, png }, [png.buffer]);
    }
  } catch (error) {
    stream = null;
    scope.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) });
  }
};
