/**
 * "My diagrams" kept in memory, for when the browser refuses storage (private mode, blocked
 * IndexedDB): the app keeps working the same way and says that nothing survives a reload.
 */
import { nanoid } from 'nanoid';
import type { Diagram } from '../model/diagram';
import type { DiagramLibrary, DiagramSummary, RemovedDiagram } from './diagramLibraryTypes';

interface Entry {
  diagram: Diagram;
  updatedAt: number;
  revision: number;
}

export function createMemoryLibrary(now: () => number = Date.now): DiagramLibrary {
  const entries = new Map<string, Entry>();
  let last: string | undefined;
  const summary = (id: string, e: Entry): DiagramSummary => ({
    id,
    title: e.diagram.title,
    updatedAt: e.updatedAt,
    nodeCount: e.diagram.nodes.length,
    revision: e.revision,
    status: 'ok',
  });
  const put = (id: string, diagram: Diagram) => {
    const revision = (entries.get(id)?.revision ?? 0) + 1;
    const updatedAt = now();
    entries.set(id, { diagram: structuredClone(diagram), updatedAt, revision });
    return { ok: true as const, revision, updatedAt };
  };
  return {
    ok: true,
    async list() {
      return [...entries].map(([id, e]) => summary(id, e)).sort((a, b) => b.updatedAt - a.updatedAt);
    },
    async load(id) {
      const e = entries.get(id);
      if (!e) return { ok: false, error: { code: 'empty', path: '', message: 'That diagram is no longer stored.' } };
      return { ok: true, value: { id, diagram: structuredClone(e.diagram), updatedAt: e.updatedAt, revision: e.revision }, notices: [] };
    },
    async save(id, diagram, opts) {
      const current = entries.get(id)?.revision ?? 0;
      if (opts?.expectedRevision !== undefined && opts.expectedRevision !== current) {
        return { ok: false, reason: 'conflict', message: 'Another tab changed this diagram.' };
      }
      return put(id, diagram);
    },
    async create(diagram) {
      const id = nanoid();
      return { id, ...put(id, diagram) };
    },
    async rename(id, title) {
      const e = entries.get(id);
      if (!e) return { ok: false, reason: 'error', message: 'That diagram is no longer stored.' };
      return put(id, { ...e.diagram, title });
    },
    async duplicate(id) {
      const e = entries.get(id);
      if (!e) return { ok: false, reason: 'error', message: 'That diagram is no longer stored.' };
      const copy = nanoid();
      return { id: copy, ...put(copy, { ...e.diagram, title: `${e.diagram.title} (copy)` }) };
    },
    async remove(id) {
      const e = entries.get(id);
      entries.delete(id);
      return { ok: true, removed: { id, records: { document: e } } };
    },
    async restore(removed: RemovedDiagram) {
      const e = removed.records.document as Entry | undefined;
      if (!e || entries.has(removed.id)) return { ok: false, reason: 'conflict', message: 'That diagram cannot be restored.' };
      entries.set(removed.id, e);
      return { ok: true, revision: e.revision, updatedAt: e.updatedAt };
    },
    async readSetAside() {
      return undefined;
    },
    async lastOpenedId() {
      return last;
    },
    async setLastOpened(id) {
      last = id;
      return true;
    },
    async requestPersistence() {
      return false;
    },
    close() {},
  };
}
