/**
 * Who may do what in a live room, decided by the keys alone (no accounts, no server-side table):
 *
 *   edit key  = 128 random bits                          (in the edit link)
 *   view key  = first 128 bits of SHA-256("archflow/view/" + edit key)   (in the view link)
 *   room name = first 128 bits of SHA-256("archflow/room/" + view key)   (what the server stores)
 *
 * Hashes only go one way: the view key gives the room but not the edit key, and the room name
 * (which the server keeps and may log) gives neither. So a browser creates a room without
 * asking the server (it works offline), any server instance can check a key without shared
 * state, and the server never stores a key. Keys are 32 lowercase hex characters.
 * SHA-256 comes from @noble/hashes rather than Web Crypto, which only exists on https pages.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

export type RoomAccess = 'edit' | 'view';

/** 128 bits as 32 lowercase hex characters: every key and room name has this form. */
export const ROOM_KEY_PATTERN = /^[0-9a-f]{32}$/;

function digest128(label: string, key: string): string {
  return bytesToHex(sha256(utf8ToBytes(`archflow/${label}/${key}`)).subarray(0, 16));
}

/** A new edit key: 128 bits from the platform's cryptographic random source. */
export function createEditKey(): string {
  return bytesToHex(crypto.getRandomValues(new Uint8Array(16)));
}

export function viewKeyOf(editKey: string): string {
  return digest128('view', editKey);
}

export function roomNameOf(viewKey: string): string {
  return digest128('room', viewKey);
}

/** The keys and room name of a room, from its edit key. */
export function roomOfEditKey(editKey: string): { editKey: string; viewKey: string; room: string } {
  const viewKey = viewKeyOf(editKey);
  return { editKey, viewKey, room: roomNameOf(viewKey) };
}

/**
 * What `token` grants in `room`: 'edit' for its edit key, 'view' for its view key, null for
 * anything else (including malformed input: this is the server's check of untrusted tokens).
 */
export function accessOf(room: string, token: unknown): RoomAccess | null {
  if (typeof token !== 'string' || !ROOM_KEY_PATTERN.test(token) || !ROOM_KEY_PATTERN.test(room)) return null;
  const asView = roomNameOf(token);
  if (asView === room) return 'view';
  if (roomNameOf(viewKeyOf(token)) === room) return 'edit';
  return null;
}
