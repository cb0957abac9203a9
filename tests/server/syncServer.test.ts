import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { roomOfEditKey, createEditKey } from '../../src/model/sync/roomAccess';
import { startSyncServer, type SyncServer, type SyncServerOptions } from '../../src/server/syncServer';
import { connectClient, eventually, frame, openRaw, updateSetting, type RoomClient } from './roomClients';

let dataDir: string;
let server: SyncServer | undefined;
const clients: RoomClient[] = [];
const logs: string[] = [];

async function start(options: Partial<SyncServerOptions> = {}): Promise<SyncServer> {
  server = await startSyncServer({ port: 0, dataDir, log: (line) => logs.push(line), storeDelayMs: 50, ...options });
  return server;
}

function client(room: string, token: string, url = server!.url): RoomClient {
  const c = connectClient(url, room, token);
  clients.push(c);
  return c;
}

const newRoom = () => roomOfEditKey(createEditKey());

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'archflow-sync-'));
  logs.length = 0;
});

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await server?.stop();
  server = undefined;
  rmSync(dataDir, { recursive: true, force: true });
});

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
