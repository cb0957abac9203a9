import { describe, expect, it } from 'vitest';
import { eventually } from './roomClients';
import { useSyncServer } from './serverFixture';

const sync = useSyncServer();
const DAY = 24 * 60 * 60 * 1000;

describe('sync server: rooms kept on disk', () => {
  it('keeps a room\'s content when the server stops and starts again', async () => {
    await sync.start();
    const { room, editKey } = sync.newRoom();
    const editor = sync.client(room, editKey);
    await editor.scope;
    editor.doc.getMap('nodes').set('api', { id: 'api', kind: 'api-server' });
    editor.doc.getMap('meta').set('title', 'Before the restart');
    await eventually(() => editor.provider.unsyncedChanges === 0, 'the edits acknowledged');
    await sync.stop();
    // The editor keeps editing while the server is down; its provider reconnects.
    editor.doc.getMap('nodes').set('db', { id: 'db', kind: 'sql-database' });
    const port = Number(new URL(editor.provider.configuration.websocketProvider.url).port);
    await sync.start({ port });
    const reader = sync.client(room, editKey);
    await eventually(
      () => reader.doc.getMap('nodes').size === 2 && reader.doc.getMap('meta').get('title') === 'Before the restart',
      'both nodes and the title after the restart',
      10_000,
    );
  });

  it('deletes a room idle longer than the idle time, but not a saved one', async () => {
    let now = Date.now();
    await sync.start({ now: () => now, limits: { roomIdleMs: 7 * DAY } });
    const idle = sync.newRoom();
    const saved = sync.newRoom();
    const a = sync.client(idle.room, idle.editKey);
    const b = sync.client(saved.room, saved.editKey);
    await a.scope;
    await b.scope;
    a.doc.getMap('meta').set('title', 'Idle');
    b.doc.getMap('meta').set('title', 'Saved');
    const kept = new Promise<string>((resolve) => b.provider.on('stateless', ({ payload }: { payload: string }) => resolve(payload)));
    b.provider.sendStateless(JSON.stringify({ type: 'keep', keep: true }));
    expect(JSON.parse(await kept)).toEqual({ type: 'kept', keep: true });
    await eventually(() => a.provider.unsyncedChanges === 0 && b.provider.unsyncedChanges === 0, 'the edits acknowledged');
    a.destroy();
    b.destroy();
    await eventually(() => sync.server.openRooms() === 0, 'both rooms stored and closed');

    now += 6 * DAY;
    expect(sync.server.sweep()).toBe(0);
    now += 2 * DAY;
    expect(sync.server.sweep()).toBe(1);

    const again = sync.client(idle.room, idle.editKey);
    const savedAgain = sync.client(saved.room, saved.editKey);
    await eventually(() => savedAgain.doc.getMap('meta').get('title') === 'Saved', 'the saved room\'s title');
    await eventually(() => again.provider.isSynced, 'the expired room synced');
    expect(again.doc.getMap('meta').get('title')).toBeUndefined();
  });

  it('ignores a keep message from a view-only connection', async () => {
    let now = Date.now();
    await sync.start({ now: () => now, limits: { roomIdleMs: DAY } });
    const { room, editKey, viewKey } = sync.newRoom();
    const editor = sync.client(room, editKey);
    const viewer = sync.client(room, viewKey);
    await editor.scope;
    await viewer.scope;
    editor.doc.getMap('meta').set('title', 'Kept?');
    viewer.provider.sendStateless(JSON.stringify({ type: 'keep', keep: true }));
    await eventually(() => editor.provider.unsyncedChanges === 0, 'the edit acknowledged');
    editor.destroy();
    viewer.destroy();
    await eventually(() => sync.server.openRooms() === 0, 'the room stored and closed');
    now += 2 * DAY;
    expect(sync.server.sweep()).toBe(1);
  });
});
