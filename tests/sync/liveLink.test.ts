import { describe, expect, it } from 'vitest';
import { createEditKey, roomOfEditKey } from '../../src/model/sync/roomAccess';
import { parseLiveLink, serializeLiveLink } from '../../src/sync/liveLink';

describe('live links', () => {
  it('gives back the room of an edit link and of its view link', () => {
    const editKey = createEditKey();
    const { viewKey, room } = roomOfEditKey(editKey);
    const edit = parseLiveLink(new URL(serializeLiveLink('http://127.0.0.1:4310/?x=1#d=old', 'edit', editKey)).hash);
    expect(edit).toEqual({ access: 'edit', key: editKey, room, viewKey });
    const view = parseLiveLink(new URL(serializeLiveLink('http://127.0.0.1:4310/', 'view', viewKey)).hash);
    expect(view).toEqual({ access: 'view', key: viewKey, room, viewKey });
    // A view link does not give the edit key.
    expect(JSON.stringify(view)).not.toContain(editKey);
  });

  it('names no room for anything else', () => {
    for (const hash of ['', '#d=abc', '#live=edit.', '#live=edit.xyz', '#live=admin.' + 'a'.repeat(32), '#live=view.' + 'g'.repeat(32)]) {
      expect(parseLiveLink(hash)).toBeNull();
    }
  });
});
