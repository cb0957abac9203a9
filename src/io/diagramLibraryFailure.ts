/**
 * Turning what IndexedDB throws (DOMExceptions, sometimes only visible as a transaction's
 * error after an abort) into a SaveFailure a person can act on.
 */
import type { SaveFailure, SaveFailureReason } from './diagramLibraryTypes';

export function errorName(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'name' in error && typeof error.name === 'string') {
    return error.name;
  }
  return '';
}

export function errorDetail(error: unknown): string {
  if (typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string') {
    return error.message;
  }
  return typeof error === 'string' ? error : '';
}

export function failure(reason: SaveFailureReason, message: string): SaveFailure {
  return { ok: false, reason, message };
}

const KEPT = 'Your diagram is still open here and the last saved copy is unchanged.';

export function saveFailureFrom(error: unknown): SaveFailure {
  const name = errorName(error);
  if (name === 'QuotaExceededError') {
    return failure(
      'quota',
      `Browser storage is full, so the diagram could not be saved. ${KEPT} Free some space or save a file.`,
    );
  }
  // InvalidStateError: the connection was closed (a newer Archflow in another tab is upgrading
  // the database, or the browser closed it).
  if (name === 'InvalidStateError') {
    return failure('blocked', `Local storage was closed by the browser or another Archflow tab: reload the page. ${KEPT}`);
  }
  const detail = errorDetail(error);
  return failure('error', `The diagram could not be saved${detail ? ` (${detail})` : ''}. ${KEPT}`);
}
