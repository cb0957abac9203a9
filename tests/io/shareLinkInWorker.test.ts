import { describe, expect, it } from 'vitest';
import { architectureDiagram } from '../../bench/architecture';
import { serializeShareLink } from '../../src/io/shareLink';
import { serializeShareLinkInWorker, WORKER_FROM_NODES, type ShareLinkRequest } from '../../src/io/shareLinkInWorker';
import { fakeWorker } from './fakeWorker';

const BASE = 'https://archflow.example/app?x=1#old';
const BIG = architectureDiagram(1_000);

/** What shareLink.worker.ts does with a request, on a copy as the worker receives it. */
const answerLikeTheWorker = fakeWorker((worker, data) => {
  const { diagram, baseUrl } = structuredClone(data) as ShareLinkRequest;
  worker.onmessage?.({ data: serializeShareLink(diagram, baseUrl) } as MessageEvent);
});

describe('serializeShareLinkInWorker', () => {
  it('builds a small diagram’s link on the page, without starting a worker', async () => {
    const small = architectureDiagram(20);
    expect(small.nodes.length).toBeLessThan(WORKER_FROM_NODES);
    const { create, made } = fakeWorker(() => {
      throw new Error('no worker should be asked');
    });
    expect(await serializeShareLinkInWorker(small, BASE, create)).toBe(serializeShareLink(small, BASE));
    expect(made).toHaveLength(0);
  });

  it('returns the worker’s link, the same characters as built on the page, then ends the worker', async () => {
    expect(BIG.nodes.length).toBeGreaterThanOrEqual(WORKER_FROM_NODES);
    const { create, made } = answerLikeTheWorker;
    const url = await serializeShareLinkInWorker(BIG, BASE, create);
    expect(url).toBe(serializeShareLink(BIG, BASE));
    expect(url.startsWith('https://archflow.example/app?x=1#d=')).toBe(true);
    expect(made).toHaveLength(1);
    expect(made[0]!.terminated).toBe(true);
  });

  it('builds the link on the page when the worker cannot start, fails to load, or answers nonsense', async () => {
    const expected = serializeShareLink(BIG, BASE);
    const cannotStart = () => {
      throw new Error('blocked by policy');
    };
    expect(await serializeShareLinkInWorker(BIG, BASE, cannotStart)).toBe(expected);
    const failsToLoad = fakeWorker((worker) => worker.onerror?.({ preventDefault() {} } as ErrorEvent));
    expect(await serializeShareLinkInWorker(BIG, BASE, failsToLoad.create)).toBe(expected);
    expect(failsToLoad.made[0]!.terminated).toBe(true);
    const nonsense = fakeWorker((worker) => worker.onmessage?.({ data: null } as MessageEvent));
    expect(await serializeShareLinkInWorker(BIG, BASE, nonsense.create)).toBe(expected);
    const unreadable = fakeWorker((worker) => worker.onmessageerror?.());
    expect(await serializeShareLinkInWorker(BIG, BASE, unreadable.create)).toBe(expected);
  });
});
