// idb recognises IndexedDB objects by the global constructors, which Node lacks.
import { readExample } from '../examples';
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDiagramLibrary } from '../../src/io/diagramLibrary';
import type { DiagramLibrary, OpenDiagramLibraryOptions } from '../../src/io/diagramLibrary';
import type { Diagram } from '../../src/model/diagram';
import { emptyDiagram } from '../../src/model/diagram';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';

function example(): Diagram {
  const parsed = parseDiagramFile(readExample('url-shortener.archflow.json'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

function clock(start = 1_000) {
  let t = start;
  return () => (t += 1_000);
}

async function open(opts: OpenDiagramLibraryOptions = {}): Promise<DiagramLibrary> {
  const lib = await openDiagramLibrary({ idbFactory: new IDBFactory(), now: clock(), ...opts });
  if (!lib.ok) throw new Error(lib.message);
  return lib;
}

async function loadDiagram(lib: DiagramLibrary, id: string): Promise<Diagram> {
  const loaded = await lib.load(id);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.diagram;
}

describe('diagram library', () => {
  it('reads stored text with the parse it was given: on load and to check each save (the app passes a worker)', async () => {
    const seen: string[] = [];
    const lib = await open({
      parse: async (text) => {
        seen.push(text);
        return parseDiagramFile(text);
      },
    });
    const diagram = example();
    expect(await lib.save('d1', diagram)).toMatchObject({ ok: true });
    expect(seen).toHaveLength(1);
    expect(await loadDiagram(lib, 'd1')).toEqual(diagram);
    expect(seen).toHaveLength(2);
    expect(seen[1]).toBe(seen[0]);
    // What that parse refuses is not stored, with its reason.
    const refusing = await open({ parse: async () => ({ ok: false, error: { code: 'invalid', path: 'nodes[0].id', message: 'nodes[0].id: refused here' } }) });
    const outcome = await refusing.save('d2', diagram);
    expect(!outcome.ok && outcome.message).toMatch(/would not open again: nodes\[0\]\.id: refused here/);
  });

  it('gives back exactly the diagram it saved, with a revision bumped by each save', async () => {
    const lib = await open();
    const diagram = example();
    const first = await lib.save('d1', diagram);
    expect(first).toMatchObject({ ok: true, revision: 1 });

    const loaded = await lib.load('d1');
    expect(loaded.ok && loaded.value).toMatchObject({ id: 'd1', revision: 1, diagram });

    const moved: Diagram = {
      ...diagram,
      title: 'Moved',
      nodes: diagram.nodes.map((n, i) => (i === 0 ? { ...n, position: { x: -40, y: 12.5 } } : n)),
    };
    expect(await lib.save('d1', moved, { expectedRevision: 1 })).toMatchObject({ ok: true, revision: 2 });
    expect(await loadDiagram(lib, 'd1')).toEqual(moved);
    expect(await lib.list()).toEqual([
      expect.objectContaining({ id: 'd1', title: 'Moved', nodeCount: diagram.nodes.length, revision: 2, status: 'ok' }),
    ]);
  });

  it('refuses to store a diagram that would not open again, keeping the last good save', async () => {
    const lib = await open();
    const diagram = example();
    await lib.save('d1', diagram);
    // An edge left pointing at a removed node: the parser refuses that file.
    const broken: Diagram = { ...diagram, nodes: diagram.nodes.slice(1) };
    const outcome = await lib.save('d1', broken, { expectedRevision: 1 });
    expect(outcome).toMatchObject({ ok: false, reason: 'error' });
    expect(!outcome.ok && outcome.message).toMatch(/not a node id/);
    expect(await lib.load('d1')).toMatchObject({ ok: true, value: { revision: 1, diagram } });
  });

  it('refuses to overwrite a newer save from another tab', async () => {
    const idbFactory = new IDBFactory();
    const tabA = await open({ idbFactory });
    const tabB = await open({ idbFactory });
    await tabA.save('d1', emptyDiagram('v1'), { expectedRevision: 0 });

    expect(await tabB.save('d1', emptyDiagram('from B'), { expectedRevision: 1 })).toMatchObject({ ok: true, revision: 2 });
    const stale = await tabA.save('d1', emptyDiagram('from A'), { expectedRevision: 1 });
    expect(stale).toMatchObject({ ok: false, reason: 'conflict' });
    expect((await loadDiagram(tabA, 'd1')).title).toBe('from B');
  });

  it('does not bring back a diagram another tab deleted', async () => {
    const idbFactory = new IDBFactory();
    const tabA = await open({ idbFactory });
    const tabB = await open({ idbFactory });
    await tabA.save('d1', emptyDiagram('v1'));
    await tabB.remove('d1');
    expect(await tabA.save('d1', emptyDiagram('edited'), { expectedRevision: 1 })).toMatchObject({
      ok: false,
      reason: 'conflict',
    });
    expect(await tabA.list()).toEqual([]);
  });

  it('lists the most recently saved diagram first', async () => {
    const lib = await open();
    const a = await lib.create(emptyDiagram('A'));
    const b = await lib.create(emptyDiagram('B'));
    await lib.create(emptyDiagram('C'));
    if (!a.ok || !b.ok) throw new Error('create failed');
    expect((await lib.list()).map((d) => d.title)).toEqual(['C', 'B', 'A']);

    await lib.save(a.id, emptyDiagram('A edited'), { expectedRevision: a.revision });
    expect((await lib.list()).map((d) => d.title)).toEqual(['A edited', 'C', 'B']);
  });

  it('creates new ids, renames and duplicates', async () => {
    const lib = await open();
    const created = await lib.create(example());
    if (!created.ok) throw new Error(created.message);
    expect(created.revision).toBe(1);

    expect(await lib.rename(created.id, '  Link service  ')).toMatchObject({ ok: true, revision: 2 });
    expect((await loadDiagram(lib, created.id)).title).toBe('Link service');
    expect(await lib.rename(created.id, '   ')).toMatchObject({ ok: false });

    const copy = await lib.duplicate(created.id);
    if (!copy.ok) throw new Error(copy.message);
    expect(copy.id).not.toBe(created.id);
    const copied = await loadDiagram(lib, copy.id);
    expect(copied).toEqual({ ...example(), title: 'Link service (copy)' });
    expect((await lib.list()).map((d) => d.title).sort()).toEqual(['Link service', 'Link service (copy)']);
  });

  it('puts a deleted diagram back exactly as it was', async () => {
    const lib = await open();
    await lib.save('d1', example());
    await lib.save('d1', example(), { expectedRevision: 1 });
    await lib.setLastOpened('d1');

    const removed = await lib.remove('d1');
    if (!removed.ok) throw new Error(removed.message);
    expect(await lib.list()).toEqual([]);
    expect((await lib.load('d1')).ok).toBe(false);
    expect(await lib.lastOpenedId()).toBeUndefined();

    expect(await lib.restore(removed.removed)).toMatchObject({ ok: true, revision: 2 });
    const loaded = await lib.load('d1');
    expect(loaded.ok && loaded.value).toMatchObject({ revision: 2, diagram: example() });
    // Undo twice must not duplicate or clobber.
    expect(await lib.restore(removed.removed)).toMatchObject({ ok: false, reason: 'conflict' });
  });

  it('remembers the diagram to reopen', async () => {
    const idbFactory = new IDBFactory();
    const lib = await open({ idbFactory });
    expect(await lib.lastOpenedId()).toBeUndefined();
    expect(await lib.setLastOpened('d7')).toBe(true);
    lib.close();
    const reopened = await open({ idbFactory });
    expect(await reopened.lastOpenedId()).toBe('d7');
  });

  it('asks for persistent storage without ever throwing', async () => {
    const granted = await open({ storage: { persisted: async () => false, persist: async () => true } });
    expect(await granted.requestPersistence()).toBe(true);
    const refused = await open({ storage: { persist: async () => { throw new Error('nope'); } } });
    expect(await refused.requestPersistence()).toBe(false);
    const missing = await open({ storage: {} });
    expect(await missing.requestPersistence()).toBe(false);
  });
});
