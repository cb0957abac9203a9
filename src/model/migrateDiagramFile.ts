/**
 * The migration chain: any version this app can read is brought up to CURRENT_VERSION before the
 * strict check, which only ever knows the current shape. Adding version 3 means bumping
 * CURRENT_VERSION and appending one `{ from: 2, up: v2ToV3 }` to MIGRATIONS.
 */
import { CURRENT_VERSION, FORMAT_NAME } from './diagram';
import type { ParseResult } from './diagram';
import { describeValue, own, refusal } from './plainData';
import type { PlainObject as FileObject } from './plainData';

interface Migration {
  /** The version this step reads; it returns the document at version `from + 1`. */
  from: number;
  up(file: FileObject): { file: FileObject; notice?: string };
}

/** Internal stand-in for the unversioned draft. A file that says `"version": 0` is still refused. */
const DRAFT = 0;

const DEFAULT_TITLE = 'Untitled diagram';

/**
 * The draft shape written before files were versioned: no `version`, no `flow` (every draft was
 * drawn bottom-up), and sometimes no `format` or `title`.
 */
function draftToV1(file: FileObject): { file: FileObject; notice: string } {
  const title = own(file, 'title');
  const flow = own(file, 'flow');
  return {
    file: {
      ...file,
      format: FORMAT_NAME,
      version: 1,
      title: title === undefined ? DEFAULT_TITLE : title,
      flow: flow === undefined ? 'bottom-up' : flow,
    },
    notice: 'This file has no version number: it was read as an early Archflow draft and upgraded.',
  };
}

/**
 * Version 2 holds exactly version 1's fields; it exists so that the fields "The design, not just
 * the drawing" adds land in a version that older apps refuse instead of silently dropping.
 */
function v1ToV2(file: FileObject): { file: FileObject } {
  return { file: { ...file, version: 2 } };
}

const MIGRATIONS: readonly Migration[] = [
  { from: DRAFT, up: draftToV1 },
  { from: 1, up: v1ToV2 },
];

/** Brings a parsed file object to the current version, or says why it cannot. Never throws. */
export function migrateDiagramFile(value: FileObject): ParseResult<FileObject> {
  const format = own(value, 'format');
  const version = own(value, 'version');
  if (format !== undefined && format !== FORMAT_NAME) {
    return refusal(
      'not-archflow',
      'format',
      `expected "${FORMAT_NAME}", found ${describeValue(format)}; this is not an Archflow diagram.`,
    );
  }
  // Only a draft may lack `format`, and only when it looks like one; any other JSON object is
  // simply not ours, which is a better message than "nodes: is missing".
  if (format === undefined && (version !== undefined || !Object.hasOwn(value, 'nodes'))) {
    return refusal(
      'not-archflow',
      'format',
      `is missing; this JSON is not an Archflow diagram (expected "format": "${FORMAT_NAME}").`,
    );
  }

  let current: number;
  if (version === undefined) {
    current = DRAFT;
  } else if (typeof version === 'number' && Number.isInteger(version) && version >= 1) {
    if (version > CURRENT_VERSION) {
      return refusal(
        'newer-version',
        'version',
        `this diagram was made by a newer Archflow (file version ${version}; this app reads up to version ${CURRENT_VERSION}). Update Archflow to open it.`,
      );
    }
    current = version;
  } else {
    return refusal(
      'bad-version',
      'version',
      `${describeValue(version)} is not a valid version (expected a whole number from 1 to ${CURRENT_VERSION}).`,
    );
  }

  let file = value;
  const notices: string[] = [];
  while (current < CURRENT_VERSION) {
    const step = MIGRATIONS.find((m) => m.from === current);
    if (!step) {
      return refusal('bad-version', 'version', `no way to upgrade a version ${current} file.`);
    }
    const next = step.up(file);
    file = next.file;
    if (next.notice) notices.push(next.notice);
    current = step.from + 1;
  }
  return { ok: true, value: file, notices };
}
