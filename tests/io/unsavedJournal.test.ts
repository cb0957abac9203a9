// idb recognises IndexedDB objects by the global constructors, which Node lacks.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { openDiagramLibrary } from '../../src/io/diagramLibrary';
import type { DiagramLibrary } from '../../src/io/diagramLibrary';
import { describeRecovery, recoverUnsaved } from '../../src/io/recoverUnsaved';
import { createUnsavedJournal, UNSAVED_KEY_PREFIX, type StorageLike, type UnsavedEntry } from '../../src/io/unsavedJournal';
import { emptyDiagram, type Diagram } from '../../src/model/diagram';
import { serializeDiagramFile } from '../../src/model/serializeDiagramFile';

/** localStorage's behaviour, with a quota in characters as browsers count it. */
function memoryStorage(quota = Infinity): StorageLike & { map: Map<string, string> } {
  const map = new Map<string, string>();
  const used = () => [...map].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    map,
    get length() {
      return map.size;
    },
    key: (i) => [...map.keys()][i] ?? null,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => {
      if (used() - (map.get(k)?.length ?? 0) + v.length > quota) throw new DOMException('full', 'QuotaExceededError');
      map.set(k, v);
    },
    removeItem: (k) => void map.delete(k),
  };
}

function diagramWith(title: string, kinds: string[]): Diagram {
  const d = emptyDiagram(title);
  return { ...d, nodes: kinds.map((kind, i) => ({ id: `${kind}-${i}`, kind, label: kind, position: { x: i * 200, y: 0 } })) };
}

function entry(id: string, diagram: Diagram, baseRevision: number, tabId = 'tab-a', at = 1): UnsavedEntry {
  return { id, tabId, baseRevision, text: serializeDiagramFile(diagram), at };
}

async function library(): Promise<DiagramLibrary> {
  const lib = await openDiagramLibrary({ idbFactory: new IDBFactory() });
  if (!lib.ok) throw new Error(lib.message);
  return lib;
}

async function kindsOf(lib: DiagramLibrary, id: string): Promise<string[]> {
  const loaded = await lib.load(id);
  if (!loaded.ok) throw new Error(loaded.error.message);
  return loaded.value.diagram.nodes.map((n) => n.kind);
}

describe('unsaved journal', () => {
  it('keeps one entry per tab and diagram, and hands each out once', () => {
    const storage = memoryStorage();
    const journal = createUnsavedJournal(storage);
    expect(journal.write(entry('d1', diagramWith('A', ['cache']), 1, 'tab-a', 5))).toBe(true);
    expect(journal.write(entry('d1', diagramWith('B', ['dns']), 1, 'tab-b', 3))).toBe(true);
    expect(journal.write(entry('d1', diagramWith('A2', ['cache', 'cdn']), 1, 'tab-a', 7))).toBe(true);
    storage.setItem('unrelated', 'kept');
    storage.setItem(`${UNSAVED_KEY_PREFIX}junk`, '{"v":1,"id":3}');
    const taken = createUnsavedJournal(storage).takeAll();
    expect(taken.map((e) => [e.tabId, JSON.parse(e.text).title])).toEqual([
      ['tab-b', 'B'],
      ['tab-a', 'A2'],
    ]);
    expect(createUnsavedJournal(storage).takeAll()).toEqual([]);
    expect([...storage.map.keys()]).toEqual(['unrelated']);
  });

  it('refuses what does not fit, and then drops the older entry rather than recover a stale state', () => {
    const storage = memoryStorage(2_000);
    const journal = createUnsavedJournal(storage);
    expect(journal.write(entry('d1', diagramWith('small', ['cache']), 1))).toBe(true);
    const big = diagramWith('big', Array.from({ length: 40 }, () => 'service'));
    expect(journal.write(entry('d1', big, 1))).toBe(false);
    expect(journal.takeAll()).toEqual([]);
  });

  it('keeps nothing, and throws nothing, where there is no storage', () => {
    const journal = createUnsavedJournal(null);
    expect(journal.write(entry('d1', emptyDiagram('x'), 0))).toBe(false);
    expect(journal.takeAll()).toEqual([]);
  });
});

describe('recovering unsaved work', () => {
  it('saves work still based on the stored revision in place', async () => {
    const lib = await library();
    const saved = await lib.save('d1', diagramWith('Shop', ['cache']));
    if (!saved.ok) throw new Error(saved.message);
    const journal = createUnsavedJournal(memoryStorage());
    journal.write(entry('d1', diagramWith('Shop', ['cache', 'worker']), saved.revision));
    const results = await recoverUnsaved(lib, journal);
    expect(results).toEqual([{ kind: 'saved', id: 'd1', revision: saved.revision + 1 }]);
    expect(await kindsOf(lib, 'd1')).toEqual(['cache', 'worker']);
    expect(describeRecovery(results)).toEqual([]);
    expect((await lib.list()).length).toBe(1);
  });

  it('never overwrites newer work from another tab: the unsaved work becomes a copy', async () => {
    const lib = await library();
    await lib.save('d1', diagramWith('Shop', ['cache']));
    const theirs = await lib.save('d1', diagramWith('Shop', ['cache', 'dns']), { expectedRevision: 1 });
    expect(theirs.ok).toBe(true);
    const journal = createUnsavedJournal(memoryStorage());
    journal.write(entry('d1', diagramWith('Shop', ['cache', 'worker']), 1));
    const results = await recoverUnsaved(lib, journal);
    expect(results).toMatchObject([{ kind: 'copied', id: 'd1', title: 'Shop (recovered)' }]);
    expect(await kindsOf(lib, 'd1')).toEqual(['cache', 'dns']);
    const copyId = (results[0] as { copyId: string }).copyId;
    expect(await kindsOf(lib, copyId)).toEqual(['cache', 'worker']);
    expect(describeRecovery(results)[0]?.message).toMatch(/another tab.*“Shop \(recovered\)”/);
  });

  it('does nothing for work the save on leaving did store', async () => {
    const lib = await library();
    await lib.save('d1', diagramWith('Shop', ['cache']));
    await lib.save('d1', diagramWith('Shop', ['cache', 'worker']));
    const journal = createUnsavedJournal(memoryStorage());
    journal.write(entry('d1', diagramWith('Shop', ['cache', 'worker']), 1));
    expect(await recoverUnsaved(lib, journal)).toEqual([{ kind: 'already-saved', id: 'd1' }]);
    expect((await lib.list()).length).toBe(1);
  });

  it('brings back a diagram deleted meanwhile as a copy', async () => {
    const lib = await library();
    await lib.save('d1', diagramWith('Shop', ['cache']));
    await lib.remove('d1');
    const journal = createUnsavedJournal(memoryStorage());
    journal.write(entry('d1', diagramWith('Shop', ['cache', 'worker']), 1));
    const [result] = await recoverUnsaved(lib, journal);
    expect(result).toMatchObject({ kind: 'copied' });
    expect((await lib.list()).map((s) => s.title)).toEqual(['Shop (recovered)']);
  });

  it('keeps the entry for the next start when storage refuses the save', async () => {
    const lib = await library();
    await lib.save('d1', diagramWith('Shop', ['cache']));
    const failing: DiagramLibrary = { ...lib, save: async () => ({ ok: false, reason: 'quota', message: 'Storage is full.' }) };
    const storage = memoryStorage();
    const journal = createUnsavedJournal(storage);
    journal.write(entry('d1', diagramWith('Shop', ['cache', 'worker']), 1));
    const results = await recoverUnsaved(failing, journal);
    expect(results).toMatchObject([{ kind: 'failed' }]);
    expect(describeRecovery(results)[0]).toMatchObject({ tone: 'error' });
    expect(await recoverUnsaved(lib, journal)).toMatchObject([{ kind: 'saved' }]);
  });
});
