/**
 * Rooms kept on disk: one SQLite file (better-sqlite3) under the data folder, one row per room
 * with its Yjs state, whether it is saved, and when someone was last there. WAL mode and a busy
 * timeout let several server processes on one machine share the file (with Redis between them).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export interface RoomStore {
  fetch(room: string): Uint8Array | null;
  store(room: string, state: Uint8Array): void;
  /** Someone is (or was just) in the room: its idle time starts again. */
  touch(room: string): void;
  /** Saved rooms never expire; `state` creates the row when the room was never stored. */
  setSaved(room: string, saved: boolean, state: Uint8Array): void;
  isSaved(room: string): boolean;
  /** Deletes the rooms not saved, not open and idle since before `before` (ms since epoch); their count. */
  deleteIdle(before: number, open: ReadonlySet<string>): number;
  close(): void;
}

export function createRoomStore(dataDir: string, now: () => number = Date.now): RoomStore {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, 'rooms.sqlite'));
  db.pragma('journal_mode = WAL');
  // WAL with NORMAL syncs at checkpoints, not on every store: a crash of the process loses
  // nothing, a power cut at most the last stores; an fsync per store blocked the event loop
  // with hundreds of rooms open.
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.exec(`CREATE TABLE IF NOT EXISTS rooms (
    name TEXT PRIMARY KEY,
    state BLOB NOT NULL,
    saved INTEGER NOT NULL DEFAULT 0,
    seen_at INTEGER NOT NULL
  )`);
  const fetch = db.prepare<[string], { state: Buffer }>('SELECT state FROM rooms WHERE name = ?');
  const store = db.prepare<[string, Buffer, number]>(
    'INSERT INTO rooms (name, state, seen_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state, seen_at = excluded.seen_at',
  );
  const touch = db.prepare<[number, string]>('UPDATE rooms SET seen_at = ? WHERE name = ?');
  const save = db.prepare<[string, Buffer, number, number]>(
    'INSERT INTO rooms (name, state, saved, seen_at) VALUES (?, ?, ?, ?) ON CONFLICT(name) DO UPDATE SET saved = excluded.saved, seen_at = excluded.seen_at',
  );
  const saved = db.prepare<[string], { saved: number }>('SELECT saved FROM rooms WHERE name = ?');
  const idle = db.prepare<[number], { name: string }>('SELECT name FROM rooms WHERE saved = 0 AND seen_at < ?');
  const remove = db.prepare<[string]>('DELETE FROM rooms WHERE name = ?');
  const removeIdle = db.transaction((names: string[]) => {
    for (const name of names) remove.run(name);
  });

  return {
    fetch: (room) => {
      const row = fetch.get(room);
      return row ? new Uint8Array(row.state) : null;
    },
    store: (room, state) => {
      store.run(room, Buffer.from(state), now());
    },
    touch: (room) => {
      touch.run(now(), room);
    },
    setSaved: (room, isSaved, state) => {
      save.run(room, Buffer.from(state), isSaved ? 1 : 0, now());
    },
    isSaved: (room) => saved.get(room)?.saved === 1,
    deleteIdle: (before, open) => {
      const names = idle.all(before).map((row) => row.name).filter((name) => !open.has(name));
      removeIdle(names);
      return names.length;
    },
    close: () => db.close(),
  };
}
