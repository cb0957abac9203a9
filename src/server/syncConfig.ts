/**
 * The sync server's settings: every limit in one place with its default, read from the
 * environment by `parseSyncConfig` (README "Live rooms" and SECURITY.md list them).
 */

export interface SyncLimits {
  /** Largest WebSocket frame; larger ones close the socket (1009) before they are buffered. */
  maxMessageBytes: number;
  /** Largest room (its Yjs state); an update that would pass it is refused (4413). */
  maxRoomBytes: number;
  /** Largest awareness (presence) update. */
  maxAwarenessBytes: number;
  /** Messages per second on one socket, sustained, and the burst allowed above it. */
  messagesPerSecond: number;
  messageBurst: number;
  /** Bytes per second on one socket, sustained; the burst is two largest messages. */
  bytesPerSecond: number;
  /** Connections in one room. */
  maxConnectionsPerRoom: number;
  /** Rooms one socket may join (Hocuspocus multiplexes rooms over a socket). */
  maxRoomsPerSocket: number;
  /** A room nobody has joined for this long is deleted unless saved. */
  roomIdleMs: number;
}

export const DEFAULT_LIMITS: SyncLimits = {
  maxMessageBytes: 16 * 1024 * 1024,
  maxRoomBytes: 16 * 1024 * 1024,
  maxAwarenessBytes: 64 * 1024,
  messagesPerSecond: 200,
  messageBurst: 1000,
  bytesPerSecond: 2 * 1024 * 1024,
  maxConnectionsPerRoom: 100,
  maxRoomsPerSocket: 8,
  roomIdleMs: 7 * 24 * 60 * 60 * 1000,
};

export interface SyncConfig {
  port: number;
  host: string;
  dataDir: string;
  redisUrl: string | undefined;
  limits: SyncLimits;
}

const DAY_MS = 24 * 60 * 60 * 1000;

type ParsedConfig = { ok: true; value: SyncConfig } | { ok: false; error: string };

/** Settings from environment variables; a malformed number names its variable. */
export function parseSyncConfig(
  env: Record<string, string | undefined>,
  defaults: { port: number; host: string; /** PORT for `npm run serve`, SYNC_PORT for the dev server */ portVariable: string },
): ParsedConfig {
  const problems: string[] = [];
  const number = (name: string, fallback: number, scale = 1): number => {
    const raw = env[name];
    if (raw === undefined || raw.trim() === '') return fallback;
    const value = Number(raw);
    if (!Number.isFinite(value) || value <= 0) {
      problems.push(`${name} must be a positive number (got "${raw}")`);
      return fallback;
    }
    return value * scale;
  };
  const limits: SyncLimits = {
    maxMessageBytes: number('SYNC_MAX_MESSAGE_BYTES', DEFAULT_LIMITS.maxMessageBytes),
    maxRoomBytes: number('SYNC_MAX_ROOM_BYTES', DEFAULT_LIMITS.maxRoomBytes),
    maxAwarenessBytes: number('SYNC_MAX_AWARENESS_BYTES', DEFAULT_LIMITS.maxAwarenessBytes),
    messagesPerSecond: number('SYNC_MESSAGES_PER_SECOND', DEFAULT_LIMITS.messagesPerSecond),
    messageBurst: number('SYNC_MESSAGE_BURST', DEFAULT_LIMITS.messageBurst),
    bytesPerSecond: number('SYNC_BYTES_PER_SECOND', DEFAULT_LIMITS.bytesPerSecond),
    maxConnectionsPerRoom: number('SYNC_MAX_CONNECTIONS_PER_ROOM', DEFAULT_LIMITS.maxConnectionsPerRoom),
    maxRoomsPerSocket: number('SYNC_MAX_ROOMS_PER_SOCKET', DEFAULT_LIMITS.maxRoomsPerSocket),
    roomIdleMs: number('SYNC_ROOM_IDLE_DAYS', DEFAULT_LIMITS.roomIdleMs / DAY_MS, DAY_MS),
  };
  const port = number(defaults.portVariable, defaults.port);
  if (!Number.isInteger(port) || port > 65535) problems.push(`${defaults.portVariable} must be a port number (got "${env[defaults.portVariable] ?? ''}")`);
  if (problems.length > 0) return { ok: false, error: problems.join('; ') };
  return {
    ok: true,
    value: {
      port,
      host: env.HOST?.trim() || defaults.host,
      dataDir: env.SYNC_DATA_DIR?.trim() || '.data',
      redisUrl: env.REDIS_URL?.trim() || undefined,
      limits,
    },
  };
}
