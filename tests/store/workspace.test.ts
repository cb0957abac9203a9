import { describe, expect, it, vi } from 'vitest';
import { createAutosaver } from '../../src/io/autosave';
import type { DiagramLibrary } from '../../src/io/diagramLibraryTypes';
import { createMemoryLibrary } from '../../src/io/memoryLibrary';
import { serializeShareLink } from '../../src/io/shareLink';
import type { Diagram } from '../../src/model/diagram';
import { serializeDesignDoc } from '../../src/io/designDoc';
import { serializeDiagramFile } from '../../src/model/serializeDiagramFile';
import { createEditorStore } from '../../src/store/editorStore';
import type { WorkspaceServices } from '../../src/store/workspaceTypes';
import { expectEqualUpToIdRenaming } from '../io/idRenaming';

const shared: Diagram = {
  title: 'Shared one',
  flow: 'bottom-up',
  nodes: [
    { id: 'u', kind: 'user', label: 'User', position: { x: 0, y: 100 } },
    { id: 'db', kind: 'cache', label: 'Cache', position: { x: 0, y: 0 } },
  ],
  edges: [{ id: 'e1', source: 'u', target: 'db' }],
};

function setup(opts: { hash?: string; library?: DiagramLibrary | 'unavailable'; layout?: boolean; serializeShareLink?: WorkspaceServices['serializeShareLink'] } = {}) {
  const library = opts.library === 'unavailable' ? null : (opts.library ?? createMemoryLibrary());
  const downloads: { blob: Blob; name: string }[] = [];
  const copied: string[] = [];
  const clearHash = vi.fn();
  const workspace: WorkspaceServices = {
    openLibrary: async () => library ?? { ok: false, reason: 'unsupported', message: 'IndexedDB is not available.' },
    createAutosaver: (o) => createAutosaver({ ...o, delayMs: 1, maxWaitMs: 5 }),
    createTabSync: () => ({ announceSave() {}, onRemoteSave: () => () => {}, dispose() {} }),
    tabId: 'tab',
    flushOnHide: () => () => {},
    download: (blob, name) => downloads.push({ blob, name }),
    paintImage: async () => ({ ok: false, message: 'no worker here' }),
    copyText: async (t) => {
      copied.push(t);
      return true;
    },
    location: () => ({ href: `https://archflow.test/${opts.hash ?? ''}`, hash: opts.hash ?? '' }),
    clearHash,
    ...(opts.serializeShareLink ? { serializeShareLink: opts.serializeShareLink } : {}),
  };
  const layoutCalls: Diagram[] = [];
  const services = opts.layout
    ? {
        layout: {
          layout: async (d: Diagram) => {
            layoutCalls.push(d);
            return { ok: true as const, direction: 'up' as const, diagram: d };
          },
        },
      }
    : {};
  const store = createEditorStore({ workspace, services });
  return { store, library, downloads, copied, clearHash, layoutCalls };
}

function file(text: string, name = 'd.archflow.json'): Blob & { name: string } {
  return Object.assign(new Blob([text]), { name });
}

describe('workspace', () => {
  it('starts with a stored diagram and autosaves edits to it', async () => {
    const { store, library } = setup();
    await store.getState().start();
    const id = store.getState().currentId!;
    expect(id).toBeTruthy();
    store.getState().addComponent('cache', { center: { x: 0, y: 0 } });
    await vi.waitFor(async () => {
      const loaded = await library!.load(id);
      expect(loaded.ok && loaded.value.diagram.nodes.map((n) => n.kind)).toEqual(['cache']);
    });
    expect(store.getState().saveState.state).toBe('saved');
  });

  it('a bad file is refused with a message naming the place, and the diagram stays as it was', async () => {
    const { store } = setup();
    await store.getState().start();
    store.getState().addComponent('cache', { center: { x: 0, y: 0 } });
    const before = store.getState().getDiagram();
    const id = store.getState().currentId;
    const broken = serializeDiagramFile(shared).replace('"target": "db"', '"target": "db9"');
    expect(await store.getState().openFile(file(broken))).toBe(false);
    expect(store.getState().getDiagram()).toEqual(before);
    expect(store.getState().currentId).toBe(id);
    const notice = store.getState().notices.at(-1)!;
    expect(notice.tone).toBe('error');
    expect(notice.message).toMatch(/edges\[0\]\.target/);
  });

  it('an opened file becomes a new entry; the work that was open stays in My diagrams', async () => {
    const { store } = setup();
    await store.getState().start();
    store.getState().addComponent('cache', { center: { x: 0, y: 0 } });
    const first = store.getState().currentId;
    expect(await store.getState().openFile(file(serializeDiagramFile(shared)))).toBe(true);
    expect(store.getState().currentId).not.toBe(first);
    expect(store.getState().getDiagram()).toEqual(shared);
    expect(store.getState().items.map((i) => i.id).sort()).toEqual([first, store.getState().currentId].sort());
  });

  it('a file without positions is placed on a grid at once, then auto laid out', async () => {
    const { store, layoutCalls } = setup({ layout: true });
    await store.getState().start();
    const bare = { ...shared, nodes: shared.nodes.map(({ position: _p, ...n }) => n) };
    expect(await store.getState().openFile(file(JSON.stringify({ format: 'archflow', version: 1, ...bare })))).toBe(true);
    const placed = store.getState().getDiagram().nodes;
    expect(placed.every((n) => Number.isFinite(n.position?.x) && Number.isFinite(n.position?.y))).toBe(true);
    expect(placed[0]!.position).not.toEqual(placed[1]!.position);
    expect(layoutCalls).toHaveLength(1);
  });

  it('opens a share link on start as a copy, and clears it from the address bar', async () => {
    const library = createMemoryLibrary();
    const mine = await library.create({ ...shared, title: 'Mine' });
    await library.setLastOpened((mine as { id: string }).id);
    const url = serializeShareLink(shared, 'https://archflow.test/');
    const { store, clearHash } = setup({ hash: new URL(url).hash, library });
    await store.getState().start();
    // A link carries compact ids (n1, e1…); everything else comes back as it was.
    expectEqualUpToIdRenaming(store.getState().getDiagram(), shared);
    expect(clearHash).toHaveBeenCalled();
    expect(store.getState().items.map((i) => i.title).sort()).toEqual(['Mine', 'Shared one']);
  });

  it('a damaged share link is reported and the last diagram opens as usual', async () => {
    const library = createMemoryLibrary();
    const mine = await library.create({ ...shared, title: 'Mine' });
    await library.setLastOpened((mine as { id: string }).id);
    const url = serializeShareLink(shared, 'https://archflow.test/');
    const { store } = setup({ hash: new URL(url).hash.slice(0, 30), library });
    await store.getState().start();
    expect(store.getState().meta.title).toBe('Mine');
    expect(store.getState().notices.some((n) => n.tone === 'error' && /link/.test(n.message))).toBe(true);
  });

  it('keeps working in memory when storage is unavailable, and says so', async () => {
    const { store } = setup({ library: 'unavailable' });
    await store.getState().start();
    expect(store.getState().storageProblem).toMatch(/IndexedDB/);
    expect(store.getState().saveState.state).toBe('memory');
    store.getState().addComponent('cache', { center: { x: 0, y: 0 } });
    expect(store.getState().nodes).toHaveLength(1);
  });

  it('pastes copied components, opens pasted diagrams, and lets plain text through', async () => {
    const { store } = setup();
    await store.getState().start();
    store.getState().loadDiagram(shared);
    store.getState().select(['u']);
    const text = store.getState().copySelectionText()!;
    expect(store.getState().pasteText(text)).toBe(true);
    expect(store.getState().nodes).toHaveLength(3);
    expect(store.getState().pasteText('hello there')).toBe(false);
    expect(store.getState().pasteText('{"format":"archflow","version":1')).toBe(true);
    // The reader loads on the first pasted diagram, so its refusal comes a moment later.
    await vi.waitFor(() => expect(store.getState().notices.at(-1)?.tone).toBe('error'));
    expect(store.getState().nodes).toHaveLength(3);
  });

  it('saves a pretty, stable file named after the title', async () => {
    const { store, downloads } = setup();
    store.getState().loadDiagram({ ...shared, title: 'My / API' });
    store.getState().saveFile();
    expect(downloads[0]!.name).toMatch(/\.archflow\.json$/);
    expect(downloads[0]!.name).not.toContain('/');
    expect(await downloads[0]!.blob.text()).toBe(serializeDiagramFile({ ...shared, title: 'My / API' }));
  });

  it('downloads the design document as Markdown named after the title', async () => {
    const { store, downloads } = setup();
    store.getState().loadDiagram({ ...shared, title: 'Shop: v2' });
    await store.getState().exportDesignDoc();
    expect(downloads[0]!.name).toBe('Shop- v2.design.md');
    expect(downloads[0]!.blob.type).toBe('text/markdown');
    expect(await downloads[0]!.blob.text()).toBe(serializeDesignDoc(store.getState().getDiagram()));
    expect(await downloads[0]!.blob.text()).toMatch(/^# Shop: v2\n/);
  });

  it('copies a Mermaid flowchart and a share link', async () => {
    const { store, copied } = setup();
    store.getState().loadDiagram(shared);
    await store.getState().copyMermaid();
    expect(copied[0]).toMatch(/flowchart BT/);
    const url = await store.getState().shareLink();
    expect(copied[1]).toBe(url);
    expect(store.getState().lastShare?.warning).toBeNull();
  });

  it('shares the link its services build (a worker in the browser): copied, shown and counted', async () => {
    const asked: string[] = [];
    const { store, copied } = setup({
      serializeShareLink: async (diagram, baseUrl) => {
        asked.push(baseUrl);
        return serializeShareLink(diagram, baseUrl);
      },
    });
    store.getState().loadDiagram(shared);
    const url = await store.getState().shareLink();
    expect(asked).toEqual(['https://archflow.test/']);
    expect(url).toBe(serializeShareLink(store.getState().getDiagram(), 'https://archflow.test/'));
    expect(copied).toEqual([url]);
    expect(store.getState().lastShare).toEqual({ url, warning: null });
    expect(store.getState().notices.at(-1)?.message).toBe(`Share link copied: ${url!.length.toLocaleString('en')} characters.`);
  });
});
