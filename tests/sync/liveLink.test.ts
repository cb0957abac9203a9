import { describe, expect, it } from 'vitest';
import { createEditKey, roomOfEditKey } from '../../src/model/sync/roomAccess';
import { parseLiveLink, serializeLiveLink } from '../../src/sync/liveLink';
import { forgetRoom, hasRoomToJoin, rememberRoom } from '../../src/sync/roomMemory';

describe('live links', () => {
  it('gives back the room of an edit link and of its view link', () => {
    const editKey = createEditKey();
    const { viewKey, room } = roomOfEditKey(editKey);
    const edit = parseLiveLink(new URL(serializeLiveLink('http://127.0.0.1:4310/?x=1#d=old', 'edit', editKey)).hash);
    expect(edit).toEqual({ access: 'edit', key: editKey, room, viewKey, role: null });
    const view = parseLiveLink(new URL(serializeLiveLink('http://127.0.0.1:4310/', 'view', viewKey)).hash);
    expect(view).toEqual({ access: 'view', key: viewKey, room, viewKey, role: null });
    // A view link does not give the edit key.
    expect(JSON.stringify(view)).not.toContain(editKey);
  });

  it('carries a practice role on an edit link, in either order, and never on a view link', () => {
    const editKey = createEditKey();
    const { viewKey } = roomOfEditKey(editKey);
    const interviewer = new URL(serializeLiveLink('http://127.0.0.1:4310/#d=old', 'edit', editKey, 'interviewer')).hash;
    expect(interviewer).toBe(`#live=edit.${editKey}&role=interviewer`);
    expect(parseLiveLink(interviewer)?.role).toBe('interviewer');
    expect(parseLiveLink(`#role=candidate&live=edit.${editKey}`)).toMatchObject({ access: 'edit', key: editKey, role: 'candidate' });
    expect(parseLiveLink(`#live=edit.${editKey}&role=admin`)?.role).toBeNull();
    expect(parseLiveLink(`#live=edit.${editKey}&role=interviewers`)?.role).toBeNull();
    expect(parseLiveLink(`#live=view.${viewKey}&role=interviewer`)).toMatchObject({ access: 'view', role: null });
  });

  it('names no room for anything else', () => {
    for (const hash of ['', '#d=abc', '#live=edit.', '#live=edit.xyz', '#live=admin.' + 'a'.repeat(32), '#live=view.' + 'g'.repeat(32)]) {
      expect(parseLiveLink(hash)).toBeNull();
    }
  });
});

describe('a room to join before the live session is loaded', () => {
  const memory = () => {
    const items = new Map<string, string>();
    return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k) };
  };

  it('is a live link in the address, or the room this tab’s diagram was in', () => {
    const m = memory();
    expect(hasRoomToJoin('', m, 'd1')).toBe(false);
    expect(hasRoomToJoin('#d=abc', m, 'd1')).toBe(false);
    expect(hasRoomToJoin(`#live=view.${'a'.repeat(32)}`, m, null)).toBe(true);
    expect(hasRoomToJoin(`#x=1&live=edit.${'a'.repeat(32)}`, m, 'd1')).toBe(true);
    rememberRoom(m, 'd1', `edit.${'b'.repeat(32)}`);
    expect(hasRoomToJoin('', m, 'd1')).toBe(true);
    expect(hasRoomToJoin('', m, 'd2')).toBe(false);
    forgetRoom(m, 'd1');
    expect(hasRoomToJoin('', m, 'd1')).toBe(false);
  });
});
