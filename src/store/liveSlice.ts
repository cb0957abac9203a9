/**
 * Live collaboration's part of the store: the room and its status (session scope, never saved)
 * and the actions views call. The work is done by the LiveService that src/app hands in.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { EditorState } from './editorState';
import type { LiveService, LiveSlice, LiveState } from './liveTypes';

export const initialLive: LiveState = { room: null, status: null, readOnly: false, following: null, role: null, privateNotes: '' };

export const createLiveSlice =
  (service: LiveService | undefined, copyText?: (text: string) => Promise<boolean>): StateCreator<EditorState, [], [], LiveSlice> =>
  (set, get, api) => ({
    live: initialLive,

    async shareLive() {
      if (!service) return { ok: false, message: 'Live collaboration is not available in this build.' };
      return service.share(api);
    },

    leaveLive() {
      service?.leave(api);
    },

    async copyLiveLink(url) {
      const ok = (await copyText?.(url)) ?? false;
      if (!ok) get().notify('warning', 'Could not copy the link; select it and copy it by hand.');
      return ok;
    },

    follow(peerId) {
      set({ live: { ...get().live, following: peerId } });
    },

    pointerMoved(at) {
      if (get().live.room) service?.pointer(at);
    },

    viewportMoved(view) {
      if (get().live.room) service?.viewport(view);
    },

    setLiveRole(role) {
      set({ live: { ...get().live, role } });
      service?.keepRole(role, get().live.privateNotes);
    },

    setPrivateNotes(privateNotes) {
      set({ live: { ...get().live, privateNotes } });
      service?.keepRole(get().live.role, privateNotes);
    },

    setLive(patch) {
      set({ live: { ...get().live, ...patch } });
    },
  });
