/**
 * Headless room clients for the sync server's tests and load bench: Hocuspocus providers over
 * `ws` in Node, and a raw socket that speaks the wire format by hand (to craft what a real
 * provider never sends).
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { MESSAGE } from '../../src/server/inspectMessage';

export interface RoomClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** 'read-write' or 'readonly' once authenticated; the refusal reason if refused. */
  scope: Promise<string>;
  /** Close codes this client's socket was closed with, in order. */
  closes: number[];
  destroy(): void;
}

export function connectClient(url: string, room: string, token: string, doc = new Y.Doc()): RoomClient {
  const closes: number[] = [];
  const socket = new HocuspocusProviderWebsocket({
    url,
    WebSocketPolyfill: WebSocket,
    // Tests and the bench reconnect fast after a server restart.
    delay: 50,
    minDelay: 50,
    maxDelay: 500,
    onClose: ({ event }) => closes.push(event.code),
  });
  let settle: (scope: string) => void = () => {};
  const scope = new Promise<string>((resolve) => (settle = resolve));
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: room,
    token,
    document: doc,
    onAuthenticated: ({ scope }) => settle(scope),
    onAuthenticationFailed: ({ reason }) => settle(`refused: ${reason}`),
  });
  provider.attach();
  return {
    doc,
    provider,
    scope,
    closes,
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Resolves once `check` holds, polling; rejects with `what` after `ms`. */
export async function eventually(check: () => boolean, what: string, ms = 15_000): Promise<void> {
  const until = performance.now() + ms;
  while (!check()) {
    if (performance.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The frames of Hocuspocus 3's wire format a test needs to write by hand. */
export const frame = {
  auth(room: string, token: string): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, room);
    encoding.writeVarUint(e, MESSAGE.auth);
    encoding.writeVarUint(e, 0);
    encoding.writeVarString(e, token);
    return encoding.toUint8Array(e);
  },
  /** A Yjs update message (sync kind 2). */
  update(room: string, update: Uint8Array): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, room);
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, 2);
    encoding.writeVarUint8Array(e, update);
    return encoding.toUint8Array(e);
  },
  /** Sync step 1 with an empty state vector: asks for the whole room. */
  step1(room: string): Uint8Array {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, room);
    encoding.writeVarUint(e, MESSAGE.sync);
    encoding.writeVarUint(e, 0);
    encoding.writeVarUint8Array(e, Y.encodeStateVector(new Y.Doc()));
    return encoding.toUint8Array(e);
  },
};

export interface RawSocket {
  ws: WebSocket;
  /** The close code, once closed. */
  closed: Promise<number>;
  send(data: Uint8Array | string): void;
}

export async function openRaw(url: string): Promise<RawSocket> {
  const ws = new WebSocket(url);
  ws.on('error', () => {});
  const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('close', () => reject(new Error('closed before opening')));
  });
  return { ws, closed, send: (data) => ws.send(data) };
}

/** An update that sets `map.key = value` in a fresh document of its own. */
export function updateSetting(root: string, key: string, value: unknown): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap(root).set(key, value);
  return Y.encodeStateAsUpdate(doc);
}
