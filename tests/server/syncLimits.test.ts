import fc from 'fast-check';
import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import { MESSAGE } from '../../src/server/inspectMessage';
import { eventually, frame, openRaw, updateSetting } from './roomClients';
import { useSyncServer } from './serverFixture';

const sync = useSyncServer();

/** An editor in a room of its own, to prove other rooms keep serving. */
async function bystander() {
  const { room, editKey } = sync.newRoom();
  const a = sync.client(room, editKey);
  const b = sync.client(room, editKey);
  await a.scope;
  await b.scope;
  let n = 0;
  return {
    async stillServed() {
      n += 1;
      a.doc.getMap('meta').set('title', `edit ${n}`);
      await eventually(() => b.doc.getMap('meta').get('title') === `edit ${n}`, `edit ${n} to arrive in the other room`);
    },
  };
}

describe('sync server limits', () => {
  it('closes a socket sending a frame over the message limit (1009); other rooms go on', async () => {
    await sync.start({ limits: { maxMessageBytes: 64 * 1024 } });
    const other = await bystander();
    const { room, editKey } = sync.newRoom();
    const raw = await openRaw(sync.server.url);
    raw.send(frame.auth(room, editKey));
    raw.send(frame.update(room, updateSetting('notes', 'big', { id: 'big', text: 'x'.repeat(100_000) })));
    expect(await raw.closed).toBe(1009);
    await other.stillServed();
  });

  it('refuses an update that would take the room over its size limit (4413), keeping the room as it was', async () => {
    await sync.start({ limits: { maxRoomBytes: 20_000 } });
    const { room, editKey } = sync.newRoom();
    const editor = sync.client(room, editKey);
    await editor.scope;
    editor.doc.getMap('notes').set('a', { id: 'a', text: 'x'.repeat(15_000) });
    editor.doc.getMap('notes').set('b', { id: 'b', text: 'y'.repeat(15_000) });
    await eventually(() => editor.closes.includes(4413), 'the editor closed with 4413');
    expect(sync.logs.join('\n')).toContain('room size limit');
    // The provider reconnects and offers the refused note again: refused again, never stored.
    await sync.stop();
    await sync.start({ limits: { maxRoomBytes: 20_000 } });
    const fresh = sync.client(room, editKey);
    await eventually(() => fresh.doc.getMap('notes').has('a'), 'the first note kept');
    expect(fresh.doc.getMap('notes').has('b')).toBe(false);
  });

  it('closes a socket that sends faster than the rate limit (4429)', async () => {
    await sync.start({ limits: { messagesPerSecond: 20, messageBurst: 40 } });
    const other = await bystander();
    const { room, editKey } = sync.newRoom();
    const raw = await openRaw(sync.server.url);
    raw.send(frame.auth(room, editKey));
    for (let i = 0; i < 100; i++) raw.send(frame.step1(room));
    expect(await raw.closed).toBe(4429);
    await other.stillServed();
  });

  it('turns away a connection to a full room', async () => {
    await sync.start({ limits: { maxConnectionsPerRoom: 2 } });
    const { room, editKey, viewKey } = sync.newRoom();
    expect(await sync.client(room, editKey).scope).toBe('read-write');
    expect(await sync.client(room, viewKey).scope).toBe('readonly');
    expect(await sync.client(room, editKey).scope).toBe('refused: room-full');
  });

  it('closes a socket joining more rooms than allowed on one socket', async () => {
    await sync.start({ limits: { maxRoomsPerSocket: 2 } });
    const raw = await openRaw(sync.server.url);
    for (let i = 0; i < 3; i++) {
      const { room, editKey } = sync.newRoom();
      raw.send(frame.auth(room, editKey));
    }
    expect(await raw.closed).toBe(4429);
  });

  it.each([
    ['a text frame', 'hello'],
    ['an unknown message type', (room: string) => header(room, 42)],
    ['a malformed room name', () => header('../../etc/passwd', MESSAGE.queryAwareness)],
    ['trailing bytes', (room: string) => new Uint8Array([...header(room, MESSAGE.queryAwareness), 1, 2, 3])],
    ['a truncated update', (room: string) => frame.update(room, updateSetting('nodes', 'n', { id: 'n' })).slice(0, -3)],
    ['a length past the end', (room: string) => new Uint8Array([...header(room, MESSAGE.sync), 2, 0xff, 0xff, 0x03, 1])],
    ['an awareness state that is not JSON', (room: string) => {
      const e = encoding.createEncoder();
      encoding.writeVarString(e, room);
      encoding.writeVarUint(e, MESSAGE.awareness);
      const inner = encoding.createEncoder();
      encoding.writeVarUint(inner, 1);
      encoding.writeVarUint(inner, 7);
      encoding.writeVarUint(inner, 1);
      encoding.writeVarString(inner, '{"cursor":');
      encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
      return encoding.toUint8Array(e);
    }],
  ])('closes a socket that sends %s (4400); other rooms go on', async (_what, make) => {
    await sync.start();
    const other = await bystander();
    const { room, editKey } = sync.newRoom();
    const raw = await openRaw(sync.server.url);
    raw.send(frame.auth(room, editKey));
    raw.send(typeof make === 'string' ? make : make(room));
    expect(await raw.closed).toBe(4400);
    await other.stillServed();
  });

  it('fuzz: random frames close only their own socket; the server keeps serving another room', async () => {
    await sync.start();
    const other = await bystander();
    const { room, editKey } = sync.newRoom();
    const anyFrame = fc.oneof(
      fc.uint8Array({ maxLength: 512 }),
      // A well-formed header and random rest: reaches the decoders behind the header.
      fc.tuple(fc.constantFrom(...Object.values(MESSAGE)), fc.uint8Array({ maxLength: 512 })).map(([type, rest]) => new Uint8Array([...header(room, type), ...rest])),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(anyFrame, { minLength: 1, maxLength: 4 }), async (frames) => {
        const raw = await openRaw(sync.server.url);
        raw.send(frame.auth(room, editKey));
        for (const f of frames) raw.send(f);
        await Promise.race([raw.closed, new Promise((resolve) => setTimeout(resolve, 30))]);
        raw.ws.terminate();
      }),
      { numRuns: 60 },
    );
    await other.stillServed();
  });
});

function header(room: string, type: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, room);
  encoding.writeVarUint(e, type);
  return encoding.toUint8Array(e);
}

describe('sync server: a refused key', () => {
  it('closes a socket that keeps sending to a room its key was refused in', async () => {
    await sync.start();
    const { room } = sync.newRoom();
    const raw = await openRaw(sync.server.url);
    raw.send(frame.auth(room, sync.newRoom().editKey));
    for (let i = 0; i < 100; i++) raw.send(frame.step1(room));
    expect(await raw.closed).toBe(4429);
    expect(sync.logs.join('\n')).toContain('no access');
  });
});
