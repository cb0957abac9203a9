/**
 * Two editors in one live room without a server: each store is bound to its own Yjs document,
 * and the documents pass updates to each other directly, or keep them while "offline" and
 * exchange them on `reconnect()` (which is what the provider does through the server).
 */
import * as Y from 'yjs';
import { diagramFromRecords, type DiagramRecords } from '../../src/model/recordsDiff';
import { bindDoc, type DocBinding } from '../../src/sync/docBinding';
import { createRemoteReadState, readWholeDocument } from '../../src/sync/readRemoteChanges';
import { writeWholeDocument } from '../../src/sync/writeLocalDiff';
import type { Diagram } from '../../src/model/diagram';
import { createTestStore, type TestStore } from '../store/testStore';

export interface LiveEditor extends TestStore {
  ydoc: Y.Doc;
  binding: DocBinding;
  /** What the binding reported as ignored. */
  reports: string[];
}

export interface LivePair {
  a: LiveEditor;
  b: LiveEditor;
  online: boolean;
  disconnect(): void;
  /** Exchanges what each missed, then passes updates again. */
  reconnect(): void;
}

function prefixedIds(prefix: string): () => string {
  let n = 0;
  return () => `${prefix}${++n}`;
}

/** `a` shares `initial`; `b` joins the room and gets it from the shared document. */
export function livePair(initial?: Diagram): LivePair {
  const a = createTestStore({ initial, services: { idSuffix: prefixedIds('a') } });
  const aDoc = new Y.Doc();
  writeWholeDocument(aDoc, a.s.doc);
  const bDoc = new Y.Doc();
  Y.applyUpdate(bDoc, Y.encodeStateAsUpdate(aDoc));
  const bReports: string[] = [];
  const state = createRemoteReadState();
  const b = createTestStore({ initial: readWholeDocument(bDoc, state, (m) => bReports.push(m)), services: { idSuffix: prefixedIds('b') } });

  const aReports: string[] = [];
  const pair: LivePair = {
    a: Object.assign(a, { ydoc: aDoc, binding: bindDoc(a.store, aDoc, { report: (m) => aReports.push(m) }), reports: aReports }),
    b: Object.assign(b, { ydoc: bDoc, binding: bindDoc(b.store, bDoc, { report: (m) => bReports.push(m), state }), reports: bReports }),
    online: true,
    disconnect() {
      pair.online = false;
    },
    reconnect() {
      pair.online = true;
      Y.applyUpdate(bDoc, Y.encodeStateAsUpdate(aDoc, Y.encodeStateVector(bDoc)), WIRE);
      Y.applyUpdate(aDoc, Y.encodeStateAsUpdate(bDoc, Y.encodeStateVector(aDoc)), WIRE);
    },
  };
  const WIRE = 'wire';
  aDoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== WIRE && pair.online) Y.applyUpdate(bDoc, update, WIRE);
  });
  bDoc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== WIRE && pair.online) Y.applyUpdate(aDoc, update, WIRE);
  });
  return pair;
}

/** The document as a comparable value: what a file of it holds, in its order. */
export function contentOf(doc: DiagramRecords): unknown {
  return diagramFromRecords(doc);
}
