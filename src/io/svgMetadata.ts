/**
 * The diagram inside an exported SVG: the JSON as escaped text in a `<metadata>` element, so
 * opening the SVG in Archflow restores the editable diagram and no label can end the element,
 * open a tag or break the XML.
 */
import type { ParseResult } from '../model/diagram';
import { refusal } from '../model/plainData';
import { xmlSafeJson } from './xmlText';

export const SVG_METADATA_ID = 'archflow-diagram';

const OPEN_TAG = `<metadata id="${SVG_METADATA_ID}">`;
const CLOSE_TAG = '</metadata>';
/** Longest stretch searched on either side of the id for the rest of the opening tag. */
const TAG_WINDOW = 512;

/**
 * `svg` with `json` in a metadata element just before its closing tag (an older Archflow
 * element is replaced). Characters XML cannot hold (U+FFFE, U+FFFF, lone surrogates) travel as
 * JSON escapes, so any JSON string embeds. Throws when `svg` has no closing `</svg>`: our own
 * exports always have one.
 */
export function embedDiagramInSvg(svg: string, json: string): string {
  const without = removeMetadata(svg);
  const close = without.lastIndexOf('</svg>');
  if (close === -1) throw new Error('embedDiagramInSvg: no closing </svg> tag');
  const element = `${OPEN_TAG}${escapeXmlText(xmlSafeJson(json))}${CLOSE_TAG}`;
  return without.slice(0, close) + element + without.slice(close);
}

/** The diagram JSON inside an SVG made by Archflow. Never throws. */
export function extractDiagramFromSvg(svg: string): ParseResult<string> {
  try {
    return extract(svg);
  } catch {
    return refusal('invalid', '', 'The Archflow diagram in this SVG is damaged.');
  }
}

function extract(svg: string): ParseResult<string> {
  if (!/<svg[\s>]/i.test(svg)) return refusal('not-archflow', '', 'This file is not an SVG image.');
  const found = findMetadata(svg);
  if (!found) return refusal('empty', '', 'This SVG has no Archflow diagram in it.');
  const body = svg.slice(found.contentStart, found.contentEnd);
  // Judged by its start before anything is decoded: megabytes of entities that cannot be a
  // diagram are refused at once, and the message says what the element holds instead.
  const start = decodeXmlText(leadingText(body));
  const first = start?.trimStart()[0];
  if (start !== null && first !== undefined && !/[{["\-0-9tfn]/.test(first)) {
    return refusal(
      'invalid', '',
      `The Archflow element in this SVG does not hold a diagram: it starts with ${JSON.stringify(first)}, where a diagram starts with "{".`,
    );
  }
  const text = decodeXmlText(body);
  if (text === null) return refusal('invalid', '', 'The Archflow diagram in this SVG is damaged.');
  return { ok: true, value: text, notices: [] };
}

/**
 * Where our element's content is. Found with indexOf, not a regular expression: a hostile SVG
 * of 20 MB must not make the search slow. Any attribute order or quoting is accepted, so an SVG
 * re-saved by an editor still opens.
 */
function findMetadata(svg: string): { start: number; contentStart: number; contentEnd: number; end: number } | null {
  let from = 0;
  for (;;) {
    const mark = svg.indexOf(SVG_METADATA_ID, from);
    if (mark === -1) return null;
    from = mark + SVG_METADATA_ID.length;
    // Search only near the mark, so many marks cannot make each search scan the whole file.
    const before = svg.slice(Math.max(0, mark - TAG_WINDOW), mark).lastIndexOf('<');
    const after = svg.slice(mark, mark + TAG_WINDOW).indexOf('>');
    if (before === -1 || after === -1) continue;
    const start = Math.max(0, mark - TAG_WINDOW) + before;
    const tagEnd = mark + after;
    const tag = svg.slice(start, tagEnd + 1);
    if (!/^<metadata\s[^>]*\bid\s*=\s*["']archflow-diagram["']/i.test(tag)) continue;
    if (tag.endsWith('/>')) return null;
    const contentEnd = svg.indexOf('</metadata', tagEnd + 1);
    if (contentEnd === -1) return null;
    const close = svg.indexOf('>', contentEnd);
    return { start, contentStart: tagEnd + 1, contentEnd, end: close === -1 ? svg.length : close + 1 };
  }
}

function removeMetadata(svg: string): string {
  const found = findMetadata(svg);
  return found ? svg.slice(0, found.start) + svg.slice(found.end) : svg;
}

/** Text content: `&`, `<` and `>` become entities, so nothing inside can close or open a tag. */
function escapeXmlText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Character data as an XML parser would give it: entities and CDATA sections. Null when malformed. */
function decodeXmlText(body: string): string | null {
  let out = '';
  let at = 0;
  while (at < body.length) {
    const cdata = body.indexOf('<![CDATA[', at);
    const chunkEnd = cdata === -1 ? body.length : cdata;
    const chunk = body.slice(at, chunkEnd);
    if (chunk.includes('<')) return null;
    const decoded = decodeEntities(chunk);
    if (decoded === null) return null;
    out += decoded;
    if (cdata === -1) break;
    const cdataEnd = body.indexOf(']]>', cdata);
    if (cdataEnd === -1) return null;
    out += body.slice(cdata + 9, cdataEnd);
    at = cdataEnd + 3;
  }
  return out;
}

/** The first few characters of element content, cut where no entity or CDATA section is split. */
function leadingText(body: string): string {
  const head = body.slice(0, 64);
  const open = Math.max(head.lastIndexOf('&'), head.lastIndexOf('<'));
  return open === -1 || head.length < 64 ? head : head.slice(0, open);
}

/** The named references XML defines, as [name with its ";", character code]. */
const NAMED_REFERENCES: readonly (readonly [string, number])[] = [
  ['amp;', 0x26],
  ['lt;', 0x3c],
  ['gt;', 0x3e],
  ['quot;', 0x22],
  ['apos;', 0x27],
];

/**
 * Character data with its references decoded, or null when an `&` starts none. One pass over
 * character codes into a buffer, with no string or callback per reference: an SVG of millions
 * of `&amp;` decodes in about the time it takes to read it.
 */
function decodeEntities(text: string): string | null {
  if (!text.includes('&')) return text;
  const out = new Uint16Array(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x26) {
      out[n++] = c;
      continue;
    }
    const named = namedReferenceAt(text, i + 1);
    if (named) {
      out[n++] = named[1];
      i += named[0].length;
      continue;
    }
    const numeric = readCharacterReference(text, i + 1);
    if (!numeric) return null;
    const { code, end } = numeric;
    if (code > 0xffff) {
      out[n++] = 0xd800 + ((code - 0x10000) >> 10);
      out[n++] = 0xdc00 + ((code - 0x10000) & 0x3ff);
    } else {
      out[n++] = code;
    }
    i = end;
  }
  return UTF16.decode(out.subarray(0, n));
}

const UTF16 = new TextDecoder('utf-16le');

function namedReferenceAt(text: string, at: number): readonly [string, number] | undefined {
  // Most references are "&amp;": compared by character codes before the general search.
  if (
    text.charCodeAt(at) === 0x61 &&
    text.charCodeAt(at + 1) === 0x6d &&
    text.charCodeAt(at + 2) === 0x70 &&
    text.charCodeAt(at + 3) === 0x3b
  ) {
    return NAMED_REFERENCES[0];
  }
  return NAMED_REFERENCES.find(([name]) => text.startsWith(name, at));
}

/** The value of a hex or decimal digit's character code, or -1. */
function digitValue(c: number, hex: boolean): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (!hex) return -1;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
}

/** `#123;` or `#x7B;` at `at`: the code point and the index of the `;`, or null. */
function readCharacterReference(text: string, at: number): { code: number; end: number } | null {
  if (text.charCodeAt(at) !== 0x23) return null;
  const hex = text.charCodeAt(at + 1) === 0x78;
  const digitsAt = at + (hex ? 2 : 1);
  const maxDigits = hex ? 6 : 7;
  let code = 0;
  let i = digitsAt;
  for (; i < text.length && i - digitsAt <= maxDigits; i++) {
    const digit = digitValue(text.charCodeAt(i), hex);
    if (digit === -1) break;
    code = code * (hex ? 16 : 10) + digit;
  }
  const digits = i - digitsAt;
  if (digits === 0 || digits > maxDigits || text.charCodeAt(i) !== 0x3b || code > 0x10ffff) return null;
  return { code, end: i };
}

