/**
 * A sync server per test on a free loopback port with its own data folder, and the clients a
 * test opens, all closed after it: `const room = useSyncServer();` at the top of a describe.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createEditKey, roomOfEditKey } from '../../src/model/sync/roomAccess';
import { startSyncServer, type SyncServer, type SyncServerOptions } from '../../src/server/syncServer';
import { connectClient, type RoomClient } from './roomClients';

export interface SyncFixture {
  /** The running server (after `start`). */
  readonly server: SyncServer;
  readonly dataDir: string;
  /** What the server logged in this test. */
  readonly logs: string[];
  start(options?: Partial<SyncServerOptions>): Promise<SyncServer>;
  /** Stops the server (storing its rooms); `start` again is a restart on the same data. */
  stop(): Promise<void>;
  client(room: string, token: string): RoomClient;
  newRoom(): { room: string; editKey: string; viewKey: string };
}

export function useSyncServer(): SyncFixture {
  let dataDir = '';
  let server: SyncServer | undefined;
  const clients: RoomClient[] = [];
  const logs: string[] = [];

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

  return {
    get server() {
      if (!server) throw new Error('start the server first');
      return server;
    },
    get dataDir() {
      return dataDir;
    },
    logs,
    async start(options = {}) {
      server = await startSyncServer({ port: 0, dataDir, log: (line) => logs.push(line), storeDelayMs: 50, ...options });
      return server;
    },
    async stop() {
      await server?.stop();
      server = undefined;
    },
    client(room, token) {
      const c = connectClient(this.server.url, room, token);
      clients.push(c);
      return c;
    },
    newRoom: () => roomOfEditKey(createEditKey()),
  };
}
