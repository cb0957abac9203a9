/**
 * The app's handle on the layout worker: ELK runs off the main thread, so the page keeps
 * painting during a layout. One layout at a time: a newer request supersedes an older one
 * (the busy worker is ended rather than left to finish work nobody wants), a layout past its
 * timeout ends the worker, and a fresh worker is made for the next request. Never rejects.
 *
 * Imports only types from the layout code, so elkjs stays out of the app's first bundle.
 */
import type { Diagram } from '../model/diagram';
import { layoutFailure, type LayoutOutcome, type LayoutRequest, type WorkerLayoutOptions } from './layoutTypes';

/** The time-out of the smallest layout; past it the user gets a message. */
export const DEFAULT_LAYOUT_TIMEOUT_MS = 20_000;
/**
 * What each node and edge adds to it. ELK's time grows with the diagram, and a loaded machine
 * (a video call beside it, 4× CPU throttling in the bench) multiplies it: a flat 20 s stopped
 * 1,000-node layouts that would have finished (issue 16). 1,000 nodes and 1,500 edges get 120 s.
 */
export const LAYOUT_TIMEOUT_PER_ELEMENT_MS = 40;

/** How long a layout of `diagram` may take before it is stopped. */
export function layoutTimeoutMs(diagram: Pick<Diagram, 'nodes' | 'edges'>, baseMs = DEFAULT_LAYOUT_TIMEOUT_MS): number {
  return baseMs + LAYOUT_TIMEOUT_PER_ELEMENT_MS * (diagram.nodes.length + diagram.edges.length);
}

export interface LayoutClient {
  layout(diagram: Diagram, options?: WorkerLayoutOptions): Promise<LayoutOutcome>;
  /** Ends the worker; a pending layout resolves as superseded, later ones fail. */
  dispose(): void;
}

export interface LayoutClientOptions {
  /** The time-out of an empty diagram; each node and edge adds LAYOUT_TIMEOUT_PER_ELEMENT_MS. */
  timeoutMs?: number;
  createWorker?: () => Worker;
}

function createLayoutWorker(): Worker {
  return new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
}

interface Pending {
  id: number;
  resolve: (outcome: LayoutOutcome) => void;
  timer: ReturnType<typeof setTimeout>;
}

function isOutcome(value: unknown): value is LayoutOutcome {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'diagram' in value && 'direction' in value : value.ok === false && 'error' in value;
}

export function createLayoutClient(options: LayoutClientOptions = {}): LayoutClient {
  const timeoutMs = options.timeoutMs ?? DEFAULT_LAYOUT_TIMEOUT_MS;
  const makeWorker = options.createWorker ?? createLayoutWorker;
  let worker: Worker | undefined;
  let pending: Pending | undefined;
  let nextId = 1;
  let disposed = false;

  const endWorker = () => {
    const current = worker;
    worker = undefined;
    if (!current) return;
    current.onmessage = null;
    current.onerror = null;
    current.onmessageerror = null;
    try {
      current.terminate();
    } catch {
      // An already dead worker has nothing left to end.
    }
  };

  const settle = (outcome: LayoutOutcome) => {
    const current = pending;
    if (!current) return;
    pending = undefined;
    clearTimeout(current.timer);
    current.resolve(outcome);
  };

  const failAndReset = (message: string) => {
    endWorker();
    settle(layoutFailure('failed', message));
  };

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const created = makeWorker();
    created.onmessage = (event: MessageEvent) => {
      const data: unknown = event.data;
      if (typeof data !== 'object' || data === null || !('id' in data) || data.id !== pending?.id) return;
      if (!('outcome' in data) || !isOutcome(data.outcome)) {
        failAndReset('The layout worker sent an answer it should not have.');
        return;
      }
      settle(data.outcome);
    };
    created.onerror = (event: ErrorEvent) => {
      event.preventDefault?.();
      failAndReset(`The layout worker stopped: ${event.message || 'unknown error'}`);
    };
    created.onmessageerror = () => failAndReset('The layout worker could not read the diagram.');
    worker = created;
    return created;
  };

  return {
    layout(diagram, layoutOptions = {}) {
      return new Promise<LayoutOutcome>((resolve) => {
        if (disposed) {
          resolve(layoutFailure('failed', 'Auto layout is no longer available on this page.'));
          return;
        }
        if (pending) {
          endWorker();
          settle(layoutFailure('superseded', 'A newer auto layout replaced this one.'));
        }
        const id = nextId++;
        const limitMs = layoutTimeoutMs(diagram, timeoutMs);
        const timer = setTimeout(() => {
          endWorker();
          settle(layoutFailure('timeout', `Auto layout took longer than ${Math.round(limitMs / 1000)} s and was stopped.`));
        }, limitMs);
        pending = { id, resolve, timer };
        try {
          const request: LayoutRequest = { id, diagram, options: layoutOptions };
          ensureWorker().postMessage(request);
        } catch (error) {
          failAndReset(`Auto layout could not start: ${error instanceof Error ? error.message : String(error)}`);
        }
      });
    },
    dispose() {
      disposed = true;
      endWorker();
      settle(layoutFailure('superseded', 'Auto layout was cancelled.'));
    },
  };
}
