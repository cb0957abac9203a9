/**
 * Opening a file in a worker of its own (openFile.worker.ts), so that reading a big diagram never
 * freezes the page; the page only pays for receiving the parsed diagram (a structured clone).
 * A worker per file: files are opened rarely, and an idle worker would hold the schemas in memory
 * for nothing. Where a worker cannot start or fails, the file is read on the page as before.
 * Never rejects.
 */
import type { Diagram, ParseResult } from '../model/diagram';
import { openDiagramFile, type FileLike } from './openDiagramFile';

function createOpenFileWorker(): Worker {
  return new Worker(new URL('./openFile.worker.ts', import.meta.url), { type: 'module' });
}

function isResult(value: unknown): value is ParseResult<Diagram> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'value' in value : value.ok === false && 'error' in value;
}

export function openDiagramFileInWorker(file: FileLike, createWorker: () => Worker = createOpenFileWorker): Promise<ParseResult<Diagram>> {
  let worker: Worker;
  try {
    worker = createWorker();
  } catch {
    return openDiagramFile(file);
  }
  return new Promise((resolve) => {
    const finish = (answer: Promise<ParseResult<Diagram>> | ParseResult<Diagram>) => {
      worker.onmessage = null;
      worker.onerror = null;
      worker.onmessageerror = null;
      worker.terminate();
      resolve(answer);
    };
    worker.onmessage = (event: MessageEvent) => finish(isResult(event.data) ? event.data : openDiagramFile(file));
    // A worker that cannot load its script (an old browser, a strict policy) or whose answer
    // cannot be received: the page reads the file itself.
    worker.onerror = (event) => {
      event.preventDefault();
      finish(openDiagramFile(file));
    };
    worker.onmessageerror = () => finish(openDiagramFile(file));
    try {
      worker.postMessage({ file });
    } catch {
      finish(openDiagramFile(file));
    }
  });
}
