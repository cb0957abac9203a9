/**
 * "My diagrams": the user's diagrams kept in IndexedDB, one record pair per diagram (see
 * diagramLibraryRecords.ts).
 *
 * What the user relies on:
 * - a save writes the complete new state in one transaction, so a killed tab or a failed write
 *   (full storage, an aborted transaction) leaves the previous save intact;
 * - a save never silently replaces another tab's newer save (`expectedRevision`);
 * - a stored diagram that cannot be read is set aside, listed as unreadable, kept for export,
 *   and never overwritten.
 *
 * Longer than our usual ~400 lines on purpose: every IndexedDB transaction the library makes is
 * in this one file, so the rules above can be checked against all of them in one read.
 */
import { nanoid } from 'nanoid';
import type { IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Diagram, DiagramError, ParseResult } from '../model/diagram';
import { overLimit, utf8ByteLength } from '../model/fileSize';
import { LIMITS } from '../model/limits';
import { refusal } from '../model/plainData';
import { parseDiagramFile } from '../model/parseDiagramFile';
import { diagramFileText, toDiagramFile } from '../model/serializeDiagramFile';
import { errorDetail, failure, saveFailureFrom } from './diagramLibraryFailure';
import { openLibraryDatabase } from './diagramLibraryOpen';
import {
  DEFAULT_DB_NAME,
  DIAGRAM_STORES,
  LAST_OPENED_KEY,
  RECORD_VERSION,
  looseNumber,
  looseTitle,
  rawTextOf,
  readDocument,
  readSetAside,
  readSummary,
} from './diagramLibraryRecords';
import type { DocumentRecord, LibrarySchema, SummaryRecord } from './diagramLibraryRecords';
import type {
  CreateOutcome,
  DiagramLibrary,
  DiagramSummary,
  LibraryUnavailable,
  RemoveOutcome,
  RemovedDiagram,
  SaveOptions,
  SaveOutcome,
  SetAsideDiagram,
  StoredDiagram,
} from './diagramLibraryTypes';

export type * from './diagramLibraryTypes';

export interface OpenDiagramLibraryOptions {
  /** Defaults to the page's `indexedDB`. */
  idbFactory?: IDBFactory;
  dbName?: string;
  /** How long to wait for a database that neither opens nor fails. */
  openTimeoutMs?: number;
  /** Clock for `updatedAt`; defaults to Date.now. */
  now?: () => number;
  /** Defaults to `navigator.storage`. */
  storage?: Partial<Pick<StorageManager, 'persist' | 'persisted'>>;
  /** Id for `create` and `duplicate`; defaults to nanoid. */
  newId?: () => string;
  /**
   * Reads stored text back (on load, and to check a save will open again); defaults to
   * `parseDiagramFile` on this thread. The app passes a worker's, so a big diagram's parse never
   * blocks the page (issue 17).
   */
  parse?: (text: string) => Promise<ParseResult<Diagram>>;
  /**
   * Checks that text about to be saved will open again; defaults to `parse`. The app passes a
   * worker's that answers with the verdict alone: receiving a big diagram back, only to drop it,
   * was a long task of its own after every save (issue 16).
   */
  check?: (text: string) => Promise<ParseResult<unknown>>;
}

export async function openDiagramLibrary(
  opts: OpenDiagramLibraryOptions = {},
): Promise<DiagramLibrary | LibraryUnavailable> {
  const opened = await openLibraryDatabase({
    idbFactory: opts.idbFactory,
    dbName: opts.dbName ?? DEFAULT_DB_NAME,
    openTimeoutMs: opts.openTimeoutMs,
  });
  if (isUnavailable(opened)) return opened;
  const parse = opts.parse ?? ((text: string) => Promise.resolve(parseDiagramFile(text)));
  return createLibrary(opened, {
    now: opts.now ?? Date.now,
    newId: opts.newId ?? (() => nanoid()),
    storage: opts.storage,
    parse,
    check: opts.check ?? parse,
  });
}

/** Lets the page handle input and draw a frame before the rest of the work. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** What a parsed diagram's text still needs checking for: a size the parser would refuse. */
function sizeCheck(text: string): ParseResult<null> {
  const bytes = text.length * 3 <= LIMITS.maxFileBytes ? 0 : utf8ByteLength(text);
  return bytes > LIMITS.maxFileBytes ? refusal('too-large', '', `The file ${overLimit(bytes, LIMITS.maxFileBytes)}.`) : { ok: true, value: null, notices: [] };
}

function isUnavailable(value: object): value is LibraryUnavailable {
  return (value as Partial<LibraryUnavailable>).ok === false;
}

type Db = IDBPDatabase<LibrarySchema>;
type StoreName = StoreNames<LibrarySchema>;

interface Deps {
  now: () => number;
  newId: () => string;
  storage: OpenDiagramLibraryOptions['storage'];
  parse: (text: string) => Promise<ParseResult<Diagram>>;
  check: (text: string) => Promise<ParseResult<unknown>>;
}

type Judgement =
  | { kind: 'missing' }
  | { kind: 'unreadable'; reason: string }
  | { kind: 'readable'; summary: SummaryRecord; document: DocumentRecord };

const UNKNOWN_SHAPE = 'It was stored in a form this version of Archflow cannot read.';
const HALF_MISSING = 'Part of it is missing from storage.';
const MIXED_SAVES = 'Its stored parts come from different saves.';
const UNTITLED = 'Unreadable diagram';

/** Everything short of parsing the text: cheap enough for every save. */
function judgeShape(summaryRaw: unknown, documentRaw: unknown): Judgement {
  if (summaryRaw === undefined && documentRaw === undefined) return { kind: 'missing' };
  if (summaryRaw === undefined || documentRaw === undefined) return { kind: 'unreadable', reason: HALF_MISSING };
  const summary = readSummary(summaryRaw);
  const document = readDocument(documentRaw);
  if (!summary || !document) return { kind: 'unreadable', reason: UNKNOWN_SHAPE };
  if (summary.revision !== document.revision || summary.id !== document.id) {
    return { kind: 'unreadable', reason: MIXED_SAVES };
  }
  return { kind: 'readable', summary, document };
}

function unparseableReason(error: DiagramError): string {
  return `Its text does not open: ${error.message}`;
}

function copyTitle(title: string): string {
  const suffix = ' (copy)';
  return `${title.slice(0, LIMITS.maxLabelLength - suffix.length)}${suffix}`;
}

function storageError(error: unknown): ParseResult<never> {
  const detail = errorDetail(error);
  return {
    ok: false,
    error: {
      code: 'empty',
      path: '',
      message: `Local storage could not be read${detail ? ` (${detail})` : ''}; try reloading the page.`,
    },
  };
}

function createLibrary(db: Db, deps: Deps): DiagramLibrary {
  /** Ids whose stored text this session has parsed, with the revision it had. */
  const verified = new Map<string, number>();
  /**
   * Ids found unreadable this session. Kept in memory too, so a save is refused even when the
   * set-aside marker could not be written (full storage).
   */
  const unreadable = new Map<string, string>();

  async function inTransaction<T, Mode extends IDBTransactionMode>(
    stores: StoreName[],
    mode: Mode,
    body: (tx: IDBPTransaction<LibrarySchema, StoreName[], Mode>) => Promise<T>,
  ): Promise<T> {
    const tx = db.transaction(stores, mode);
    const done = tx.done;
    // Awaited below on success; on failure the body's error is the one worth reporting.
    done.catch(() => undefined);
    try {
      const result = await body(tx);
      await done;
      return result;
    } catch (error) {
      // A put that throws leaves the transaction running with the other writes in it:
      // abort, so nothing of a half-done save is committed.
      try {
        tx.abort();
      } catch {
        // Already finished or aborted.
      }
      throw error;
    }
  }

  async function readRecords(id: string) {
    return inTransaction([...DIAGRAM_STORES], 'readonly', async (tx) => {
      const summary: unknown = await tx.objectStore('summaries').get(id);
      const document: unknown = await tx.objectStore('documents').get(id);
      const marker = readSetAside(await tx.objectStore('setAside').get(id));
      return { summary, document, marker };
    });
  }

  /** Best effort: the in-memory mark already protects this session. */
  async function setAside(id: string, reason: string): Promise<void> {
    unreadable.set(id, reason);
    verified.delete(id);
    try {
      await inTransaction(['setAside'], 'readwrite', async (tx) => {
        const store = tx.objectStore('setAside');
        if ((await store.getKey(id)) === undefined) await store.put({ id, reason, at: deps.now() });
      });
    } catch {
      // Storage refuses even the small marker (full, closed): memory will do until reload,
      // and the next start finds the record unreadable again.
    }
  }

  /** Reads and parses one diagram; sets it aside if it cannot be read. */
  async function readDiagram(
    id: string,
  ): Promise<
    | { kind: 'missing' }
    | { kind: 'unreadable'; reason: string; error: DiagramError | undefined; summary: unknown }
    | { kind: 'readable'; summary: SummaryRecord; diagram: Diagram; notices: string[] }
  > {
    const records = await readRecords(id);
    const known = records.marker?.reason ?? unreadable.get(id);
    const judged = judgeShape(records.summary, records.document);
    if (judged.kind === 'missing') return judged;
    if (known !== undefined) return { kind: 'unreadable', reason: known, error: undefined, summary: records.summary };
    if (judged.kind === 'unreadable') {
      await setAside(id, judged.reason);
      return { kind: 'unreadable', reason: judged.reason, error: undefined, summary: records.summary };
    }
    const parsed = await deps.parse(judged.document.text);
    if (!parsed.ok) {
      const reason = unparseableReason(parsed.error);
      await setAside(id, reason);
      return { kind: 'unreadable', reason, error: parsed.error, summary: records.summary };
    }
    verified.set(id, judged.summary.revision);
    return { kind: 'readable', summary: judged.summary, diagram: parsed.value, notices: parsed.notices };
  }

  function unreadableSummary(id: string, summaryRaw: unknown, reason: string): DiagramSummary {
    return {
      id,
      title: looseTitle(summaryRaw) ?? UNTITLED,
      updatedAt: looseNumber(summaryRaw, 'updatedAt'),
      nodeCount: looseNumber(summaryRaw, 'nodeCount'),
      revision: looseNumber(summaryRaw, 'revision'),
      status: 'unreadable',
      problem: reason,
    };
  }

  function okSummary(summary: SummaryRecord): DiagramSummary {
    const { id, title, updatedAt, nodeCount, revision } = summary;
    return { id, title, updatedAt, nodeCount, revision, status: 'ok' };
  }

  async function list(): Promise<DiagramSummary[]> {
    const snapshot = await inTransaction([...DIAGRAM_STORES], 'readonly', async (tx) => {
      const summaryKeys = await tx.objectStore('summaries').getAllKeys();
      const summaries: unknown[] = await tx.objectStore('summaries').getAll();
      const documentKeys = await tx.objectStore('documents').getAllKeys();
      const markers: unknown[] = await tx.objectStore('setAside').getAll();
      return { summaryKeys, summaries, documentKeys, markers };
    });
    const summaryById = new Map<string, unknown>();
    snapshot.summaryKeys.forEach((key, i) => summaryById.set(key, snapshot.summaries[i]));
    const ids = new Set<string>([...snapshot.summaryKeys, ...snapshot.documentKeys]);
    const documentIds = new Set<string>(snapshot.documentKeys);
    const markerReasons = new Map<string, string>();
    for (const raw of snapshot.markers) {
      const marker = readSetAside(raw);
      if (marker) markerReasons.set(marker.id, marker.reason);
    }

    const out: DiagramSummary[] = [];
    for (const id of ids) {
      if (typeof id !== 'string') continue;
      const summaryRaw = summaryById.get(id);
      const known = markerReasons.get(id) ?? unreadable.get(id);
      if (known !== undefined) {
        out.push(unreadableSummary(id, summaryRaw, known));
        continue;
      }
      const summary = readSummary(summaryRaw);
      if (summary && documentIds.has(id) && verified.get(id) === summary.revision) {
        out.push(okSummary(summary));
        continue;
      }
      // Not yet parsed this session (or saved since by another tab): parse it once, so a
      // corrupt diagram shows up in the list rather than when the user opens it.
      const read = await readDiagram(id);
      if (read.kind === 'readable') out.push(okSummary(read.summary));
      else if (read.kind === 'unreadable') out.push(unreadableSummary(id, read.summary, read.reason));
    }
    return out.sort((a, b) => b.updatedAt - a.updatedAt || a.title.localeCompare(b.title) || (a.id < b.id ? -1 : 1));
  }

  async function load(id: string): Promise<ParseResult<StoredDiagram>> {
    let read: Awaited<ReturnType<typeof readDiagram>>;
    try {
      read = await readDiagram(id);
    } catch (error) {
      return storageError(error);
    }
    if (read.kind === 'missing') {
      return {
        ok: false,
        error: { code: 'empty', path: '', message: 'This diagram is no longer stored; it may have been deleted in another tab.' },
      };
    }
    if (read.kind === 'unreadable') {
      return {
        ok: false,
        error: {
          code: read.error?.code ?? 'invalid',
          path: read.error?.path ?? '',
          message: `This saved diagram could not be read, so it was set aside and will not be overwritten. ${read.reason}`,
        },
      };
    }
    const { summary, diagram, notices } = read;
    return { ok: true, value: { id, diagram, updatedAt: summary.updatedAt, revision: summary.revision }, notices };
  }

  const UNREADABLE_SAVE =
    'The stored copy of this diagram could not be read, so it was set aside and is not overwritten: save this diagram as a new one instead.';

  async function save(id: string, diagram: Diagram, opts: SaveOptions = {}): Promise<SaveOutcome> {
    if (unreadable.has(id)) return failure('unreadable', UNREADABLE_SAVE);
    // Not in the same task as whatever asked for the save (opening a file has just parsed it).
    await nextTask();
    let text: string;
    try {
      // The file object, then its text, each in a task of its own: for a big diagram either is
      // about as long as the page should pause (issue 16).
      const file = toDiagramFile(diagram);
      await nextTask();
      text = diagramFileText(file);
    } catch (error) {
      return saveFailureFrom(error);
    }
    // Whatever the parser would refuse (a dangling edge, a limit exceeded) must never replace a
    // readable save: it would come back unreadable on the next start. This costs about as much
    // as the serialization, and it makes "saved" mean "will open again". It runs as a task of its
    // own, so a big diagram's save is two shorter pauses of the page rather than one long one.
    await nextTask();
    const check = opts.parsed ? sizeCheck(text) : await deps.check(text);
    if (!check.ok) {
      return failure(
        'error',
        `The diagram was not saved because it would not open again: ${check.error.message} The last saved copy is unchanged.`,
      );
    }
    const updatedAt = deps.now();
    let foundUnreadable: string | undefined;
    let outcome: SaveOutcome;
    try {
      outcome = await inTransaction([...DIAGRAM_STORES], 'readwrite', async (tx): Promise<SaveOutcome> => {
        const marker = await tx.objectStore('setAside').get(id);
        const summaryRaw: unknown = await tx.objectStore('summaries').get(id);
        const documentKey = await tx.objectStore('documents').getKey(id);
        if (marker !== undefined) {
          foundUnreadable = readSetAside(marker)?.reason ?? UNKNOWN_SHAPE;
          return failure('unreadable', UNREADABLE_SAVE);
        }
        // Only the summary's shape is checked here (the text was parsed by whoever loaded it):
        // parsing the stored text on every autosave would cost as much as the save itself.
        const stored = readSummary(summaryRaw);
        const exists = summaryRaw !== undefined || documentKey !== undefined;
        const problem =
          summaryRaw === undefined || documentKey === undefined ? HALF_MISSING : stored ? undefined : UNKNOWN_SHAPE;
        if (exists && problem) {
          foundUnreadable = problem;
          await tx.objectStore('setAside').put({ id, reason: problem, at: updatedAt });
          return failure('unreadable', UNREADABLE_SAVE);
        }
        const storedRevision = stored?.revision ?? 0;
        if (opts.expectedRevision !== undefined && opts.expectedRevision !== storedRevision) {
          return failure(
            'conflict',
            stored
              ? 'Another tab saved a newer version of this diagram, so this tab did not overwrite it.'
              : 'This diagram was deleted in another tab, so this tab did not save it back.',
          );
        }
        const revision = storedRevision + 1;
        const document: DocumentRecord = { id, recordVersion: RECORD_VERSION, revision, text };
        const summary: SummaryRecord = {
          id,
          recordVersion: RECORD_VERSION,
          title: diagram.title,
          updatedAt,
          nodeCount: diagram.nodes.length,
          revision,
        };
        await tx.objectStore('documents').put(document);
        await tx.objectStore('summaries').put(summary);
        return { ok: true, revision, updatedAt };
      });
    } catch (error) {
      // The marker may not have been written (full storage); memory still bars the id.
      if (foundUnreadable !== undefined) {
        unreadable.set(id, foundUnreadable);
        return failure('unreadable', UNREADABLE_SAVE);
      }
      return saveFailureFrom(error);
    }
    if (outcome.ok) verified.set(id, outcome.revision);
    else if (foundUnreadable !== undefined) unreadable.set(id, foundUnreadable);
    return outcome;
  }

  async function create(diagram: Diagram, opts: Pick<SaveOptions, 'parsed'> = {}): Promise<CreateOutcome> {
    const id = deps.newId();
    const outcome = await save(id, diagram, { expectedRevision: 0, ...opts });
    return outcome.ok ? { ...outcome, id } : outcome;
  }

  async function rename(id: string, rawTitle: string): Promise<SaveOutcome> {
    const title = rawTitle.trim();
    if (title === '') return failure('error', 'A title cannot be empty.');
    if (title.length > LIMITS.maxLabelLength) {
      return failure('error', `A title can be at most ${LIMITS.maxLabelLength} characters long.`);
    }
    let read: Awaited<ReturnType<typeof readDiagram>>;
    try {
      read = await readDiagram(id);
    } catch (error) {
      return saveFailureFrom(error);
    }
    if (read.kind === 'missing') return failure('conflict', 'This diagram is no longer stored; it may have been deleted in another tab.');
    if (read.kind === 'unreadable') return failure('unreadable', UNREADABLE_SAVE);
    // The revision check keeps a save from another tab between the read and the write.
    return save(id, { ...read.diagram, title }, { expectedRevision: read.summary.revision });
  }

  async function duplicate(id: string): Promise<CreateOutcome> {
    const loaded = await load(id);
    if (!loaded.ok) {
      return failure(loaded.error.code === 'empty' ? 'error' : 'unreadable', loaded.error.message);
    }
    const diagram = loaded.value.diagram;
    return create({ ...diagram, title: copyTitle(diagram.title) });
  }

  async function remove(id: string): Promise<RemoveOutcome> {
    let outcome: RemoveOutcome;
    try {
      outcome = await inTransaction([...DIAGRAM_STORES, 'settings'], 'readwrite', async (tx): Promise<RemoveOutcome> => {
        const summary: unknown = await tx.objectStore('summaries').get(id);
        const document: unknown = await tx.objectStore('documents').get(id);
        const marker: unknown = await tx.objectStore('setAside').get(id);
        if (summary === undefined && document === undefined && marker === undefined) {
          return failure('conflict', 'This diagram was already deleted, perhaps in another tab.');
        }
        await tx.objectStore('summaries').delete(id);
        await tx.objectStore('documents').delete(id);
        await tx.objectStore('setAside').delete(id);
        if ((await tx.objectStore('settings').get(LAST_OPENED_KEY)) === id) {
          await tx.objectStore('settings').delete(LAST_OPENED_KEY);
        }
        return { ok: true, removed: { id, records: { summary, document, setAside: marker } } };
      });
    } catch (error) {
      return saveFailureFrom(error);
    }
    if (outcome.ok) {
      verified.delete(id);
      unreadable.delete(id);
    }
    return outcome;
  }

  async function restore(removed: RemovedDiagram): Promise<SaveOutcome> {
    const { id, records } = removed;
    try {
      return await inTransaction([...DIAGRAM_STORES], 'readwrite', async (tx): Promise<SaveOutcome> => {
        const taken =
          (await tx.objectStore('summaries').getKey(id)) !== undefined ||
          (await tx.objectStore('documents').getKey(id)) !== undefined ||
          (await tx.objectStore('setAside').getKey(id)) !== undefined;
        if (taken) return failure('conflict', 'Another diagram is stored under this id now, so the deleted one was not put back.');
        // Put back exactly as found, unreadable records included: restoring must not repair
        // or lose anything.
        if (records.summary !== undefined) await tx.objectStore('summaries').put(records.summary as SummaryRecord);
        if (records.document !== undefined) await tx.objectStore('documents').put(records.document as DocumentRecord);
        if (records.setAside !== undefined) await tx.objectStore('setAside').put(records.setAside as never);
        return {
          ok: true,
          revision: looseNumber(records.summary, 'revision'),
          updatedAt: looseNumber(records.summary, 'updatedAt'),
        };
      });
    } catch (error) {
      return saveFailureFrom(error);
    }
  }

  async function readSetAsideDiagram(id: string): Promise<SetAsideDiagram | undefined> {
    try {
      const records = await readRecords(id);
      const reason = records.marker?.reason ?? unreadable.get(id);
      if (reason === undefined) return undefined;
      return { id, text: rawTextOf(records.document, records.summary), reason, at: records.marker?.at ?? deps.now() };
    } catch {
      return undefined;
    }
  }

  async function lastOpenedId(): Promise<string | undefined> {
    try {
      const value = await db.get('settings', LAST_OPENED_KEY);
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }

  async function setLastOpened(id: string): Promise<boolean> {
    try {
      await db.put('settings', id, LAST_OPENED_KEY);
      return true;
    } catch {
      return false;
    }
  }

  async function requestPersistence(): Promise<boolean> {
    try {
      const storage = deps.storage ?? (globalThis as { navigator?: { storage?: StorageManager } }).navigator?.storage;
      if (typeof storage?.persist !== 'function') return false;
      if (typeof storage.persisted === 'function' && (await storage.persisted())) return true;
      return (await storage.persist()) === true;
    } catch {
      return false;
    }
  }

  return {
    ok: true,
    list,
    load,
    save,
    create,
    rename,
    duplicate,
    remove,
    restore,
    readSetAside: readSetAsideDiagram,
    lastOpenedId,
    setLastOpened,
    requestPersistence,
    close: () => db.close(),
  };
}
