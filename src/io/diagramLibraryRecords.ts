/**
 * What "My diagrams" keeps in IndexedDB, and how a record read back is checked before it is
 * trusted: storage outlives app versions, so anything read may be of an older or unknown shape.
 *
 * Each diagram is two records written in the same transaction: a small summary (for the list,
 * which must not read every diagram's text) and the document (the serialized file text). The
 * text is the same v1 file format as a download, so stored diagrams go through the same parser
 * and migration chain as opened files.
 */
import type { DBSchema } from 'idb';

/** Bump with a new `upgrade` step in diagramLibraryOpen.ts when the stores change. */
export const DB_VERSION = 1;
export const DEFAULT_DB_NAME = 'archflow';
/** The shape of the records below; a record with another value is unreadable, never guessed at. */
export const RECORD_VERSION = 1;

export interface SummaryRecord {
  id: string;
  recordVersion: typeof RECORD_VERSION;
  title: string;
  updatedAt: number;
  nodeCount: number;
  revision: number;
}

export interface DocumentRecord {
  id: string;
  recordVersion: typeof RECORD_VERSION;
  revision: number;
  /** serializeDiagramFile output. */
  text: string;
}

/**
 * Marks a diagram as unreadable. Its summary and document stay exactly as found (they are the
 * raw text the user can export), and this marker bars every save over them. A marker rather
 * than a copy: storage is often full exactly when things go wrong, and a copy could fail.
 */
export interface SetAsideRecord {
  id: string;
  reason: string;
  at: number;
}

export const LAST_OPENED_KEY = 'lastOpened';

export interface LibrarySchema extends DBSchema {
  summaries: { key: string; value: SummaryRecord };
  documents: { key: string; value: DocumentRecord };
  setAside: { key: string; value: SetAsideRecord };
  /** Out-of-line keys; holds LAST_OPENED_KEY → diagram id. */
  settings: { key: string; value: unknown };
}

export const DIAGRAM_STORES = ['summaries', 'documents', 'setAside'] as const;

type Loose = Record<string, unknown>;

function isObject(value: unknown): value is Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

export function readSummary(value: unknown): SummaryRecord | undefined {
  if (!isObject(value) || value.recordVersion !== RECORD_VERSION) return undefined;
  const { id, title, updatedAt, nodeCount, revision } = value;
  if (typeof id !== 'string' || typeof title !== 'string') return undefined;
  if (!isTime(updatedAt) || !isCount(nodeCount) || !isCount(revision)) return undefined;
  return { id, recordVersion: RECORD_VERSION, title, updatedAt, nodeCount, revision };
}

export function readDocument(value: unknown): DocumentRecord | undefined {
  if (!isObject(value) || value.recordVersion !== RECORD_VERSION) return undefined;
  const { id, revision, text } = value;
  if (typeof id !== 'string' || typeof text !== 'string' || !isCount(revision)) return undefined;
  return { id, recordVersion: RECORD_VERSION, revision, text };
}

export function readSetAside(value: unknown): SetAsideRecord | undefined {
  if (!isObject(value)) return undefined;
  const { id, reason, at } = value;
  if (typeof id !== 'string' || typeof reason !== 'string' || !isTime(at)) return undefined;
  return { id, reason, at };
}

/** The most useful export of a record that cannot be read: its text if it has one, else the record as JSON. */
export function rawTextOf(document: unknown, summary: unknown): string {
  if (isObject(document) && typeof document.text === 'string') return document.text;
  try {
    return JSON.stringify({ summary, document }, null, 2) ?? '';
  } catch {
    return String(document);
  }
}

/** A best-effort title for the list entry of an unreadable record. */
export function looseTitle(summary: unknown): string | undefined {
  return isObject(summary) && typeof summary.title === 'string' ? summary.title : undefined;
}

export function looseNumber(record: unknown, key: 'updatedAt' | 'revision' | 'nodeCount'): number {
  if (!isObject(record)) return 0;
  const value = record[key];
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : 0;
}
