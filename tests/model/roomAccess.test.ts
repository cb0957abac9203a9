import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accessOf, createEditKey, ROOM_KEY_PATTERN, roomOfEditKey, roomNameOf, viewKeyOf } from '../../src/model/sync/roomAccess';

const hex128 = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((bytes) => Buffer.from(bytes).toString('hex'));
/** docs/sync-protocol.md's definition, computed with Node's own SHA-256. */
const spec = (label: string, key: string) => createHash('sha256').update(`archflow/${label}/${key}`).digest('hex').slice(0, 32);

describe('room keys', () => {
  it('derive the view key and the room name as docs/sync-protocol.md says', () => {
    const editKey = '00112233445566778899aabbccddeeff';
    expect(viewKeyOf(editKey)).toBe(spec('view', editKey));
    expect(roomNameOf(viewKeyOf(editKey))).toBe(spec('room', spec('view', editKey)));
    expect(roomOfEditKey(editKey)).toEqual({ editKey, viewKey: spec('view', editKey), room: spec('room', spec('view', editKey)) });
  });

  it('creates 128-bit edit keys that differ', () => {
    const keys = new Set(Array.from({ length: 100 }, createEditKey));
    expect(keys.size).toBe(100);
    for (const key of keys) expect(key).toMatch(ROOM_KEY_PATTERN);
  });

  it('grant edit to the edit key, view to the view key, nothing to another room\'s keys', () => {
    fc.assert(
      fc.property(hex128, hex128, (key, otherKey) => {
        fc.pre(key !== otherKey);
        const { room, viewKey } = roomOfEditKey(key);
        const other = roomOfEditKey(otherKey);
        expect(accessOf(room, key)).toBe('edit');
        expect(accessOf(room, viewKey)).toBe('view');
        expect(accessOf(room, other.editKey)).toBeNull();
        expect(accessOf(room, other.viewKey)).toBeNull();
        // The room name itself is not a key to its room.
        expect(accessOf(room, room)).toBeNull();
      }),
    );
  });

  it('refuse malformed tokens and room names without throwing', () => {
    const { room, editKey } = roomOfEditKey(createEditKey());
    for (const token of [undefined, null, 42, '', editKey.toUpperCase(), `${editKey} `, editKey.slice(1), {}]) expect(accessOf(room, token)).toBeNull();
    expect(accessOf('../rooms', editKey)).toBeNull();
  });
});
