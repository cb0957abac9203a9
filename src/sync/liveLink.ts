/**
 * Live room links: the key goes in the address's fragment (`#live=edit.<key>` or
 * `#live=view.<key>`), which browsers never send to a server, so no log holds it
 * (docs/sync-protocol.md). Room names and keys come from src/model/sync/roomAccess.ts.
 */
import { ROOM_KEY_PATTERN, roomNameOf, roomOfEditKey } from '../model/sync/roomAccess';
import type { LiveRole } from '../store/liveTypes';

export interface LiveLink {
  access: 'edit' | 'view';
  /** The token the server checks: the edit key or the view key. */
  key: string;
  room: string;
  /** The view key, from which the view-only link is made. */
  viewKey: string;
  /**
   * A practice room's link says who opens it (`&role=interviewer` or `&role=candidate`): which
   * practice panel this browser shows. A view choice, not access: the server never sees it.
   */
  role: LiveRole | null;
}

function roleOf(hash: string): LiveRole | null {
  const match = /(?:^#|&)role=(interviewer|candidate)(?:&|$)/.exec(hash);
  return (match?.[1] as LiveRole | undefined) ?? null;
}

/** The room a page address's fragment names, or null when it names none (or a malformed one). */
export function parseLiveLink(hash: string): LiveLink | null {
  const match = /(?:^#|&)live=(edit|view)\.([^&]*)/.exec(hash);
  if (!match) return null;
  const key = (match[2] ?? '').toLowerCase();
  if (!ROOM_KEY_PATTERN.test(key)) return null;
  if (match[1] === 'edit') {
    const { viewKey, room } = roomOfEditKey(key);
    return { access: 'edit', key, room, viewKey, role: roleOf(hash) };
  }
  // A view-only link watches: never the interviewer's panel.
  return { access: 'view', key, room: roomNameOf(key), viewKey: key, role: null };
}

/** The page address `base` with a live link (and a practice role) in its fragment. */
export function serializeLiveLink(base: string, access: 'edit' | 'view', key: string, role: LiveRole | null = null): string {
  const url = base.split('#')[0] ?? base;
  return `${url}#live=${access}.${key}${role ? `&role=${role}` : ''}`;
}
