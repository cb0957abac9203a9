/**
 * The diagram inside an exported SVG: the JSON as escaped text in a `<metadata>` element, so
 * opening the SVG in Archflow restores the editable diagram and no label can end the element,
 * open a tag or break the XML.
 */
import type { DiagramErrorCode, ParseResult } from '../model/diagram';
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
    return failure('invalid', 'The Archflow diagram in this SVG is damaged.');
  }
}

function extract(svg: string): ParseResult<string> {
  if (!/<svg[\s>]/i.test(svg)) return failure('not-archflow', 'This file is not an SVG image.');
  const found = findMetadata(svg);
  if (!found) return failure('empty', 'This SVG has no Archflow diagram in it.');
  const body = svg.slice(found.contentStart, found.contentEnd);
  const text = decodeXmlText(body);
  if (text === null) return failure('invalid', 'The Archflow diagram in this SVG is damaged.');
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

const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

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

function decodeEntities(text: string): string | null {
  let bad = false;
  const decoded = text.replace(/&(#x[0-9a-fA-F]{1,6}|#[0-9]{1,7}|[a-zA-Z]{1,8});|&/g, (whole, name?: string) => {
    if (name === undefined) {
      bad = true;
      return whole;
    }
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      if (code > 0x10ffff) {
        bad = true;
        return whole;
      }
      return String.fromCodePoint(code);
    }
    const named = Object.hasOwn(NAMED, name) ? NAMED[name] : undefined;
    if (named === undefined) bad = true;
    return named ?? whole;
  });
  return bad ? null : decoded;
}

function failure(code: DiagramErrorCode, message: string): ParseResult<never> {
  return { ok: false, error: { code, path: '', message } };
}
