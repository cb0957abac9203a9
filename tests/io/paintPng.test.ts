import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { paintDiagramImage } from '../../src/io/paintPng';
import type { PaintPngAnswer } from '../../src/io/paintPngMessages';
import type { Diagram } from '../../src/model/diagram';
import type { PaintView } from '../../src/paint/scene';

/** A worker that answers the request with the given messages, each in its own task. */
function fakeWorker(answers: PaintPngAnswer[]) {
  const worker = {
    onmessage: null as ((event: MessageEvent<PaintPngAnswer>) => void) | null,
    onerror: null,
    terminated: false,
    postMessage() {
      answers.reduce((at, answer) => {
        setTimeout(() => worker.onmessage?.({ data: answer } as MessageEvent<PaintPngAnswer>), at);
        return at + 1;
      }, 0);
    },
    terminate() {
      worker.terminated = true;
    },
  };
  return worker;
}

const diagram: Diagram = { title: 't', flow: [], nodes: [], edges: [] } as unknown as Diagram;
const view = {} as PaintView;
const element = { closest: () => null } as unknown as Element;
const png = new Blob([new Uint8Array([137, 80, 78, 71])], { type: 'image/png' });

beforeEach(() => {
  vi.stubGlobal('getComputedStyle', () => ({ getPropertyValue: () => '' }));
  vi.stubGlobal('document', { documentElement: { dataset: {} } });
  vi.stubGlobal('matchMedia', () => ({ matches: false }));
});
afterEach(() => vi.unstubAllGlobals());

describe('paintDiagramImage', () => {
  it('reports the worker’s progress and hands over its file, then stops the worker', async () => {
    const worker = fakeWorker([{ type: 'progress', done: 0.5 }, { type: 'progress', done: 1, phase: 'Encoding the PNG' }, { type: 'done', image: png, scale: 2 }]);
    const steps: string[] = [];
    const result = await paintDiagramImage(element, diagram, view, { scale: 2, background: '#fff', padding: 0, onProgress: (p, d) => steps.push(`${p} ${d}`) }, () => worker as unknown as Worker);
    expect(result).toEqual({ ok: true, blob: png, scale: 2 });
    expect(steps).toEqual(['Drawing 0', 'Drawing 0.5', 'Encoding the PNG 1']);
    expect(worker.terminated).toBe(true);
  });

  it('makes no file when cancelled as the file arrives, before it is handed over', async () => {
    const worker = fakeWorker([{ type: 'done', image: png, scale: 2 }]);
    const controller = new AbortController();
    const originalSlice = png.slice.bind(png);
    // Cancel between the worker's answer and the hand-over (the wait for the blob store).
    vi.spyOn(png, 'slice').mockImplementation((...args) => {
      controller.abort();
      return originalSlice(...args);
    });
    const result = await paintDiagramImage(element, diagram, view, { scale: 2, background: '#fff', padding: 0, signal: controller.signal }, () => worker as unknown as Worker);
    expect(result).toMatchObject({ ok: false, cancelled: true });
  });
});
