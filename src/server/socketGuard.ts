/**
 * One client socket's gate in front of Hocuspocus: the frame size (ws enforces it), its rate
 * (token buckets for messages and bytes), the rooms it may join, and each frame's shape
 * (`inspectMessage`). A frame that fails closes this socket only; other sockets and rooms go on.
 */
import type { WebSocket } from 'ws';
import type { RoomAccess } from '../model/sync/roomAccess';
import { CLOSE, inspectMessage, MESSAGE, type CloseReason } from './inspectMessage';
import type { SyncLimits } from './syncConfig';

export interface SocketGuardOptions {
  limits: SyncLimits;
  /** A socket was closed by the guard: the room (if known) and why, never content. */
  refused: (why: string, close: CloseReason, room: string | undefined) => void;
  /** Where the guard notes the document-update bytes of each frame it lets through. */
  updateBytes: WeakMap<object, number>;
  now?: () => number;
}

/** Frames a socket may send to rooms before its key there is accepted (a provider sends 2–3). */
const MAX_WAITING_FRAMES = 64;

class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(
    private readonly perSecond: number,
    private readonly capacity: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }
  take(amount: number, now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < amount) return false;
    this.tokens -= amount;
    return true;
  }
}

export class SocketGuard {
  /** This socket's access per room, set when Hocuspocus authenticates it there. */
  readonly access = new Map<string, RoomAccess>();
  private readonly rooms = new Set<string>();
  private readonly messages: TokenBucket;
  private readonly bytes: TokenBucket;
  /** Frames already let through once: Hocuspocus re-emits the ones it queued during authentication. */
  private readonly passed = new WeakSet<object>();
  private closed = false;
  /** Frames (and their bytes) sent to rooms this socket has no access to yet. */
  private waiting = 0;
  private waitingBytes = 0;

  private readonly limits: SyncLimits;
  private readonly now: () => number;

  constructor(
    private readonly socket: WebSocket,
    private readonly options: SocketGuardOptions,
  ) {
    const { limits } = options;
    this.limits = limits;
    this.now = options.now ?? (() => performance.now());
    const now = this.now;
    this.messages = new TokenBucket(limits.messagesPerSecond, limits.messageBurst, now());
    this.bytes = new TokenBucket(limits.bytesPerSecond, limits.maxMessageBytes * 2, now());
  }

  /**
   * Puts the guard in front of every 'message' listener of the socket (Hocuspocus's included):
   * a refused frame is never delivered.
   */
  install(): void {
    const emit = this.socket.emit.bind(this.socket);
    this.socket.emit = ((event: string | symbol, ...args: unknown[]) => {
      if (event === 'message' && !this.admit(args[0], args[1])) return false;
      return emit(event, ...args);
    }) as WebSocket['emit'];
  }

  private refuse(close: CloseReason, why: string, room?: string): false {
    if (!this.closed) {
      this.closed = true;
      this.options.refused(why, close, room);
      this.socket.close(close.code, close.reason);
    }
    return false;
  }

  private admit(data: unknown, isBinary: unknown): boolean {
    if (this.closed) return false;
    if (typeof data === 'object' && data !== null && this.passed.has(data)) return true;
    if (!(data instanceof Uint8Array) || isBinary === false) return this.refuse(CLOSE.badMessage, 'a text or fragmented frame');
    const now = this.now();
    if (!this.messages.take(1, now) || !this.bytes.take(data.length, now)) return this.refuse(CLOSE.rateLimited, 'the rate limit');
    const seen = inspectMessage(data, { accessTo: (room) => this.access.get(room), maxAwarenessBytes: this.limits.maxAwarenessBytes });
    if (!seen.ok) return this.refuse(seen.close, seen.why);
    if (!this.access.has(seen.room) && seen.type !== MESSAGE.auth) {
      // Hocuspocus queues a room's frames until its key is checked, and forever when the key
      // was refused: bound that queue.
      this.waiting += 1;
      this.waitingBytes += data.length;
      if (this.waiting > MAX_WAITING_FRAMES || this.waitingBytes > 2 * this.limits.maxMessageBytes) {
        return this.refuse(CLOSE.rateLimited, 'too many frames for a room it has no access to', seen.room);
      }
    }
    if (!this.rooms.has(seen.room)) {
      if (this.rooms.size >= this.limits.maxRoomsPerSocket) return this.refuse(CLOSE.rateLimited, 'too many rooms on one socket', seen.room);
      this.rooms.add(seen.room);
    }
    this.passed.add(data);
    if (seen.updateBytes > 0) this.options.updateBytes.set(data, seen.updateBytes);
    return true;
  }
}
