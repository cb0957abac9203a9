/**
 * Session scope: theme, notices, view requests, snapping, export progress, measured sizes and
 * drags. Never saved and never undone. Presence: other people in a live room (src/sync fills it).
 */
import type { StateCreator } from 'zustand/vanilla';
import type { EditorState, PresenceSlice, SessionSlice, Theme } from './editorState';

export const createSessionSlice =
  (theme: Theme): StateCreator<EditorState, [], [], SessionSlice> =>
  (set) => ({
    theme,
    notices: [],
    noticeSeq: 0,
    fitViewRequest: { seq: 0, animate: false },
    focusRequest: null,
    snapToGrid: true,
    exportStep: null,
    exportDone: null,
    measured: new Map(),
    dragging: new Set(),

    toggleTheme() {
      set((s) => ({ theme: s.theme === 'light' ? 'dark' : 'light' }));
    },

    setTheme(next) {
      set({ theme: next });
    },

    setSnapToGrid(on) {
      set({ snapToGrid: on });
    },

    notify(tone, message) {
      set((s) => {
        const notice = { id: s.noticeSeq + 1, tone, message };
        return { noticeSeq: notice.id, notices: [...s.notices.filter((n) => n.message !== message).slice(-3), notice] };
      });
    },

    dismissNotice(id) {
      set((s) => ({ notices: s.notices.filter((n) => n.id !== id) }));
    },

    requestFitView() {
      set((s) => ({ fitViewRequest: { seq: s.fitViewRequest.seq + 1, animate: true } }));
    },

    focusElements(ids) {
      set((s) => ({ focusRequest: { ids, seq: (s.focusRequest?.seq ?? 0) + 1 } }));
    },
  });

export const createPresenceSlice: StateCreator<EditorState, [], [], PresenceSlice> = (set, get) => ({
  presence: { peers: new Map(), selectedBy: new Map() },

  setPeers(peers) {
    const selectedBy = new Map<string, string>();
    for (const peer of peers.values()) for (const id of peer.selection) if (!selectedBy.has(id)) selectedBy.set(id, peer.color);
    // Keep the old map while nobody's selection changed: every node reads it.
    const before = get().presence.selectedBy;
    const same = before.size === selectedBy.size && [...selectedBy].every(([id, color]) => before.get(id) === color);
    const presence = { peers, selectedBy: same ? before : selectedBy };
    // Someone followed who left: stop following.
    const following = get().live.following;
    if (following !== null && !peers.has(following)) set({ presence, live: { ...get().live, following: null } });
    else set({ presence });
  },
});
