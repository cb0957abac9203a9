/**
 * The last-moment copy of unsaved work, written synchronously while the page is being left.
 *
 * Why: a reload or a closed tab ends the page right after `pagehide`; an IndexedDB save started
 * there has to await its reads (the revision check) before it can write, and the page is gone
 * first. So edits made in the autosave's debounce window were lost. `localStorage.setItem` is
 * synchronous: once it returns, the text is stored. The next start hands each entry to
 * `recoverUnsaved`, which saves it through the library with the usual revision check.
 *
 * One entry per tab and diagram, so two tabs never overwrite each other's entry. An entry too big
 * for localStorage's quota (a few MB) is not written, and any older entry of the same tab and
 * diagram is removed with it: recovering an older state than the one the user left would be
 * wrong. Those big diagrams keep the previous protection only (the save started on pagehide,
 * and the autosave within a second).
 */

export interface UnsavedEntry {
  /** The diagram's id in My diagrams. */
  id: string;
  /** The tab that wrote it (see tabSync's tab id). */
  tabId: string;
  /** The stored revision the unsaved work is based on. */
  baseRevision: number;
  /** serializeDiagramFile output. */
  text: string;
  /** When it was written, ms since the epoch. */
  at: number;
}

export interface UnsavedJournal {
  /** Stores the entry before returning; false when storage refused it (quota, private mode). */
  write(entry: UnsavedEntry): boolean;
  /** Forgets this tab's entry for a diagram, once its save is confirmed. */
  clear(id: string, tabId: string): void;
  /**
   * Removes and returns every readable entry, oldest first. Taking them out at once keeps a second
   * tab starting at the same moment from recovering the same work twice.
   */
  takeAll(): UnsavedEntry[];
}

/** The parts of Storage used here (window.localStorage in the browser). */
export type StorageLike = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

export const UNSAVED_KEY_PREFIX = 'archflow:unsaved:';
const ENTRY_VERSION = 1;

function keyOf(id: string, tabId: string): string {
  return `${UNSAVED_KEY_PREFIX}${JSON.stringify([tabId, id])}`;
}

/** Storage outlives app versions and can be edited by hand: check what comes back. */
function readEntry(raw: string | null): UnsavedEntry | undefined {
  if (raw === null) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { v, id, tabId, baseRevision, text, at } = value as Record<string, unknown>;
  if (v !== ENTRY_VERSION || typeof id !== 'string' || typeof tabId !== 'string' || typeof text !== 'string') return undefined;
  if (typeof baseRevision !== 'number' || !Number.isSafeInteger(baseRevision) || baseRevision < 0) return undefined;
  if (typeof at !== 'number' || !Number.isFinite(at)) return undefined;
  return { id, tabId, baseRevision, text, at };
}

/** `storage` defaults to the page's localStorage; without one (or when it throws on access) nothing is kept. */
export function createUnsavedJournal(storage?: StorageLike | null): UnsavedJournal {
  let area: StorageLike | null = null;
  try {
    area = storage === undefined ? (globalThis as { localStorage?: Storage }).localStorage ?? null : storage;
  } catch {
    // Reading `localStorage` throws where the page may not store anything.
    area = null;
  }
  const remove = (key: string) => {
    try {
      area?.removeItem(key);
    } catch {
      // Nothing more to do: an entry that cannot be removed is recovered, then found already saved.
    }
  };
  return {
    write(entry) {
      if (!area) return false;
      const key = keyOf(entry.id, entry.tabId);
      try {
        area.setItem(key, JSON.stringify({ v: ENTRY_VERSION, ...entry }));
        return true;
      } catch {
        remove(key);
        return false;
      }
    },
    clear(id, tabId) {
      remove(keyOf(id, tabId));
    },
    takeAll() {
      if (!area) return [];
      const entries: UnsavedEntry[] = [];
      try {
        const keys: string[] = [];
        for (let i = 0; i < area.length; i++) {
          const key = area.key(i);
          if (key?.startsWith(UNSAVED_KEY_PREFIX)) keys.push(key);
        }
        for (const key of keys) {
          const entry = readEntry(area.getItem(key));
          remove(key);
          if (entry) entries.push(entry);
        }
      } catch {
        // Storage unreadable now: what was read so far is still recovered.
      }
      return entries.sort((a, b) => a.at - b.at);
    },
  };
}
