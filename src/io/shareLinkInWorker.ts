/**
 * `serializeShareLink` in a worker of its own (shareLink.worker.ts), so building the link of a big
 * diagram never freezes the page; the page only pays for copying the diagram to it (a structured
 * clone) and receiving one string. The same function builds the link in both places, so the link
 * is the same byte for byte. A worker per link: links are made rarely, and an idle worker would
 * hold the codec in memory for nothing. Small diagrams, and any case where a worker cannot start
 * or fails, are built on the page as before. Never rejects.
 */
import type { Diagram } from '../model/diagram';
import { serializeShareLink } from './shareLink';

export interface ShareLinkRequest {
  diagram: Diagram;
  baseUrl: string;
}

/** Below this many nodes the page builds the link itself: starting a worker costs more (~10 ms at 200). */
export const WORKER_FROM_NODES = 200;

export type CreateWorker = () => Worker;

function createShareLinkWorker(): Worker {
  return new Worker(new URL('./shareLink.worker.ts', import.meta.url), { type: 'module' });
}

export function serializeShareLinkInWorker(diagram: Diagram, baseUrl: string, createWorker: CreateWorker = createShareLinkWorker): Promise<string> {
  const here = () => serializeShareLink(diagram, baseUrl);
  if (diagram.nodes.length < WORKER_FROM_NODES) return Promise.resolve(here());
  let worker: Worker;
  try {
    worker = createWorker();
  } catch {
    return Promise.resolve(here());
  }
  return new Promise((resolve) => {
    const finish = (url: string | null) => {
      worker.onmessage = null;
      worker.onerror = null;
      worker.onmessageerror = null;
      worker.terminate();
      resolve(url ?? here());
    };
    worker.onmessage = (event: MessageEvent) => finish(typeof event.data === 'string' ? event.data : null);
    // A worker that cannot load its script (an old browser, a strict policy) or whose answer
    // cannot be received: the page builds the link itself.
    worker.onerror = (event) => {
      event.preventDefault();
      finish(null);
    };
    worker.onmessageerror = () => finish(null);
    try {
      worker.postMessage({ diagram, baseUrl } satisfies ShareLinkRequest);
    } catch {
      finish(null);
    }
  });
}
