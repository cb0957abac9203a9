/**
 * Keeping each open room under its size limit without encoding the room on every message: an
 * estimate (exact at load, then every update let in added), recomputed exactly only when it
 * would pass the limit. Updates let in but not applied yet (Hocuspocus applies a message a few
 * promise steps after its hooks) stay counted until the next macrotask, when they are in the
 * document, so two quick messages cannot both slip under the limit.
 */
import * as Y from 'yjs';

export interface RoomSizes {
  loaded(doc: Y.Doc): void;
  /** Whether an update of `bytes` may enter the room; if so, it is counted. */
  admit(doc: Y.Doc, bytes: number): boolean;
  /** A change that did not pass `admit` (from another instance). */
  grew(doc: Y.Doc, bytes: number): void;
}

export function createRoomSizes(maxBytes: number): RoomSizes {
  const estimate = new WeakMap<Y.Doc, number>();
  const inFlight = new WeakMap<Y.Doc, number>();
  const add = (map: WeakMap<Y.Doc, number>, doc: Y.Doc, bytes: number) => map.set(doc, (map.get(doc) ?? 0) + bytes);
  return {
    loaded: (doc) => {
      estimate.set(doc, Y.encodeStateAsUpdate(doc).length);
    },
    admit: (doc, bytes) => {
      if ((estimate.get(doc) ?? 0) + bytes > maxBytes) {
        const exact = Y.encodeStateAsUpdate(doc).length + (inFlight.get(doc) ?? 0);
        estimate.set(doc, exact);
        if (exact + bytes > maxBytes) return false;
      }
      add(estimate, doc, bytes);
      add(inFlight, doc, bytes);
      setImmediate(() => add(inFlight, doc, -bytes));
      return true;
    },
    grew: (doc, bytes) => {
      add(estimate, doc, bytes);
    },
  };
}
