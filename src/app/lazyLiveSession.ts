/**
 * The live session (Yjs, the Hocuspocus provider, y-indexeddb: about a third of the app's
 * JavaScript) is loaded the first time it is needed: "Share live", a live link, or a reload of a
 * tab that was in a room. Until then nothing of it is fetched, and the first paint does not wait
 * for it (BENCHMARKS.md, "Bundle").
 */
import type { StoreApi } from 'zustand/vanilla';
import type { EditorState } from '../store/editorState';
import type { LiveService } from '../store/liveTypes';
import type { LiveSessionOptions } from '../sync/liveSession';
import { hasRoomToJoin } from '../sync/roomMemory';

type LiveSession = LiveService & { resume(store: StoreApi<EditorState>): Promise<void> };

const UNAVAILABLE = 'The live part of Archflow could not be loaded (is the network down?). Try again in a moment.';

export function createLazyLiveSession(options: Omit<LiveSessionOptions, 'user'> & { userMemory: Pick<Storage, 'getItem' | 'setItem'> }): LiveSession {
  let session: LiveSession | null = null;
  let loading: Promise<LiveSession> | null = null;
  const load = (): Promise<LiveSession> =>
    (loading ??= import('../sync/liveSession').then(
      ({ createLiveSession, liveUser }) => (session = createLiveSession({ ...options, user: liveUser(options.userMemory) })),
      (error: unknown) => {
        // A failed fetch is tried again on the next use.
        loading = null;
        throw error;
      },
    ));

  return {
    async share(store) {
      try {
        return await (await load()).share(store);
      } catch {
        return { ok: false, message: UNAVAILABLE };
      }
    },
    leave: (store) => session?.leave(store),
    pointer: (at) => session?.pointer(at),
    viewport: (view) => session?.viewport(view),
    keepRole: (role, notes) => session?.keepRole(role, notes),
    async resume(store) {
      if (!hasRoomToJoin(options.location().hash, options.memory, store.getState().currentId)) return;
      try {
        await (await load()).resume(store);
      } catch {
        store.getState().notify('error', UNAVAILABLE);
      }
    },
  };
}
