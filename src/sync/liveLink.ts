/**
 * Live room links: the key goes in the address's fragment (`#live=edit.<key>` or
 * `#live=view.<key>`), which browsers never send to a server, so no log holds it
 * (docs/sync-protocol.md). Room names and keys come from src/model/sync/roomAccess.ts.
 */
import { ROOM_KEY_PATTERN, roomNameOf, roomOfEditKey } from '../model/sync/roomAccess';

export interface LiveLink {
  access: 'edit' | 'view';
  /** The token the server checks: the edit key or the view key. */
  key: string;
  room: string;
  /** The view key, from which the view-only link is made. */
  viewKey: string;
}

/** The room a page address's fragment names, or null when it names none (or a malformed one). */
export function parseLiveLink(hash: string): LiveLink | null {
  const match = /(?:^#|&)live=(edit|view)\.([^&]*)/.exec(hash);
  if (!match) return null;
  const key = (match[2] ?? '').toLowerCase();
  if (!ROOM_KEY_PATTERN.test(key)) return null;
  if (match[1] === 'edit') {
    const { viewKey, room } = roomOfEditKey(key);
    return { access: 'edit', key, room, viewKey };
  }
  return { access: 'view', key, room: roomNameOf(key), viewKey: key };
}

/** The page address `base` with a live link in its fragment. */
export function serializeLiveLink(base: string, access: 'edit' | 'view', key: string): string {
  const url = base.split('#')[0] ?? base;
  return `${url}#live=${access}.${key}`;
}
