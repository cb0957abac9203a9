/**
 * The live-collaboration binding: it sits between the store's diffs and a Yjs document.
 * - The editor's settled diffs become Yjs transactions with this binding's origin (a drag is
 *   sent once, when it ends, as one change).
 * - Other editors' transactions are read back through the record schemas
 *   (readRemoteChanges.ts) and applied to the store as a `remote` diff: not recorded in this
 *   editor's undo history, not saved as this editor's edit, and not sent back.
 * A record that does not parse is ignored and reported once; it never reaches the store.
 */
import type { StoreApi } from 'zustand/vanilla';
import type * as Y from 'yjs';
import { isEmptyDiff, squashDiffs, type DocumentDiff } from '../model/recordsDiff';
import { SYNC_TABLES, type SyncTable } from '../model/syncTables';
import type { EditorState } from '../store/editorState';
import { createRemoteReadState, META_MAP, readRemoteChanges, type RemoteChanges, type RemoteReadState } from './readRemoteChanges';
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

/** Which records and fields a Yjs transaction changed. */
function changesOf(ydoc: Y.Doc, transaction: Y.Transaction): RemoteChanges {
  const tables = new Map<SyncTable, Set<string>>();
  let meta = new Set<string>();
  const names = new Map<unknown, SyncTable | typeof META_MAP>();
  for (const table of SYNC_TABLES) names.set(ydoc.getMap(table), table);
  names.set(ydoc.getMap(META_MAP), META_MAP);
  for (const [type, keys] of transaction.changed) {
    const name = names.get(type);
    if (name === undefined) continue;
    const ids = new Set([...keys].filter((k): k is string => typeof k === 'string'));
    if (name === META_MAP) meta = ids;
    else tables.set(name, ids);
  }
  return { tables, meta };
}

/**
 * Binds `store` to `ydoc`, which must already hold the same document (see writeWholeDocument
 * and readRemoteChanges' `everything` for sharing and joining).
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

  const applyRemote = (changes: RemoteChanges) => {
    const s = store.getState();
    const diff = readRemoteChanges(ydoc, s.doc, changes, state, report);
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
    ydoc.transact(() => writeLocalDiff(ydoc, step), origin);
    // Own records coming back (an undo) may complete others' records held back until now.
    const heldBack = SYNC_TABLES.some((table) => state.heldBack[table].size > 0);
    if (heldBack && SYNC_TABLES.some((table) => step[table].added.size > 0)) applyRemote({ tables: new Map(), meta: new Set() });
  });

  const onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin === origin) return;
    const changes = changesOf(ydoc, transaction);
    if (changes.tables.size === 0 && changes.meta.size === 0) return;
    applyRemote(changes);
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
