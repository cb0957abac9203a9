import { describe, expect, it } from 'vitest';
import { architectureDiagram } from '../../bench/architecture';
import { openDiagramFile } from '../../src/io/openDiagramFile';
import { answerOpenFileRequest, type OpenFileRequest } from '../../src/io/answerOpenFileRequest';
import { checkDiagramFileInWorker, openDiagramFileInWorker, parseDiagramFileInWorker, WORKER_FROM_CHARS } from '../../src/io/openFileInWorker';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';
import { serializeDiagramFile } from '../../src/model/serializeDiagramFile';
import { readExample } from '../examples';
import { fakeWorker } from './fakeWorker';

// Big enough to be read in a worker (about 1,000 components).
const TEXT = serializeDiagramFile(architectureDiagram(1_000));

describe('openDiagramFileInWorker', () => {
  it('reads a small file on the page, without starting a worker', async () => {
    const small = readExample('url-shortener.archflow.json');
    expect(small.length).toBeLessThan(WORKER_FROM_CHARS);
    const { create, made } = fakeWorker(() => {
      throw new Error('no worker should be asked');
    });
    expect(await openDiagramFileInWorker(new File([small], 'a.json'), create)).toEqual(await openDiagramFile(new File([small], 'a.json')));
    expect(await parseDiagramFileInWorker(small, create)).toEqual(parseDiagramFile(small));
    expect(made).toHaveLength(0);
  });

  it('hands the file to the worker and returns what it read, then ends the worker', async () => {
    const { create, made } = fakeWorker((worker, data) => {
      void openDiagramFile((data as { file: Blob }).file).then((result) => worker.onmessage?.({ data: result } as MessageEvent));
    });
    const result = await openDiagramFileInWorker(new File([TEXT], 'a.json'), create);
    expect(result).toEqual(await openDiagramFile(new File([TEXT], 'a.json')));
    expect(result.ok && result.value.nodes.length).toBeGreaterThan(3);
    expect(made).toHaveLength(1);
    expect(made[0]!.terminated).toBe(true);
  });

  it('passes on a refusal the worker found, with its message', async () => {
    const { create } = fakeWorker((worker, data) => {
      void openDiagramFile((data as { file: Blob }).file).then((result) => worker.onmessage?.({ data: result } as MessageEvent));
    });
    const result = await openDiagramFileInWorker(new File([TEXT.slice(0, -10)], 'cut.json'), create);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/cut short/);
  });

  it('reads the file on the page when no worker can start', async () => {
    const result = await openDiagramFileInWorker(new File([TEXT], 'a.json'), () => {
      throw new Error('Workers are not allowed here');
    });
    expect(result).toEqual(await openDiagramFile(new File([TEXT], 'a.json')));
  });

  it('reads the file on the page when the worker fails or answers something else', async () => {
    const failing = fakeWorker((worker) => worker.onerror?.({ preventDefault() {} } as ErrorEvent));
    const garbled = fakeWorker((worker) => worker.onmessage?.({ data: { nonsense: true } } as MessageEvent));
    const unreadable = fakeWorker((worker) => worker.onmessageerror?.());
    const expected = await openDiagramFile(new File([TEXT], 'a.json'));
    for (const { create, made } of [failing, garbled, unreadable]) {
      expect(await openDiagramFileInWorker(new File([TEXT], 'a.json'), create)).toEqual(expected);
      expect(made[0]!.terminated).toBe(true);
    }
  });
});

describe('parseDiagramFileInWorker', () => {
  it('hands big text to the worker and returns what it parsed', async () => {
    const { create, made } = fakeWorker((worker, data) => worker.onmessage?.({ data: parseDiagramFile((data as { text: string }).text) } as MessageEvent));
    expect(TEXT.length).toBeGreaterThanOrEqual(WORKER_FROM_CHARS);
    expect(await parseDiagramFileInWorker(TEXT, create)).toEqual(parseDiagramFile(TEXT));
    expect(made).toHaveLength(1);
    expect(made[0]!.terminated).toBe(true);
  });

  it('parses on the page when the worker fails', async () => {
    const { create } = fakeWorker((worker) => worker.onerror?.({ preventDefault() {} } as ErrorEvent));
    expect(await parseDiagramFileInWorker(TEXT, create)).toEqual(parseDiagramFile(TEXT));
  });
});

describe('checkDiagramFileInWorker', () => {
  const inWorker = fakeWorker((worker, data) => {
    void answerOpenFileRequest(data as OpenFileRequest).then((result) => worker.onmessage?.({ data: result } as MessageEvent));
  });

  it('answers a big text that reads with the verdict alone, not the diagram', async () => {
    const parsed = parseDiagramFile(TEXT);
    expect(parsed.ok).toBe(true);
    const result = await checkDiagramFileInWorker(TEXT, inWorker.create);
    expect(result).toEqual({ ok: true, value: null, notices: parsed.ok ? parsed.notices : [] });
  });

  it('passes on why a big text would not open again', async () => {
    const dangling = TEXT.replace(/"target": "[^"]+"/, '"target": "nowhere"');
    const result = await checkDiagramFileInWorker(dangling, inWorker.create);
    expect(result.ok).toBe(false);
    expect(result).toEqual(parseDiagramFile(dangling));
  });
});
