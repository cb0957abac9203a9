// Faults: full storage, aborted writes, corrupt or foreign records, storage that will not open.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { wrap } from 'idb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openDiagramLibrary } from '../../src/io/diagramLibrary';
import type { DiagramLibrary } from '../../src/io/diagramLibrary';
import type { Diagram } from '../../src/model/diagram';
import { emptyDiagram } from '../../src/model/diagram';

const DB = 'archflow-test';

function diagram(title: string): Diagram {
  return {
    ...emptyDiagram(title),
    nodes: [
      { id: 'api', kind: 'api-server', label: 'API', position: { x: 0, y: 0 } },
      { id: 'db', kind: 'sql-database', label: 'Orders', position: { x: 0, y: 200 } },
    ],
    edges: [{ id: 'e1', source: 'api', target: 'db' }],
  };
}

async function open(idbFactory: IDBFactory): Promise<DiagramLibrary> {
  const lib = await openDiagramLibrary({ idbFactory, dbName: DB });
  if (!lib.ok) throw new Error(lib.message);
  return lib;
}

/** A second, plain connection: what another app version or a damaged disk could leave behind. */
async function raw(idbFactory: IDBFactory) {
  const db = await wrap(idbFactory.open(DB));
  if (!db) throw new Error('no database');
  return db;
}

async function rawPut(idbFactory: IDBFactory, store: string, value: unknown): Promise<void> {
  const db = await raw(idbFactory);
  await db.put(store as never, value as never);
  db.close();
}

async function rawGet(idbFactory: IDBFactory, store: string, key: string): Promise<unknown> {
  const db = await raw(idbFactory);
  const value: unknown = await db.get(store as never, key);
  db.close();
  return value;
}

/** Makes every put into `storeName` fail the way `fail` says, for the rest of the test. */
function breakPuts(storeName: string, fail: (store: IDBObjectStore, request: () => IDBRequest) => IDBRequest) {
  const original = IDBObjectStore.prototype.put;
  vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(function (this: IDBObjectStore, ...args) {
    const request = () => original.apply(this, args);
    return this.name === storeName ? fail(this, request) : request();
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
});

describe('a failed write', () => {
  it('reports full storage and leaves the previous save whole', async () => {
    const idbFactory = new IDBFactory();
    const lib = await open(idbFactory);
    await lib.save('d1', diagram('before'));
    // The document is written first, so this fails after half of the new state is in the
    // transaction: nothing of it may stick.
    breakPuts('summaries', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });

    const outcome = await lib.save('d1', diagram('after'), { expectedRevision: 1 });
    expect(outcome).toMatchObject({ ok: false, reason: 'quota' });
    vi.restoreAllMocks();

    expect(await lib.load('d1')).toMatchObject({ ok: true, value: { revision: 1, diagram: diagram('before') } });
    expect(await rawGet(idbFactory, 'documents', 'd1')).toMatchObject({ revision: 1 });
    expect(await lib.list()).toEqual([expect.objectContaining({ title: 'before', status: 'ok' })]);
    // Once space is free again, the next save goes through.
    expect(await lib.save('d1', diagram('after'), { expectedRevision: 1 })).toMatchObject({ ok: true, revision: 2 });
  });

  it('leaves the previous save whole when the transaction aborts mid-write', async () => {
    const idbFactory = new IDBFactory();
    const lib = await open(idbFactory);
    await lib.save('d1', diagram('before'));
    breakPuts('summaries', (store, request) => {
      const pending = request();
      store.transaction.abort();
      return pending;
    });

    expect(await lib.save('d1', diagram('after'), { expectedRevision: 1 })).toMatchObject({ ok: false, reason: 'error' });
    vi.restoreAllMocks();
    expect(await lib.load('d1')).toMatchObject({ ok: true, value: { revision: 1, diagram: diagram('before') } });
  });

  it('reports a connection closed for a newer Archflow in another tab as blocked, without blocking it', async () => {
    const idbFactory = new IDBFactory();
    const lib = await open(idbFactory);
    await lib.save('d1', diagram('before'));
    const newer = await wrap(idbFactory.open(DB, 2));
    expect(newer?.version).toBe(2);
    newer?.close();
    expect(await lib.save('d1', diagram('after'))).toMatchObject({ ok: false, reason: 'blocked' });
  });
});

describe('an unreadable stored diagram', () => {
  it('is listed as unreadable, kept for export and never overwritten, across reloads', async () => {
    const idbFactory = new IDBFactory();
    const first = await open(idbFactory);
    await first.save('good', diagram('good'));
    await first.save('bad', diagram('bad'));
    const truncated = '{ "format": "archflow", "version": 1, "title": "bad", "nod';
    await rawPut(idbFactory, 'documents', { id: 'bad', recordVersion: 1, revision: 1, text: truncated });

    const session = await open(idbFactory);
    const listed = await session.list();
    expect(listed).toHaveLength(2);
    expect(listed.find((d) => d.id === 'good')).toMatchObject({ status: 'ok' });
    expect(listed.find((d) => d.id === 'bad')).toMatchObject({ status: 'unreadable', title: 'bad' });

    const loaded = await session.load('bad');
    expect(loaded.ok).toBe(false);
    expect(!loaded.ok && loaded.error.message).toMatch(/set aside/);
    expect(await session.save('bad', diagram('edit'), { expectedRevision: 1 })).toMatchObject({
      ok: false,
      reason: 'unreadable',
    });
    expect(await session.rename('bad', 'renamed')).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(await session.readSetAside('bad')).toMatchObject({ text: truncated });

    // A reload (a new session that has not parsed it yet) still refuses to write over it.
    const reloaded = await open(idbFactory);
    expect(await reloaded.save('bad', diagram('edit'))).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(await rawGet(idbFactory, 'documents', 'bad')).toMatchObject({ text: truncated });
    expect((await reloaded.list()).find((d) => d.id === 'bad')).toMatchObject({ status: 'unreadable' });
  });

  it('is refused even on the first save of a session when its record has an unknown shape', async () => {
    const idbFactory = new IDBFactory();
    await open(idbFactory);
    // An imagined older layout that stored the diagram object itself.
    const old = { id: 'old', title: 'Old layout', diagram: diagram('Old layout') };
    await rawPut(idbFactory, 'summaries', old);
    await rawPut(idbFactory, 'documents', old);

    const lib = await open(idbFactory);
    expect(await lib.save('old', diagram('new'))).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(await rawGet(idbFactory, 'documents', 'old')).toEqual(old);
    expect(await lib.list()).toEqual([expect.objectContaining({ id: 'old', title: 'Old layout', status: 'unreadable' })]);
    const setAside = await lib.readSetAside('old');
    expect(JSON.parse(setAside?.text ?? 'null')).toMatchObject({ document: old });
  });

  it('is listed as unreadable when half of it is missing', async () => {
    const idbFactory = new IDBFactory();
    const lib = await open(idbFactory);
    await rawPut(idbFactory, 'summaries', { id: 'half', recordVersion: 1, title: 'Half', updatedAt: 5, nodeCount: 2, revision: 3 });
    expect(await lib.list()).toEqual([expect.objectContaining({ id: 'half', status: 'unreadable', revision: 3 })]);
  });

  it('stays unreadable when deleted and put back', async () => {
    const idbFactory = new IDBFactory();
    await (await open(idbFactory)).save('bad', diagram('bad'));
    await rawPut(idbFactory, 'documents', { id: 'bad', recordVersion: 1, revision: 1, text: 'not json' });
    const lib = await open(idbFactory);
    expect((await lib.list())[0]).toMatchObject({ status: 'unreadable' });

    const removed = await lib.remove('bad');
    if (!removed.ok) throw new Error(removed.message);
    expect(await lib.list()).toEqual([]);
    expect(await lib.restore(removed.removed)).toMatchObject({ ok: true });
    expect((await lib.list())[0]).toMatchObject({ id: 'bad', status: 'unreadable' });
    expect(await lib.save('bad', diagram('edit'))).toMatchObject({ ok: false, reason: 'unreadable' });
    expect(await rawGet(idbFactory, 'documents', 'bad')).toMatchObject({ text: 'not json' });
  });
});

describe('storage that cannot be opened', () => {
  it('is unsupported without IndexedDB', async () => {
    vi.stubGlobal('indexedDB', undefined);
    expect(await openDiagramLibrary()).toMatchObject({ ok: false, reason: 'unsupported' });
  });

  it('is unsupported when opening throws (private mode)', async () => {
    const idbFactory = {
      open: () => {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as IDBFactory;
    expect(await openDiagramLibrary({ idbFactory })).toMatchObject({ ok: false, reason: 'unsupported' });
  });

  it('is blocked when another tab holds the database', async () => {
    const request: { onblocked?: () => void } = {};
    const idbFactory = {
      open: () => {
        setTimeout(() => request.onblocked?.());
        return request;
      },
    } as unknown as IDBFactory;
    expect(await openDiagramLibrary({ idbFactory })).toMatchObject({ ok: false, reason: 'blocked' });
  });

  it('gives up on a browser that never answers', async () => {
    const idbFactory = { open: () => ({}) } as unknown as IDBFactory;
    expect(await openDiagramLibrary({ idbFactory, openTimeoutMs: 1 })).toMatchObject({ ok: false, reason: 'blocked' });
  });

  it('names a database written by a newer Archflow', async () => {
    const idbFactory = new IDBFactory();
    (await wrap(idbFactory.open(DB, 7)))?.close();
    const opened = await openDiagramLibrary({ idbFactory, dbName: DB });
    expect(opened).toMatchObject({ ok: false, reason: 'error' });
    expect(!opened.ok && opened.message).toMatch(/newer version/);
  });
});
