/**
 * The contract of "My diagrams", the local store of the user's diagrams. The store calls it; the
 * views never do. Storage failures come back as values (never rejections) so the app can say
 * what happened and keep the diagram in memory; the one exception is `list`, which rejects with
 * the storage error when the database cannot be read at all (an empty list would be a lie).
 */
import type { Diagram, ParseResult } from '../model/diagram';

export interface DiagramSummary {
  id: string;
  title: string;
  /** Milliseconds since the epoch; 0 when an unreadable record does not say. */
  updatedAt: number;
  nodeCount: number;
  /** Bumped by every save; 0 when an unreadable record does not say. */
  revision: number;
  /**
   * 'unreadable': the stored record is corrupt, of an unknown shape, or fails to parse. It has
   * been set aside (see `readSetAside`) and no save will overwrite it.
   */
  status: 'ok' | 'unreadable';
  /** Why it is unreadable, one sentence. Only with status 'unreadable'. */
  problem?: string;
}

export interface StoredDiagram {
  id: string;
  diagram: Diagram;
  updatedAt: number;
  revision: number;
}

export type SaveFailureReason = 'quota' | 'blocked' | 'conflict' | 'unreadable' | 'error';

export interface SaveFailure {
  ok: false;
  reason: SaveFailureReason;
  /** One sentence a person can act on. */
  message: string;
}

export type SaveOutcome = { ok: true; revision: number; updatedAt: number } | SaveFailure;

export type CreateOutcome = { ok: true; id: string; revision: number; updatedAt: number } | SaveFailure;

/**
 * Everything that was stored under one id, exactly as it was, so that `restore` can undo a
 * delete (including the delete of an unreadable diagram). Treat it as opaque.
 */
export interface RemovedDiagram {
  id: string;
  records: { summary?: unknown; document?: unknown; setAside?: unknown };
}

export type RemoveOutcome = { ok: true; removed: RemovedDiagram } | SaveFailure;

export interface SetAsideDiagram {
  id: string;
  /** The stored text as found (a JSON rendering of the records when they hold no text). */
  text: string;
  reason: string;
  /** When it was set aside. */
  at: number;
}

export interface SaveOptions {
  /**
   * The revision this tab last loaded or saved. When the stored revision differs (another tab
   * saved, or deleted the diagram), the save is refused with 'conflict'. 0 means "expect no
   * record yet". Leave it out to overwrite unconditionally.
   */
  expectedRevision?: number;
  /**
   * The diagram is what the parser has just returned (an opened file, link or paste), so its
   * text is known to open again (the save → open round trip is a property test) and the check
   * parse is skipped: opening a big file no longer parses it twice. The size is still checked.
   */
  parsed?: boolean;
}

export interface DiagramLibrary {
  /** Tells a library from a LibraryUnavailable. */
  readonly ok: true;
  /**
   * All diagrams, newest first. Each diagram's text is parsed once per session (and again after
   * another tab saves it), so a corrupt one is listed as unreadable before anyone opens it.
   */
  list(): Promise<DiagramSummary[]>;
  load(id: string): Promise<ParseResult<StoredDiagram>>;
  /** Writes the whole diagram in one transaction: afterwards the old record or the new one is stored, never a mix. */
  save(id: string, diagram: Diagram, opts?: SaveOptions): Promise<SaveOutcome>;
  /** Stores a diagram under a new id. */
  create(diagram: Diagram, opts?: Pick<SaveOptions, 'parsed'>): Promise<CreateOutcome>;
  /**
   * Changes a stored diagram's title. For the diagram open in this tab, change the title in the
   * store instead (its autosave would otherwise meet a 'conflict').
   */
  rename(id: string, title: string): Promise<SaveOutcome>;
  /** Copies a stored diagram under a new id, titled "… (copy)". */
  duplicate(id: string): Promise<CreateOutcome>;
  remove(id: string): Promise<RemoveOutcome>;
  /** Puts a removed diagram back as it was; refused with 'conflict' if the id is taken again. */
  restore(removed: RemovedDiagram): Promise<SaveOutcome>;
  /** The raw text of an unreadable diagram, for the user to export. */
  readSetAside(id: string): Promise<SetAsideDiagram | undefined>;
  /** The diagram to reopen on start. Resolves undefined when unknown or unreadable. */
  lastOpenedId(): Promise<string | undefined>;
  /** Resolves false when it could not be recorded; never rejects. */
  setLastOpened(id: string): Promise<boolean>;
  /** Asks the browser not to evict this origin's storage. Resolves false when refused or unsupported. */
  requestPersistence(): Promise<boolean>;
  /** Closes the connection; later calls fail with reason 'blocked'. */
  close(): void;
}

export interface LibraryUnavailable {
  ok: false;
  /**
   * 'blocked': another tab holds an older version of the database open, or it did not answer;
   * 'unsupported': no IndexedDB here (or private mode refuses it); 'error': anything else.
   */
  reason: 'blocked' | 'unsupported' | 'error';
  message: string;
}
