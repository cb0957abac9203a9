/**
 * A share of the load bench's headless clients in a process of its own, so that the clients'
 * own work (decoding every arrival in every copy) is spread like real browsers' would be rather
 * than queued on one event loop. Driven over IPC by bench/syncSuite.ts:
 *   join { url, rooms: [{ room, editKey, keys, watch? }] } → joined    one client per key, all synced
 *   type { until }                                 → typed { typed: { [room/key]: n } }
 *   check { expected: { [room/key]: n } }          → checked { latencies, lost, settledAt }
 * A room joined with `watch: true` gets clients that only watch (observers): they type nothing,
 * so the arrival times they take are those of one person's browser with nothing else to do,
 * where a typist's are delayed by the other typists packed into its process.
 *   stop                                           → (exits)
 * Times are wall-clock milliseconds (timeOrigin + now), comparable across processes.
 */
import { connectClient, eventually, type RoomClient } from '../tests/server/roomClients';

interface Typist {
  client: RoomClient;
  room: string;
  key: string;
  typed: number;
  watch: boolean;
}

const wall = () => performance.timeOrigin + performance.now();
const typists: Typist[] = [];
const latencies: number[] = [];
const send = (message: object) => process.send!(message);

function heldBy(typist: Typist, expected: Record<string, number>): number {
  const notes = typist.client.doc.getMap<{ n: number }>('notes');
  let missing = 0;
  for (const [where, n] of Object.entries(expected)) {
    const [room, key] = where.split('/') as [string, string];
    if (room === typist.room && (notes.get(key)?.n ?? 0) !== n) missing += 1;
  }
  return missing;
}

process.on('message', async (message: { type: string; url?: string; rooms?: { room: string; editKey: string; keys: string[]; watch?: boolean }[]; until?: number; expected?: Record<string, number> }) => {
  if (message.type === 'join') {
    for (const { room, editKey, keys, watch = false } of message.rooms!) {
      for (const key of keys) {
        const client = connectClient(message.url!, room, editKey);
        const notes = client.doc.getMap<{ at: number }>('notes');
        notes.observe((event) => {
          if (event.transaction.local) return;
          const at = wall();
          for (const changed of event.keysChanged) {
            const value = notes.get(changed);
            if (value) latencies.push(at - value.at);
          }
        });
        typists.push({ client, room, key, typed: 0, watch });
      }
    }
    await Promise.all(typists.map(async (t) => {
      const scope = await t.client.scope;
      if (scope !== 'read-write') throw new Error(`a bench client was refused: ${scope}`);
    }));
    await eventually(() => typists.every((t) => t.client.provider.isSynced), 'every client synced', 60_000);
    send({ type: 'joined' });
  } else if (message.type === 'type') {
    latencies.length = 0;
    await Promise.all(typists.filter((t) => !t.watch).map(async (t) => {
      // Typing pace (about 5 keys a second) with a human's unevenness; a random start spreads the clients.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 200));
      const notes = t.client.doc.getMap('notes');
      while (wall() < message.until!) {
        t.typed += 1;
        notes.set(t.key, { id: t.key, text: 'x'.repeat(t.typed), n: t.typed, at: wall() });
        await new Promise((resolve) => setTimeout(resolve, 200 * (0.5 + Math.random())));
      }
    }));
    send({ type: 'typed', typed: Object.fromEntries(typists.filter((t) => !t.watch).map((t) => [`${t.room}/${t.key}`, t.typed])) });
  } else if (message.type === 'check') {
    const expected = message.expected!;
    try {
      await eventually(() => typists.every((t) => heldBy(t, expected) === 0), 'every client to hold every edit', 30_000);
    } catch {
      // Reported as lost edits.
    }
    const lost = typists.reduce((sum, t) => sum + heldBy(t, expected), 0);
    send({ type: 'checked', latencies, lost, settledAt: wall() });
  } else if (message.type === 'stop') {
    for (const t of typists) t.client.destroy();
    process.exit(0);
  }
});
send({ type: 'ready' });
