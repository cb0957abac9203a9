/**
 * The live-collaboration binding: it sits between the store's diffs and a Yjs document.
 * - The editor's settled diffs become Yjs transactions with this binding's origin (a drag is
 *   sent once, when it ends, as one change).
 * - After every transaction, others' and its own, the room is read back through the record
 *   schemas (readRemoteChanges.ts) and what differs is applied to the store as a `remote` diff:
 *   not recorded in this editor's undo history and not sent back.
 * A record that does not parse is ignored and reported once; it never reaches the store.
 */
import type { StoreApi } from 'zustand/vanilla';
import type * as Y from 'yjs';
import { isEmptyDiff, squashDiffs, type DocumentDiff } from '../model/recordsDiff';
import { ORDER_ROOT } from '../model/sync/roomLayout';
import { SYNC_TABLES } from '../model/syncTables';
import type { EditorState } from '../store/editorState';
import { createRemoteReadState, META_MAP, readRemoteChanges, type RemoteReadState } from './readRemoteChanges';
import { writeLocalDiff } from './writeLocalDiff';

export interface DocBinding {
  /** The origin of this editor's Yjs transactions. */
  readonly origin: object;
  /** Stops both directions; the store and the Yjs document stay as they are. */
  unbind(): void;
}

export interface DocBindingOptions {
  /** A remote record or field was ignored; called once per distinct message. */
  report(message: string): void;
  /** What reading the whole document on joining learnt (see readWholeDocument). */
  state?: RemoteReadState;
}

/** Which of the document's roots a Yjs transaction changed (not the shared practice state). */
function changedRoots(ydoc: Y.Doc, transaction: Y.Transaction): Set<string> {
  const out = new Set<string>();
  for (const name of [META_MAP, ORDER_ROOT, ...SYNC_TABLES]) {
    const type: unknown = ydoc.getMap(name);
    for (const changed of transaction.changed.keys()) if (changed === type) out.add(name);
  }
  return out;
}

/**
 * Binds `store` to `ydoc`, which must already hold the same document (see writeWholeDocument
 * and readRemoteChanges for sharing and joining).
 */
export function bindDoc(store: StoreApi<EditorState>, ydoc: Y.Doc, options: DocBindingOptions): DocBinding {
  const origin = { binding: 'archflow' };
  const state = options.state ?? createRemoteReadState();
  const reported = new Set<string>();
  const report = (message: string) => {
    if (reported.has(message)) return;
    reported.add(message);
    options.report(message);
  };
  let pending: DocumentDiff | null = null;

  /** Shows what the room holds now (with this editor's unsent drag on top). */
  const showRoom = (keysMoved: boolean) => {
    const s = store.getState();
    const diff = readRemoteChanges(ydoc, s.doc, state, report, { unsent: pending, keysMoved });
    if (!isEmptyDiff(diff)) s.applyDiff(diff, { origin: 'remote' });
  };

  const stopDiffs = store.getState().subscribeToDiffs((diff, info) => {
    if (info.origin === 'remote' || info.origin === 'load') return;
    if (!info.settled) {
      pending = pending ? squashDiffs(pending, diff) : diff;
      return;
    }
    const step = pending ? squashDiffs(pending, diff) : diff;
    pending = null;
    if (isEmptyDiff(step)) return;
    // Read back like anyone's change: an undo that removes a requirement someone else named
    // drops the name here as it does on every other editor, and one that brings back a
    // component brings back the connections others made to it meanwhile.
    ydoc.transact(() => writeLocalDiff(ydoc, step), origin);
  });

  const onTransaction = (transaction: Y.Transaction) => {
    const roots = changedRoots(ydoc, transaction);
    if (roots.size > 0) showRoom(roots.has(ORDER_ROOT));
  };
  ydoc.on('afterTransaction', onTransaction);

  return {
    origin,
    unbind() {
      stopDiffs();
      ydoc.off('afterTransaction', onTransaction);
    },
  };
}
