import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { eventually, frame, openRaw, updateSetting } from './roomClients';
import { useSyncServer } from './serverFixture';

const sync = useSyncServer();
const { logs } = sync;
const start = () => sync.start();
const client = (room: string, token: string) => sync.client(room, token);
const newRoom = () => sync.newRoom();

describe('sync server: editing together', () => {
  it('two editors converge on each other\'s records', async () => {
    await start();
    const { room, editKey } = newRoom();
    const a = client(room, editKey);
    const b = client(room, editKey);
    expect(await a.scope).toBe('read-write');
    expect(await b.scope).toBe('read-write');
    a.doc.getMap('nodes').set('web', { id: 'web', kind: 'web-client' });
    b.doc.getMap('nodes').set('api', { id: 'api', kind: 'api-server' });
    await eventually(() => a.doc.getMap('nodes').size === 2 && b.doc.getMap('nodes').size === 2, 'both nodes on both sides');
    expect(a.doc.getMap('nodes').toJSON()).toEqual(b.doc.getMap('nodes').toJSON());
  });

  it('refuses a token that does not belong to the room', async () => {
    await start();
    const { room } = newRoom();
    const stranger = client(room, newRoom().editKey);
    expect(await stranger.scope).toBe('refused: permission-denied');
  });
});

describe('sync server: view-only links', () => {
  it('gives a view key a read-only connection that sees edits', async () => {
    await start();
    const { room, editKey, viewKey } = newRoom();
    const editor = client(room, editKey);
    const viewer = client(room, viewKey);
    expect(await viewer.scope).toBe('readonly');
    editor.doc.getMap('meta').set('title', 'Shortener');
    await eventually(() => viewer.doc.getMap('meta').get('title') === 'Shortener', 'the title at the viewer');
  });

  it('closes a viewer whose provider sends an edit, and the room keeps nothing of it', async () => {
    await start();
    const { room, editKey, viewKey } = newRoom();
    const editor = client(room, editKey);
    const viewer = client(room, viewKey);
    await editor.scope;
    await viewer.scope;
    await eventually(() => viewer.provider.isSynced, 'the viewer synced');
    viewer.doc.getMap('nodes').set('evil', { id: 'evil' });
    await eventually(() => viewer.closes.includes(4403), 'the viewer closed with 4403');
    editor.doc.getMap('nodes').set('ok', { id: 'ok' });
    const fresh = client(room, editKey);
    await eventually(() => fresh.doc.getMap('nodes').has('ok'), 'the editor\'s node in a fresh copy');
    expect(fresh.doc.getMap('nodes').has('evil')).toBe(false);
    expect(editor.doc.getMap('nodes').has('evil')).toBe(false);
    expect(logs.join('\n')).toContain('view-only');
  });

  it('closes a raw socket that sends a crafted update with a view key', async () => {
    await start();
    const { room, editKey, viewKey } = newRoom();
    const editor = client(room, editKey);
    await editor.scope;
    const raw = await openRaw(sync.server.url);
    raw.send(frame.auth(room, viewKey));
    await new Promise((resolve) => setTimeout(resolve, 100));
    raw.send(frame.update(room, updateSetting('nodes', 'evil', { id: 'evil' })));
    expect(await raw.closed).toBe(4403);
    // Sent before the key was checked: Hocuspocus's read-only connection drops it.
    const early = await openRaw(sync.server.url);
    early.send(frame.auth(room, viewKey));
    early.send(frame.update(room, updateSetting('nodes', 'early', { id: 'early' })));
    await new Promise((resolve) => setTimeout(resolve, 200));
    early.ws.close();
    const fresh = client(room, editKey);
    await eventually(() => fresh.provider.isSynced, 'a fresh copy synced');
    expect(fresh.doc.getMap('nodes').toJSON()).toEqual({});
  });
});

describe('sync server: what an update may hold', () => {
  it.each([
    ['a root outside the room layout', () => updateSetting('secrets', 'x', 1)],
    ['a nested Y type', () => {
      const doc = new Y.Doc();
      doc.getMap('nodes').set('n', new Y.Map());
      return Y.encodeStateAsUpdate(doc);
    }],
    ['text', () => {
      const doc = new Y.Doc();
      doc.getText('meta').insert(0, 'x');
      return Y.encodeStateAsUpdate(doc);
    }],
  ])('closes an editor sending %s (4422), and the room keeps nothing of it', async (_what, make) => {
    await start();
    const { room, editKey } = newRoom();
    const raw = await openRaw(sync.server.url);
    raw.send(frame.auth(room, editKey));
    await new Promise((resolve) => setTimeout(resolve, 100));
    raw.send(frame.update(room, make()));
    expect(await raw.closed).toBe(4422);
    const fresh = client(room, editKey);
    await eventually(() => fresh.provider.isSynced, 'a fresh copy synced');
    expect(Y.encodeStateAsUpdate(fresh.doc).length).toBeLessThanOrEqual(2);
  });
});
