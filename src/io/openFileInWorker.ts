/**
 * Reading a big file, or a big diagram's stored text, in a worker of its own
 * (openFile.worker.ts), so that it never freezes the page; the page only pays for receiving the
 * parsed diagram (a structured clone). A worker per read: big diagrams are read rarely (open,
 * reopen, the check before each save), and an idle worker would hold the schemas in memory for
 * nothing. Small inputs, and any case where a worker cannot start or fails, are read on the page
 * as before. Never rejects.
 */
import type { Diagram, ParseResult } from '../model/diagram';
import { parseDiagramFile } from '../model/parseDiagramFile';
import { openDiagramFile, type FileLike } from './openDiagramFile';
import type { OpenFileRequest } from './answerOpenFileRequest';

/**
 * Below this many characters (about 500 components) the page reads the input itself: starting a
 * worker costs more than the parse.
 */
export const WORKER_FROM_CHARS = 200_000;

export type CreateWorker = () => Worker;

function createOpenFileWorker(): Worker {
  return new Worker(new URL('./openFile.worker.ts', import.meta.url), { type: 'module' });
}

function isResult<T>(value: unknown): value is ParseResult<T> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'value' in value : value.ok === false && 'error' in value;
}

/** Sends `request` to a fresh worker; `here` reads it on the page when the worker cannot. */
function inWorker<T>(request: OpenFileRequest, here: () => Promise<ParseResult<T>>, createWorker: CreateWorker): Promise<ParseResult<T>> {
  let worker: Worker;
  try {
    worker = createWorker();
  } catch {
    return here();
  }
  return new Promise((resolve) => {
    const finish = (answer: Promise<ParseResult<T>> | ParseResult<T>) => {
      worker.onmessage = null;
      worker.onerror = null;
      worker.onmessageerror = null;
      worker.terminate();
      resolve(answer);
    };
    worker.onmessage = (event: MessageEvent) => finish(isResult<T>(event.data) ? event.data : here());
    // A worker that cannot load its script (an old browser, a strict policy) or whose answer
    // cannot be received: the page reads the input itself.
    worker.onerror = (event) => {
      event.preventDefault();
      finish(here());
    };
    worker.onmessageerror = () => finish(here());
    try {
      worker.postMessage(request);
    } catch {
      finish(here());
    }
  });
}

/** `openDiagramFile`, in a worker for a big file. */
export function openDiagramFileInWorker(file: FileLike, createWorker: CreateWorker = createOpenFileWorker): Promise<ParseResult<Diagram>> {
  const here = () => openDiagramFile(file);
  return file.size < WORKER_FROM_CHARS ? here() : inWorker({ file }, here, createWorker);
}

/** `parseDiagramFile`, in a worker for a big text. */
export function parseDiagramFileInWorker(text: string, createWorker: CreateWorker = createOpenFileWorker): Promise<ParseResult<Diagram>> {
  const here = () => Promise.resolve(parseDiagramFile(text));
  return text.length < WORKER_FROM_CHARS ? here() : inWorker({ text }, here, createWorker);
}

/**
 * Whether a big text parses, in a worker that answers with the verdict alone (`value` null): the
 * check before a save has no use for the diagram, and receiving it costs the page a long task.
 */
export function checkDiagramFileInWorker(text: string, createWorker: CreateWorker = createOpenFileWorker): Promise<ParseResult<unknown>> {
  const here = () => Promise.resolve(parseDiagramFile(text));
  return text.length < WORKER_FROM_CHARS ? here() : inWorker<unknown>({ text, verdictOnly: true }, here, createWorker);
}
