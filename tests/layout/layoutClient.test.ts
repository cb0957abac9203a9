import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Diagram } from '../../src/model/diagram';
import { createLayoutClient, DEFAULT_LAYOUT_TIMEOUT_MS, layoutTimeoutMs } from '../../src/layout/layoutClient';
import type { LayoutOutcome, LayoutRequest } from '../../src/layout/layoutTypes';

/** Stands in for the module worker: records what it is sent, answers when told to. */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent) => void) | null = null;
  posted: LayoutRequest[] = [];
  terminated = false;
  failOnPost = false;

  postMessage(message: LayoutRequest): void {
    if (this.failOnPost) throw new Error('could not be cloned');
    this.posted.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  reply(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent);
  }

  answer(outcome: LayoutOutcome, id = this.posted[this.posted.length - 1]!.id): void {
    this.reply({ id, outcome });
  }

  crash(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as ErrorEvent);
  }
}

function setup(timeoutMs?: number) {
  const workers: FakeWorker[] = [];
  const client = createLayoutClient({
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
    createWorker: () => {
      const worker = new FakeWorker();
      workers.push(worker);
      return worker as unknown as Worker;
    },
  });
  return { client, workers };
}

const diagram: Diagram = { title: 'd', flow: 'bottom-up', nodes: [{ id: 'a', kind: 'user', label: 'A' }], edges: [] };
const done: LayoutOutcome = { ok: true, diagram, direction: 'up' };

afterEach(() => {
  vi.useRealTimers();
});

describe('createLayoutClient', () => {
  it('sends the diagram and options to the worker and resolves with its answer', async () => {
    const { client, workers } = setup();
    const sizes = new Map([['a', { width: 10, height: 20 }]]);
    const pending = client.layout(diagram, { direction: 'left', sizes });
    expect(workers).toHaveLength(1);
    expect(workers[0]!.posted[0]).toMatchObject({ diagram, options: { direction: 'left', sizes } });
    workers[0]!.answer(done);
    await expect(pending).resolves.toEqual(done);
  });

  it('reuses the worker for the next request once the last one is answered', async () => {
    const { client, workers } = setup();
    const first = client.layout(diagram);
    workers[0]!.answer(done);
    await first;
    const second = client.layout(diagram);
    workers[0]!.answer(done);
    await expect(second).resolves.toEqual(done);
    expect(workers).toHaveLength(1);
    expect(workers[0]!.terminated).toBe(false);
  });

  it('lets a newer request supersede an older one', async () => {
    const { client, workers } = setup();
    const older = client.layout(diagram);
    const newer = client.layout(diagram, { direction: 'down' });
    await expect(older).resolves.toMatchObject({ ok: false, error: { code: 'superseded' } });
    // The busy worker is ended; the newer request runs on a fresh one.
    expect(workers[0]!.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    workers[1]!.answer(done);
    await expect(newer).resolves.toEqual(done);
  });

  it('ignores an answer to a request other than the pending one', async () => {
    const { client, workers } = setup();
    const pending = client.layout(diagram);
    const id = workers[0]!.posted[0]!.id;
    workers[0]!.answer({ ok: false, error: { code: 'failed', message: 'stale' } }, id + 100);
    workers[0]!.answer(done, id);
    await expect(pending).resolves.toEqual(done);
  });

  it('times out, ends the worker, and starts a fresh one next time', async () => {
    vi.useFakeTimers();
    const { client, workers } = setup(1_000);
    const pending = client.layout(diagram);
    // One node: 40 ms on top of the 1 s.
    vi.advanceTimersByTime(1_039);
    workers[0]!.reply({ id: -1 });
    vi.advanceTimersByTime(1);
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(workers[0]!.terminated).toBe(true);
    const next = client.layout(diagram);
    expect(workers).toHaveLength(2);
    workers[1]!.answer(done);
    await expect(next).resolves.toEqual(done);
  });

  it('gives a bigger diagram more time: 20 s, plus 40 ms per node and edge', () => {
    expect(layoutTimeoutMs(diagram)).toBe(20_040);
    const nodes = Array.from({ length: 1_000 }, (_, i) => ({ id: `n${i}`, kind: 'user', label: 'N' }));
    const edges = Array.from({ length: 1_500 }, (_, i) => ({ id: `e${i}`, source: 'n0', target: 'n1' }));
    expect(layoutTimeoutMs({ nodes, edges })).toBe(120_000);
  });

  it('defaults to a 20 second timeout, plus the per-element time', async () => {
    vi.useFakeTimers();
    const { client } = setup();
    const pending = client.layout(diagram);
    vi.advanceTimersByTime(layoutTimeoutMs(diagram) - 1);
    let settled = false;
    void pending.then(() => (settled = true));
    await vi.advanceTimersByTimeAsync(0);
    expect(settled).toBe(false);
    vi.advanceTimersByTime(1);
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'timeout' } });
    expect(DEFAULT_LAYOUT_TIMEOUT_MS).toBe(20_000);
  });

  it('fails when the worker crashes, then recovers with a fresh worker', async () => {
    const { client, workers } = setup();
    const pending = client.layout(diagram);
    workers[0]!.crash('out of memory');
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringContaining('out of memory') } });
    expect(workers[0]!.terminated).toBe(true);
    const next = client.layout(diagram);
    workers[1]!.answer(done);
    await expect(next).resolves.toEqual(done);
  });

  it('fails on an answer that is not an outcome', async () => {
    const { client, workers } = setup();
    const pending = client.layout(diagram);
    workers[0]!.reply({ id: workers[0]!.posted[0]!.id, outcome: { ok: 'maybe' } });
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'failed' } });
  });

  it('fails without rejecting when the worker cannot be made or the diagram cannot be sent', async () => {
    const broken = createLayoutClient({
      createWorker: () => {
        throw new Error('workers are disabled');
      },
    });
    await expect(broken.layout(diagram)).resolves.toMatchObject({ ok: false, error: { code: 'failed' } });

    const { client, workers } = setup();
    const first = client.layout(diagram);
    workers[0]!.answer(done);
    await first;
    workers[0]!.failOnPost = true;
    await expect(client.layout(diagram)).resolves.toMatchObject({ ok: false, error: { code: 'failed', message: expect.stringContaining('cloned') } });
  });

  it('dispose ends the worker, cancels the pending layout and refuses later ones', async () => {
    const { client, workers } = setup();
    const pending = client.layout(diagram);
    client.dispose();
    await expect(pending).resolves.toMatchObject({ ok: false, error: { code: 'superseded' } });
    expect(workers[0]!.terminated).toBe(true);
    await expect(client.layout(diagram)).resolves.toMatchObject({ ok: false, error: { code: 'failed' } });
    expect(workers).toHaveLength(1);
  });
});

describe('what the app loads', () => {
  const here = dirname(fileURLToPath(import.meta.url));

  /** Files reachable through value imports (type-only imports vanish from the bundle). */
  function valueImports(file: string, seen = new Set<string>()): Set<string> {
    if (seen.has(file)) return seen;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
      const target = match[1]!;
      if (target.startsWith('.')) valueImports(`${resolve(dirname(file), target).replace(/\.ts$/, '')}.ts`, seen);
      else seen.add(target);
    }
    return seen;
  }

  it('keeps elkjs out of the layout client and everything it imports', () => {
    const reached = [...valueImports(join(here, '../../src/layout/layoutClient.ts'))];
    expect(reached.some((f) => f.includes('model/diagram') || f.includes('layoutTypes'))).toBe(true);
    expect(reached.filter((f) => f.startsWith('elkjs') || f.endsWith('nodeElk.ts') || f.endsWith('layoutDiagram.ts'))).toEqual([]);
  });

  it('loads elkjs in the worker', () => {
    const reached = [...valueImports(join(here, '../../src/layout/layout.worker.ts'))];
    expect(reached).toContain('elkjs/lib/elk.bundled.js');
  });
});
