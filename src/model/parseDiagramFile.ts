/**
 * Reading a diagram from untrusted input: a file, a paste, an inflated share link, a stored
 * record. Each refusal is one DiagramError whose message names the place; nothing here throws,
 * whatever the input.
 *
 * The steps: size and syntax checks on the text (before JSON.parse reads anything), migration to
 * the current version, the record schemas (src/model/records), then the cross-record pass. The
 * schemas build their result from known keys only, so unknown fields, `__proto__`, `constructor`
 * and the like are never copied and can never reach a prototype.
 */
import type { Diagram, ParseResult } from './diagram';
import { findJsonDepthOver, jsonErrorMessage, lineColumn } from './jsonSyntax';
import { overLimit, utf8ByteLength } from './fileSize';
import { LIMITS } from './limits';
import { migrateDiagramFile } from './migrateDiagramFile';
import { describeValue, isPlainObject, readSafely, refusal } from './plainData';
import { checkReferences } from './records/checkReferences';
import { DiagramRecord } from './records/diagramRecord';
import type { ValueSource } from './records/fastParser';
import { parseRecord } from './records/parseRecord';

// ---------------------------------------------------------------------------------------------
// Text → JSON value

/** Parses untrusted text into a diagram. Never throws. */
export function parseDiagramFile(text: string): ParseResult<Diagram> {
  const value = parseJsonText(text);
  if (!value.ok) return value;
  const json = value.value;
  return readSafely(() => readValue(json, 'owned'), NOT_PLAIN);
}

/**
 * Untrusted text to a JSON value, with the checks that come before JSON.parse reads anything
 * (size, NUL bytes, nesting). Never throws. Shared by files and pasted fragments.
 */
export function parseJsonText(text: string): ParseResult<unknown> {
  if (typeof text !== 'string') return refusal('not-json', '', 'The input is not text.');
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  const bytes = utf8LengthOver(body, LIMITS.maxFileBytes);
  if (bytes !== undefined) {
    return refusal(
      'too-large',
      '',
      `The file ${overLimit(bytes, LIMITS.maxFileBytes)}.`,
    );
  }
  if (body.trim() === '') return refusal('empty', '', 'The file is empty.');

  const nul = body.indexOf('\u0000');
  if (nul !== -1) {
    return refusal(
      'not-json',
      '',
      `The file contains a NUL byte at ${lineColumn(body, nul)}: it looks like a binary file, not a diagram.`,
    );
  }

  const deepAt = findJsonDepthOver(body, LIMITS.maxJsonDepth);
  if (deepAt !== undefined) {
    return refusal(
      'limit',
      '',
      `The JSON nests deeper than ${LIMITS.maxJsonDepth} levels at ${lineColumn(body, deepAt)}; a diagram never does.`,
    );
  }

  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (err) {
    return refusal('not-json', '', jsonErrorMessage(body, err));
  }
  return { ok: true, value, notices: [] };
}

/**
 * UTF-8 length of `text` when it is over `limit` bytes, else undefined. The exact count is only
 * needed in the narrow band where UTF-16 length cannot decide it.
 */
function utf8LengthOver(text: string, limit: number): number | undefined {
  if (text.length * 3 <= limit) return undefined;
  if (text.length > limit) return text.length;
  const bytes = utf8ByteLength(text);
  return bytes > limit ? bytes : undefined;
}

// ---------------------------------------------------------------------------------------------
// JSON value → Diagram

/** Migrates and strictly checks an already-parsed value. Never throws. */
export function parseDiagramValue(value: unknown): ParseResult<Diagram> {
  // Reached only by values that did not come from JSON (getters, proxies, cycles).
  return readSafely(() => readValue(value, 'any'), NOT_PLAIN);
}

const NOT_PLAIN = 'The diagram could not be read: it is not plain data.';

/** `source`: 'owned' when the value is JSON.parse's own and no one else's, which the records read fastest. */
function readValue(value: unknown, source: ValueSource): ParseResult<Diagram> {
  if (!isPlainObject(value)) {
    return refusal(
      'not-archflow',
      '',
      `The file holds ${describeValue(value)}, not an Archflow diagram (expected an object with "format": "archflow").`,
    );
  }
  const migrated = migrateDiagramFile(value);
  if (!migrated.ok) return migrated;
  const parsed = parseRecord(DiagramRecord, migrated.value, '', source);
  if (!parsed.ok) return parsed;
  const crossed = checkReferences(parsed.value);
  if (crossed) return { ok: false, error: crossed };
  return { ok: true, value: parsed.value, notices: migrated.notices };
}
