/**
 * The sync server dies mid-session (SIGKILL: no graceful close, no last store, edits of the last
 * store delay only in memory) and is started again on the same data folder and port. The
 * editors keep editing through it; their providers reconnect and resync, so every editor ends
 * with every edit, and the server's disk holds them all after the next store.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEditKey, roomOfEditKey } from '../../src/model/sync/roomAccess';
import { connectClient, eventually, type RoomClient } from './roomClients';

let dataDir = '';
const children: ChildProcess[] = [];
const clients: RoomClient[] = [];

beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'archflow-sync-kill-'));
});

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the server in its own process; resolves with its port once it listens. */
async function startServer(port: number, storeDelayMs: number): Promise<{ child: ChildProcess; port: number }> {
  const child = fork(new URL('./syncServerChild.ts', import.meta.url).pathname, [dataDir, String(port), String(storeDelayMs)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(child);
  const ready = await new Promise<{ port: number }>((resolve, reject) => {
    child.once('message', (m) => resolve(m as { port: number }));
    child.once('exit', (code, signal) => reject(new Error(`the server exited before listening (${code ?? signal})`)));
  });
  return { child, port: ready.port };
}

async function kill(child: ChildProcess): Promise<string | null> {
  const exited = new Promise<string | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  child.kill('SIGKILL');
  return exited;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Each editor writes a new record per keystroke (its own key), so every single edit can be counted. */
function typist(client: RoomClient, name: string) {
  let typed = 0;
  let running = true;
  const done = (async () => {
    while (running) {
      typed += 1;
      client.doc.getMap('notes').set(`${name}-${typed}`, { id: `${name}-${typed}`, text: `${name} edit ${typed}` });
      await wait(15 + Math.random() * 30);
    }
  })();
  return {
    get typed() {
      return typed;
    },
    stop: async () => {
      running = false;
      await done;
    },
  };
}

describe('sync server killed mid-session', () => {
  it('restarts on the same storage; the editors keep editing and end with every edit', async () => {
    const first = await startServer(0, 2000);
    const url = `ws://127.0.0.1:${first.port}/sync`;
    const { room, editKey } = roomOfEditKey(createEditKey());
    const editors = ['ada', 'bo', 'cy'].map((name) => ({ name, client: connectClient(url, room, editKey) }));
    clients.push(...editors.map((e) => e.client));
    for (const e of editors) expect(await e.client.scope).toBe('read-write');

    const typists = editors.map((e) => typist(e.client, e.name));
    await wait(800);
    // A crash: the process gets no chance to store what arrived since the last store (2 s ago at most).
    expect(await kill(first.child)).toBe('SIGKILL');
    await eventually(() => editors.every((e) => e.client.provider.configuration.websocketProvider.status !== 'connected'), 'every editor to see the server gone');
    const typedWhileDown = typists.map((t) => t.typed);
    await wait(600);
    expect(typists.map((t) => t.typed).every((n, i) => n > typedWhileDown[i]!)).toBe(true);

    const second = await startServer(first.port, 200);
    await eventually(() => editors.every((e) => e.client.provider.configuration.websocketProvider.status === 'connected' && e.client.provider.isSynced), 'every editor reconnected', 20_000);
    await wait(600);
    for (const t of typists) await t.stop();

    const total = typists.reduce((sum, t) => sum + t.typed, 0);
    const keys = (client: RoomClient) => [...client.doc.getMap('notes').keys()].sort();
    await eventually(() => editors.every((e) => e.client.doc.getMap('notes').size === total), `every editor holding all ${total} edits`, 20_000);
    const expected = keys(editors[0]!.client);
    for (const e of editors) expect(keys(e.client)).toEqual(expected);
    for (const [i, t] of typists.entries()) {
      for (let n = 1; n <= t.typed; n++) expect(expected, `${editors[i]!.name}-${n}`).toContain(`${editors[i]!.name}-${n}`);
    }

    // What the editors re-sent after the crash reached the disk: a second crash, then nobody but a new reader.
    await eventually(() => editors.every((e) => e.client.provider.unsyncedChanges === 0), 'every edit acknowledged');
    await wait(800);
    expect(await kill(second.child)).toBe('SIGKILL');
    for (const c of clients.splice(0)) c.destroy();
    const third = await startServer(first.port, 200);
    const reader = connectClient(`ws://127.0.0.1:${third.port}/sync`, room, editKey);
    clients.push(reader);
    await eventually(() => reader.provider.isSynced && reader.doc.getMap('notes').size === total, `a new reader getting all ${total} edits from disk`, 20_000);
    expect(keys(reader)).toEqual(expected);
  }, 90_000);
});
