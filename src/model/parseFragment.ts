/**
 * Reading a pasted fragment (`"format": "archflow-fragment"`, src/model/fragment.ts) and writing
 * one. A paste is untrusted input like a file: the same text checks, the same record schemas,
 * the same cross-record pass (except that requirement references name the document it is pasted
 * into), one refusal naming the place, and nothing here throws.
 */
import { CURRENT_VERSION, type ParseResult } from './diagram';
import { FRAGMENT_FORMAT, FRAGMENT_TABLES, type Fragment } from './fragment';
import { isPlainObject, own, readSafely, refusal } from './plainData';
import { checkReferences } from './records/checkReferences';
import { DiagramRecord } from './records/diagramRecord';
import { parseRecord } from './records/parseRecord';

/** Whether a parsed JSON value says it is a fragment (and so must be read as one or refused). */
export function isFragmentValue(value: unknown): boolean {
  return isPlainObject(value) && own(value, 'format') === FRAGMENT_FORMAT;
}

/** A fragment from a JSON value that says it is one. Never throws. */
export function parseFragmentValue(value: unknown): ParseResult<Fragment> {
  return readSafely(() => readFragment(value), 'The pasted components could not be read: they are not plain data.');
}

function readFragment(value: unknown): ParseResult<Fragment> {
  if (!isPlainObject(value) || own(value, 'format') !== FRAGMENT_FORMAT) {
    return refusal('not-archflow', '', `This is not a piece of an Archflow diagram (expected "format": "${FRAGMENT_FORMAT}").`);
  }
  const version = own(value, 'version');
  // Fragments before version 2 had no version and hold nodes and edges only, which read the same.
  if (version !== undefined && (typeof version !== 'number' || !Number.isInteger(version) || version < 1)) {
    return refusal('bad-version', 'version', 'must be a whole number from 1.');
  }
  if (typeof version === 'number' && version > CURRENT_VERSION) {
    return refusal('newer-version', 'version', `${version} was written by a newer Archflow (this one reads up to ${CURRENT_VERSION}).`);
  }
  // Read as a diagram's lists, so every record goes through its one schema and is placed the same way.
  const lists: Record<string, unknown> = { title: 'Pasted', flow: 'bottom-up', nodes: own(value, 'nodes') ?? [], edges: own(value, 'edges') ?? [] };
  for (const table of FRAGMENT_TABLES) if (table !== 'nodes' && table !== 'edges') lists[table] = own(value, table);
  const parsed = parseRecord(DiagramRecord, lists);
  if (!parsed.ok) return parsed;
  const crossed = checkReferences(parsed.value, { requirementsElsewhere: true });
  if (crossed) return { ok: false, error: crossed };
  const fragment: Fragment = { nodes: parsed.value.nodes, edges: parsed.value.edges };
  for (const table of FRAGMENT_TABLES) {
    const records = parsed.value[table];
    if (records && records.length > 0) Object.assign(fragment, { [table]: records });
  }
  return { ok: true, value: fragment, notices: [] };
}

/** A fragment as the clipboard carries it. */
export function serializeFragment(fragment: Fragment): string {
  return JSON.stringify({ format: FRAGMENT_FORMAT, version: CURRENT_VERSION, ...fragment });
}
