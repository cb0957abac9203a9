/**
 * File names for saves and exports, made from a title a stranger may have written: no path
 * separators, no control or direction-override characters (which can disguise an extension),
 * no names Windows reserves, never empty, never too long for a file system.
 */
export type DiagramFileExtension = 'archflow.json' | 'png' | 'svg' | 'design.md' | 'problem.json' | 'problems.json';

/** Characters kept from a title, before the extension: well under the 255-byte limit of common file systems. */
const MAX_BASE_LENGTH = 100;
const FALLBACK = 'diagram';
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i;

export function diagramFileName(title: string, ext: DiagramFileExtension): string {
  const base = safeBase(typeof title === 'string' ? title : '');
  return `${base}.${ext}`;
}

function safeBase(title: string): string {
  let base = title
    .normalize('NFC')
    // Control characters, bidirectional marks, overrides and isolates, zero-width space, BOM.
    // Zero-width joiners stay: emoji sequences and several scripts need them.
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g, ' ')
    .replace(/[/\\:*?"<>|]/g, '-')
    .replace(/\s+/g, ' ')
    .trim()
    // A leading dot hides the file; trailing dots and spaces are dropped by Windows.
    .replace(/^[.\s-]+|[.\s]+$/g, '');
  base = truncate(base, MAX_BASE_LENGTH).replace(/[.\s]+$/, '');
  if (base === '') return FALLBACK;
  // "CON.png" is still the device CON on Windows: the part before the first dot decides.
  const stem = base.split('.')[0] ?? '';
  if (WINDOWS_RESERVED.test(stem.trim())) base = `${base} ${FALLBACK}`;
  return base;
}

/** At most `max` characters, never splitting a surrogate pair. */
function truncate(text: string, max: number): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : chars.slice(0, max).join('');
}
