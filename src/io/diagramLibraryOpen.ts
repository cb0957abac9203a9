/**
 * Opening the IndexedDB database behind "My diagrams". Every way this can fail (no IndexedDB,
 * private mode, another tab holding an old version open, a newer app version's database, a
 * browser that never answers) resolves to a LibraryUnavailable the app can show, so it keeps
 * working in memory.
 */
import { wrap } from 'idb';
import type { IDBPDatabase } from 'idb';
import { errorDetail, errorName } from './diagramLibraryFailure';
import { DB_VERSION } from './diagramLibraryRecords';
import type { LibrarySchema } from './diagramLibraryRecords';
import type { LibraryUnavailable } from './diagramLibraryTypes';

/** Some browsers (old Safari, some private modes) leave `open` pending forever. */
export const DEFAULT_OPEN_TIMEOUT_MS = 5_000;

export interface OpenOptions {
  idbFactory?: IDBFactory;
  dbName: string;
  openTimeoutMs?: number;
}

function upgrade(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    db.createObjectStore('summaries', { keyPath: 'id' });
    db.createObjectStore('documents', { keyPath: 'id' });
    db.createObjectStore('setAside', { keyPath: 'id' });
    db.createObjectStore('settings');
  }
}

function unavailable(reason: LibraryUnavailable['reason'], message: string): LibraryUnavailable {
  return { ok: false, reason, message };
}

function describeOpenError(error: unknown): LibraryUnavailable {
  const name = errorName(error);
  if (name === 'VersionError') {
    return unavailable(
      'error',
      'Your saved diagrams were stored by a newer version of Archflow: reload the page to update. Changes are kept in memory only.',
    );
  }
  if (name === 'SecurityError' || name === 'InvalidStateError' || name === 'NotAllowedError') {
    return unavailable(
      'unsupported',
      'This browser does not allow local storage here (private browsing?): diagrams are kept in memory only, so save a file before closing the tab.',
    );
  }
  const detail = errorDetail(error) ? ` (${errorDetail(error)})` : '';
  return unavailable(
    'error',
    `Local storage could not be opened${detail}: diagrams are kept in memory only, so save a file before closing the tab.`,
  );
}

const BLOCKED_MESSAGE =
  'Local storage is busy in another Archflow tab: close the other tabs or reload. Diagrams are kept in memory only for now.';

export function openLibraryDatabase(
  opts: OpenOptions,
): Promise<IDBPDatabase<LibrarySchema> | LibraryUnavailable> {
  const factory = opts.idbFactory ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory) {
    return Promise.resolve(
      unavailable('unsupported', 'This browser has no local storage (IndexedDB): diagrams are kept in memory only.'),
    );
  }
  let request: IDBOpenDBRequest;
  try {
    request = factory.open(opts.dbName, DB_VERSION);
  } catch (error) {
    return Promise.resolve(describeOpenError(error));
  }
  return new Promise((resolve) => {
    let settled = false;
    const settle = (value: IDBPDatabase<LibrarySchema> | LibraryUnavailable): boolean => {
      if (settled) return false;
      settled = true;
      clearTimeout(timer);
      resolve(value);
      return true;
    };
    const timer = setTimeout(
      () => settle(unavailable('blocked', BLOCKED_MESSAGE)),
      opts.openTimeoutMs ?? DEFAULT_OPEN_TIMEOUT_MS,
    );
    request.onupgradeneeded = (event) => {
      try {
        upgrade(request.result, event.oldVersion);
      } catch (error) {
        request.transaction?.abort();
        settle(describeOpenError(error));
      }
    };
    request.onblocked = () => settle(unavailable('blocked', BLOCKED_MESSAGE));
    request.onerror = (event) => {
      // Handled here: without preventDefault the error would also surface as an uncaught one.
      event.preventDefault();
      settle(describeOpenError(request.error));
    };
    request.onsuccess = () => {
      const db = request.result;
      // Let a newer version in another tab upgrade instead of being blocked by this one; this
      // library's later calls then report 'blocked'.
      db.onversionchange = () => db.close();
      // A late success after a timeout or `blocked` would leave a connection nobody closes.
      if (!settle(wrap(db) as unknown as IDBPDatabase<LibrarySchema>)) db.close();
    };
  });
}
