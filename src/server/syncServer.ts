/**
 * The live-room server: Hocuspocus 3 (Yjs sync, awareness, rooms) behind a gate that checks
 * every frame (`SocketGuard`), keys checked in `onAuthenticate` (`accessOf`: view keys get a
 * read-only connection), rooms stored in SQLite (`roomStore.ts`) through Hocuspocus's Database
 * extension, other instances reached through Redis when `redisUrl` is given, and, for
 * `npm run serve`, the built app served from the same port. docs/sync-protocol.md is the
 * contract with the browser.
 */
import { Database } from '@hocuspocus/extension-database';
import { Redis as RedisExtension } from '@hocuspocus/extension-redis';
import { Connection, Hocuspocus, type Extension } from '@hocuspocus/server';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import IORedis from 'ioredis';
import sirv from 'sirv';
import { WebSocketServer, type WebSocket } from 'ws';
import * as Y from 'yjs';
import { accessOf } from '../model/sync/roomAccess';
import { CLOSE } from './inspectMessage';
import { createRoomSizes } from './roomSizes';
import { createRoomStore, type RoomStore } from './roomStore';
import { SocketGuard } from './socketGuard';
import { DEFAULT_LIMITS, type SyncLimits } from './syncConfig';

/** The path that upgrades to the sync WebSocket, on every origin that serves it. */
export const SYNC_PATH = '/sync';

export interface SyncServerOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** Where rooms.sqlite lives. */
  dataDir: string;
  /** A built app (dist/) to serve on the same port; absent = the sync server alone. */
  staticDir?: string;
  /** Share rooms with other instances through this Redis. */
  redisUrl?: string;
  limits?: Partial<SyncLimits>;
  /** Milliseconds a room waits after a change before it is stored (Hocuspocus's debounce). */
  storeDelayMs?: number;
  /** How often idle rooms are looked for (and once at start). */
  sweepEveryMs?: number;
  /** One line per event; never diagram content. */
  log?: (line: string) => void;
  /** Wall clock for idle times (tests move it). */
  now?: () => number;
}

export interface SyncServer {
  readonly port: number;
  /** ws://host:port/sync */
  readonly url: string;
  /** Rooms held in memory now. */
  openRooms(): number;
  /** Deletes idle rooms now (also done every `sweepEveryMs`); how many went. */
  sweep(): number;
  /** Closes every socket, stores every open room, stops listening. */
  stop(): Promise<void>;
}

const short = (room: string) => room.slice(0, 8);

interface SocketContext {
  guard: SocketGuard;
}

/**
 * With Redis, an instance that finds another one storing a room skips its own store by throwing
 * a message-less error, which Hocuspocus 3 prints with a stack trace every time: expected, not
 * a fault, so it is not printed. Every other error still is.
 */
let redisNoiseQuieted = false;
function quietRedisLockNoise(): void {
  if (redisNoiseQuieted) return;
  redisNoiseQuieted = true;
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    const [first, error] = args;
    if (first === 'Caught error during storeDocumentHooks' && error instanceof Error && error.message === '' && String(error.cause).startsWith('Could not acquire lock')) return;
    print(...args);
  };
}

export async function startSyncServer(options: SyncServerOptions): Promise<SyncServer> {
  const limits: SyncLimits = { ...DEFAULT_LIMITS, ...options.limits };
  const log = options.log ?? ((line: string) => console.log(`[sync] ${line}`));
  const now = options.now ?? Date.now;
  const store: RoomStore = createRoomStore(options.dataDir, now);
  /** Update bytes of each frame the guard let through, for the room-size check. */
  const updateBytes = new WeakMap<object, number>();
  const roomSize = createRoomSizes(limits.maxRoomBytes);

  const storage = new Database({
    fetch: async ({ documentName }) => store.fetch(documentName),
    store: async ({ documentName, state }) => store.store(documentName, state),
  });

  const rules: Extension = {
    async onAuthenticate({ token, documentName, connectionConfig, context, instance }) {
      const access = accessOf(documentName, token);
      if (access === null) throw { reason: 'permission-denied' };
      const present = instance.documents.get(documentName)?.getConnectionsCount() ?? 0;
      if (present >= limits.maxConnectionsPerRoom) {
        log(`room ${short(documentName)}: refused a connection, the room is full (${present})`);
        throw { reason: 'room-full' };
      }
      connectionConfig.readOnly = access === 'view';
      (context as SocketContext).guard.access.set(documentName, access);
    },
    async afterLoadDocument({ document }) {
      roomSize.loaded(document);
    },
    async connected({ documentName }) {
      store.touch(documentName);
    },
    async onDisconnect({ documentName }) {
      store.touch(documentName);
    },
    async beforeHandleMessage({ update, document, connection, documentName }) {
      const bytes = updateBytes.get(update) ?? 0;
      if (bytes === 0) return;
      if (roomSize.admit(document, bytes)) return;
      log(`room ${short(documentName)}: refused an update that would pass the room size limit`);
      connection.webSocket.close(CLOSE.roomTooLarge.code, CLOSE.roomTooLarge.reason);
      throw CLOSE.roomTooLarge;
    },
    async onChange({ document, update, transactionOrigin }) {
      // Changes from sockets were counted as they were let through; these come from Redis.
      if (!(transactionOrigin instanceof Connection)) roomSize.grew(document, update.length);
    },
    async onStateless({ connection, document, documentName, payload }) {
      if (connection.readOnly) return;
      let message: unknown;
      try {
        message = JSON.parse(payload);
      } catch {
        return;
      }
      if (typeof message !== 'object' || message === null) return;
      const { type, keep } = message as { type?: unknown; keep?: unknown };
      if (type !== 'keep' || typeof keep !== 'boolean') return;
      store.setSaved(documentName, keep, Y.encodeStateAsUpdate(document));
      connection.sendStateless(JSON.stringify({ type: 'kept', keep }));
    },
  };

  const extensions: Extension[] = [rules, storage];
  if (options.redisUrl) {
    quietRedisLockNoise();
    const url = options.redisUrl;
    extensions.push(new RedisExtension({ createClient: () => new IORedis(url), identifier: `archflow-${randomUUID()}` }));
  }

  const hocuspocus = new Hocuspocus({
    name: 'archflow-sync',
    quiet: true,
    debounce: options.storeDelayMs ?? 2000,
    maxDebounce: Math.max(10_000, options.storeDelayMs ?? 0),
    extensions,
  });

  const serveApp = options.staticDir ? sirv(options.staticDir, {
        single: true,
        etag: true,
        setHeaders: (response) => {
          response.setHeader('X-Content-Type-Options', 'nosniff');
          response.setHeader('Referrer-Policy', 'no-referrer');
        },
      }) : null;
  const http = createServer((request: IncomingMessage, response: ServerResponse) => {
    if (serveApp) {
      serveApp(request, response, () => {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
      });
      return;
    }
    response.writeHead(200, { 'Content-Type': 'text/plain' }).end(`Archflow sync server: WebSocket at ${SYNC_PATH}\n`);
  });

  const sockets = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes });
  http.on('upgrade', (request, socket, head) => {
    const path = (request.url ?? '').split('?')[0];
    if (path !== SYNC_PATH) {
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws: WebSocket) => {
      ws.on('error', () => {
        // A socket error (a frame over maxPayload, a reset) closes that socket; nothing else.
      });
      const guard = new SocketGuard(ws, {
        limits,
        updateBytes,
        refused: (why, close, room) => log(`${room ? `room ${short(room)}: ` : ''}closed a socket (${close.reason}): ${why}`),
      });
      guard.install();
      hocuspocus.handleConnection(ws, request, { guard } satisfies SocketContext);
    });
  });

  const sweep = () => {
    const gone = store.deleteIdle(now() - limits.roomIdleMs, new Set(hocuspocus.documents.keys()));
    if (gone > 0) log(`deleted ${gone} room(s) idle for ${Math.round(limits.roomIdleMs / 3_600_000)} h or more`);
    return gone;
  };
  sweep();
  const sweeper = setInterval(sweep, options.sweepEveryMs ?? 60 * 60 * 1000);
  sweeper.unref();

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port, options.host ?? '127.0.0.1', () => {
      http.off('error', reject);
      resolve();
    });
  });
  const port = (http.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';

  return {
    port,
    url: `ws://${host.includes(':') ? `[${host}]` : host}:${port}${SYNC_PATH}`,
    openRooms: () => hocuspocus.getDocumentsCount(),
    sweep,
    async stop() {
      clearInterval(sweeper);
      http.close();
      const unloaded = new Promise<void>((resolve) => {
        if (hocuspocus.getDocumentsCount() === 0) resolve();
        hocuspocus.configuration.extensions.push({
          async afterUnloadDocument({ instance }) {
            if (instance.getDocumentsCount() === 0) resolve();
          },
        });
      });
      hocuspocus.closeConnections();
      for (const client of sockets.clients) client.close(1001, 'server-stopping');
      // Rooms with changes not yet stored are stored as their last connection closes.
      await Promise.race([unloaded, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      sockets.close();
      await hocuspocus.hooks('onDestroy', { instance: hocuspocus });
      store.close();
    },
  };
}
