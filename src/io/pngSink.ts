/**
 * Where the export's drawn bands go: a worker that encodes the PNG as they arrive
 * (composePng.worker.ts), or, where no worker can start, the same encoder on the page.
 */
import { createPngStream } from './composePng';
import { diagramPngChunk } from './pngMetadata';

export type PngSinkRequest =
  | { type: 'begin'; width: number; height: number }
  | { type: 'rows'; rgba: ArrayBuffer; rows: number }
  | { type: 'finish'; diagramJson: string | null };

type PngSinkAnswer = { ok: true; png: Uint8Array } | { ok: false; message: string };

export interface PngSink {
  /** Hands over `rgba` (its buffer is transferred: do not use it afterwards). */
  push(rgba: Uint8ClampedArray, rows: number): void;
  /** The whole PNG, with the diagram inside when `diagramJson` is given. */
  finish(diagramJson: string | null): Promise<Uint8Array>;
  /** Stops the encoder (a cancelled export). */
  close(): void;
}

function createComposeWorker(): Worker {
  return new Worker(new URL('./composePng.worker.ts', import.meta.url), { type: 'module' });
}

export function openPngSink(width: number, height: number, createWorker: () => Worker = createComposeWorker): PngSink {
  let worker: Worker;
  try {
    worker = createWorker();
  } catch {
    return pageSink(width, height);
  }
  let failure: string | null = null;
  let settle: ((answer: PngSinkAnswer) => void) | null = null;
  const fail = (message: string) => {
    failure = message;
    settle?.({ ok: false, message });
  };
  worker.onmessage = (event: MessageEvent<PngSinkAnswer>) => {
    if (!event.data.ok) fail(event.data.message);
    else settle?.(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    fail(event.message || 'the PNG encoder could not start');
  };
  worker.onmessageerror = () => fail('the PNG encoder could not read a band');
  const post = (request: PngSinkRequest, transfer: Transferable[] = []) => worker.postMessage(request, transfer);
  post({ type: 'begin', width, height });
  return {
    push(rgba, rows) {
      const buffer = rgba.buffer as ArrayBuffer;
      post({ type: 'rows', rgba: buffer, rows }, [buffer]);
    },
    async finish(diagramJson) {
      const answer = await new Promise<PngSinkAnswer>((resolve) => {
        settle = resolve;
        if (failure) resolve({ ok: false, message: failure });
        else post({ type: 'finish', diagramJson });
      });
      worker.terminate();
      if (!answer.ok) throw new Error(`The PNG could not be encoded: ${answer.message}`);
      return answer.png;
    },
    close() {
      worker.terminate();
    },
  };
}

/** The encoder on the page: each band is a task of its own, so the page still answers between. */
function pageSink(width: number, height: number): PngSink {
  const stream = createPngStream(width, height);
  return {
    push(rgba, rows) {
      stream.push(new Uint8Array(rgba.buffer, rgba.byteOffset, rgba.byteLength), rows);
    },
    async finish(diagramJson) {
      return stream.finish(diagramJson === null ? [] : [diagramPngChunk(diagramJson)]);
    },
    close() {},
  };
}
