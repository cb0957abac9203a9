/**
 * On start: puts the work a page left unsaved (see unsavedJournal.ts) back into My diagrams,
 * under the same rules as any save: newer work is never overwritten, and nothing is dropped.
 * - Still based on the stored revision: saved in place (the user just sees their edit).
 * - Already stored (the save started on pagehide finished after all): nothing to do.
 * - Another tab saved something else since, or the diagram was deleted or set aside: kept as a
 *   new diagram titled "… (recovered)", and the caller tells the user.
 */
import { LIMITS } from '../model/limits';
import { parseDiagramFile } from '../model/parseDiagramFile';
import { serializeDiagramFile } from '../model/serializeDiagramFile';
import type { DiagramLibrary } from './diagramLibraryTypes';
import type { UnsavedEntry, UnsavedJournal } from './unsavedJournal';

export type RecoveryResult =
  | { kind: 'saved'; id: string; revision: number }
  | { kind: 'already-saved'; id: string }
  | { kind: 'copied'; id: string; copyId: string; title: string; revision: number }
  | { kind: 'failed'; id: string; message: string }
  | { kind: 'unreadable'; id: string; message: string };

const SUFFIX = ' (recovered)';

function recoveredTitle(title: string): string {
  return `${title.slice(0, LIMITS.maxLabelLength - SUFFIX.length)}${SUFFIX}`;
}

async function recoverOne(library: DiagramLibrary, entry: UnsavedEntry): Promise<RecoveryResult> {
  const parsed = parseDiagramFile(entry.text);
  if (!parsed.ok) return { kind: 'unreadable', id: entry.id, message: parsed.error.message };
  const diagram = parsed.value;
  const stored = await library.load(entry.id);
  if (stored.ok) {
    if (stored.value.revision === entry.baseRevision) {
      const saved = await library.save(entry.id, diagram, { expectedRevision: entry.baseRevision });
      if (saved.ok) return { kind: 'saved', id: entry.id, revision: saved.revision };
      // A conflict means another tab saved in between: fall through to a copy.
      if (saved.reason !== 'conflict' && saved.reason !== 'unreadable') return { kind: 'failed', id: entry.id, message: saved.message };
    } else if (serializeDiagramFile(stored.value.diagram) === serializeDiagramFile(diagram)) {
      return { kind: 'already-saved', id: entry.id };
    }
  }
  const title = recoveredTitle(diagram.title);
  const copy = await library.create({ ...diagram, title });
  if (!copy.ok) return { kind: 'failed', id: entry.id, message: copy.message };
  return { kind: 'copied', id: entry.id, copyId: copy.id, title, revision: copy.revision };
}

/**
 * Recovers every entry, oldest first (so of two entries for one diagram, the newer one is saved
 * over the older, or kept as a copy). An entry that could not be stored for now (storage
 * failing) is written back, to be tried on the next start.
 */
export async function recoverUnsaved(library: DiagramLibrary, journal: UnsavedJournal): Promise<RecoveryResult[]> {
  const results: RecoveryResult[] = [];
  for (const entry of journal.takeAll()) {
    let result: RecoveryResult;
    try {
      result = await recoverOne(library, entry);
    } catch (error) {
      result = { kind: 'failed', id: entry.id, message: error instanceof Error ? error.message : String(error) };
    }
    if (result.kind === 'failed') journal.write(entry);
    results.push(result);
  }
  return results;
}

/** What the user is told about a recovery, one sentence each; in-place saves need no word. */
export function describeRecovery(results: readonly RecoveryResult[]): { tone: 'warning' | 'error'; message: string }[] {
  const out: { tone: 'warning' | 'error'; message: string }[] = [];
  for (const r of results) {
    if (r.kind === 'copied') {
      out.push({
        tone: 'warning',
        message: `Changes left unsaved when this page last closed met newer changes from another tab, so they were kept as “${r.title}” in My diagrams.`,
      });
    } else if (r.kind === 'failed') {
      out.push({ tone: 'error', message: `Changes left unsaved when this page last closed could not be stored yet (${r.message}); Archflow will try again on the next start.` });
    } else if (r.kind === 'unreadable') {
      out.push({ tone: 'error', message: `Changes left unsaved when this page last closed could not be read back, so they were dropped: ${r.message}` });
    }
  }
  return out;
}
