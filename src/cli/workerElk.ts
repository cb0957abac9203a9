/**
 * ELK for the CLI, run in a worker thread with a time and a memory bound. ELK lays out
 * synchronously and its time and memory grow much faster than the diagram: 5,000 nodes took
 * ten minutes and 3.4 GB, 20,000 nested ones ended the process with "heap out of memory" and a
 * native stack. In a worker the time limit can stop it (`terminate`) and `resourceLimits` ends
 * only the worker when it reaches the ceiling, so the CLI can still print its one line.
 *
 * The worker runs elkjs's own CommonJS bundle from an inline script, so it needs no TypeScript
 * loader and works the same under tsx, in tests and in a compiled CLI.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { ElkGraphNode, ElkLike } from '../layout/layoutTypes';

/** The default time limit of `archflow layout`, in seconds (README, usage.ts). */
export const DEFAULT_LAYOUT_TIMEOUT_SECONDS = 60;
/** The memory ceiling of the layout worker's heap, in MiB (README, usage.ts). */
export const LAYOUT_MEMORY_CEILING_MB = 2048;

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const ELK = require(workerData.elkPath);
parentPort.once('message', (graph) => {
  new ELK().layout(graph).then(
    (laidOut) => parentPort.postMessage({ ok: true, graph: laidOut }),
    (error) => parentPort.postMessage({ ok: false, message: String((error && error.message) || error) }),
  );
});
`;

export interface WorkerElkOptions {
  timeoutMs: number;
  memoryCeilingMb?: number;
}

export interface WorkerElk extends ElkLike {
  /** Why the last layout was stopped (time or memory), as a sentence; null when it was not. */
  readonly stopped: string | null;
}

export function createWorkerElk(options: WorkerElkOptions): WorkerElk {
  const memoryCeilingMb = options.memoryCeilingMb ?? LAYOUT_MEMORY_CEILING_MB;
  let stopped: string | null = null;
  return {
    get stopped() {
      return stopped;
    },
    layout(graph: ElkGraphNode): Promise<ElkGraphNode> {
      stopped = null;
      const elkPath = createRequire(import.meta.url).resolve('elkjs/lib/elk.bundled.js');
      const worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { elkPath },
        resourceLimits: { maxOldGenerationSizeMb: memoryCeilingMb },
        stdout: true,
        stderr: true,
      });
      return new Promise<ElkGraphNode>((resolve, reject) => {
        const stop = (why: string) => {
          stopped = why;
          reject(new Error(why));
        };
        const timer = setTimeout(() => {
          stop(`it took longer than ${seconds(options.timeoutMs)} and was stopped; allow more with --timeout SECONDS`);
          void worker.terminate();
        }, options.timeoutMs);
        const finish = () => {
          clearTimeout(timer);
          void worker.terminate();
        };
        worker.once('message', (reply: { ok: true; graph: ElkGraphNode } | { ok: false; message: string }) => {
          finish();
          if (reply.ok) resolve(reply.graph);
          else reject(new Error(reply.message));
        });
        worker.once('error', (error: Error & { code?: string }) => {
          finish();
          if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
            stop(`it needed more than the ${memoryCeilingMb.toLocaleString('en-US')} MB of memory the layout may use and was stopped`);
          } else {
            reject(error);
          }
        });
        worker.once('exit', () => {
          clearTimeout(timer);
          reject(new Error('the layout worker stopped without an answer'));
        });
        worker.postMessage(graph);
      });
    },
  };
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number(s.toPrecision(3)).toLocaleString('en-US')} s`;
}
