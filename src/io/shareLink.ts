/**
 * Share links: the whole diagram in the URL's hash, `#d=<payload>`, so it never reaches a server.
 *
 * Payload bytes, written as base64url without padding:
 *   [0]      link format version (1)
 *   [1..4]   length of the JSON in UTF-8 bytes, big-endian
 *   [5..8]   CRC-32 of those JSON bytes, big-endian
 *   [9..]    raw deflate (level 9) of the JSON: the version 1 file in the column layout of
 *            shareLinkDocument.ts
 *
 * Deflate carries no checksum that fflate checks, and a changed character can inflate to another
 * valid diagram; the CRC makes such a link fail instead. The length lets a link that claims to be
 * huge be refused before inflating anything, and stops a lying one as soon as it overruns.
 */
import CRC32 from 'crc-32';
import { deflateSync } from 'fflate';
import type { Diagram, ParseResult } from '../model/diagram';
import { formatFileSize, overLimit, utf8ByteLength } from '../model/fileSize';
import { LIMITS } from '../model/limits';
import { refusal } from '../model/plainData';
import { serializeDiagramFile } from '../model/serializeDiagramFile';
import { parseDiagramValue } from '../model/parseDiagramFile';
import { inflateLimited } from './inflateLimited';
import { fromLinkDocument, MalformedLinkDocument, toLinkDocument } from './shareLinkDocument';

export const SHARE_LINK_VERSION = 1;
/** Beyond this many characters common chat tools cut or refuse a message (the figure). */
export const SHARE_LINK_WARN_LENGTH = 8_000;

const HASH_KEY = 'd=';
const HEADER_BYTES = 9;

/** A full URL: `baseUrl` without its own hash, then `#d=<payload>`. */
export function serializeShareLink(diagram: Diagram, baseUrl: string): string {
  const json = new TextEncoder().encode(JSON.stringify(toLinkDocument(diagram)));
  const packed = deflateSync(json, { level: 9 });
  const bytes = new Uint8Array(HEADER_BYTES + packed.length);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, SHARE_LINK_VERSION);
  view.setUint32(1, json.length);
  view.setUint32(5, CRC32.buf(json) >>> 0);
  bytes.set(packed, HEADER_BYTES);
  const hashAt = baseUrl.indexOf('#');
  const base = hashAt === -1 ? baseUrl : baseUrl.slice(0, hashAt);
  return `${base}#${HASH_KEY}${toBase64Url(bytes)}`;
}

/** A sentence for the share dialog when the link is too long to paste into chat, else null. */
export function shareLinkWarning(url: string): string | null {
  if (url.length <= SHARE_LINK_WARN_LENGTH) return null;
  return (
    `This link is ${url.length.toLocaleString('en-US')} characters long; many chat tools cut or refuse ` +
    `messages over ${SHARE_LINK_WARN_LENGTH.toLocaleString('en-US')} characters. Save the diagram as a file and share that instead.`
  );
}

/**
 * Reads a share link: a full URL, its hash (`#d=…`) or the bare `d=…` part. Never throws.
 * Harmless damage is repaired (line breaks from wrapping, padding, the standard base64 alphabet,
 * a `+` turned into a space); the CRC decides whether a repair was right.
 */
export function parseShareLink(urlOrHash: string): ParseResult<Diagram> {
  try {
    return parseLink(urlOrHash);
  } catch {
    // Nothing above is expected to throw; a failure here must still be a message, not a crash.
    return refusal('invalid', '', 'This link could not be read: it is damaged.');
  }
}

function parseLink(input: string): ParseResult<Diagram> {
  if (typeof input !== 'string') return refusal('empty', '', 'There is no link to open.');
  if (input.length > LIMITS.maxFileBytes) {
    return refusal('too-large', '', 'This link is too long to be an Archflow diagram.');
  }
  const found = findPayload(unescapeUrlEncoding(input));
  if (!found) {
    return refusal('empty', '', 'This link holds no diagram: its address has no "#d=" part (was the end of the link lost?).');
  }
  const bad = findBadCharacter(found.text, found.start, found.end);
  if (bad) return bad;

  const raw = found.text
    .slice(found.start, found.end)
    .replace(/[\r\n\t]/g, '')
    .trim()
    .replace(/=+$/, '')
    .replace(/\+/g, '-')
    .replace(/\//g, '_');
  if (raw === '') return refusal('empty', '', 'This link holds no diagram: the part after "#d=" is empty.');
  if (!raw.includes(' ')) return decodePayload(raw, []);
  // A chat tool adds a space where it wraps; "+" read as a space is one character in 64. Text
  // with spaces all through it is not a damaged link, and repairing it would cost seconds.
  if (countUpTo(raw, ' ', MAX_SPACES_PER_CHARACTER * raw.length + 64) > MAX_SPACES_PER_CHARACTER * raw.length + 64) {
    return notALink(raw, 'has spaces all through it; a link has none, or a few where it was wrapped');
  }

  // Form decoding turns "+" into a space; chat tools sometimes add spaces. Both readings are
  // judged by their 9-byte header first, which costs a few characters: text that merely starts
  // with "#d=" is refused before megabytes are decoded, and a header that exists only in one
  // repaired reading is not reported as a link format.
  const readings = [
    { text: (t: string) => t.replace(/ /g, '-'), notices: ['Spaces in the link were read as "+" signs.'] },
    { text: (t: string) => t.replace(/ /g, ''), notices: ['Spaces in the link were ignored.'] },
  ];
  const versions = readings.map((reading) => readHeader(reading.text(raw.slice(0, HEADER_CHARS * 2)))?.version);
  const headed = readings.filter((_, i) => versions[i] === SHARE_LINK_VERSION);
  if (headed.length === 0) {
    // Spaces only after the header leave both readings the same: that header speaks for itself.
    const [plus, removed] = versions;
    return plus !== undefined && plus === removed ? versionFailure(plus) : notALink(raw, 'does not begin the way an Archflow link begins');
  }
  let first: ParseResult<Diagram> | undefined;
  for (const reading of headed) {
    const decoded = decodePayload(reading.text(raw), reading.notices);
    if (decoded.ok) return decoded;
    first ??= decoded;
  }
  return first!;
}

/** Base64 characters that hold the 9-byte header. */
const HEADER_CHARS = 12;

function readHeader(text: string): { version: number; length: number; crc: number } | null {
  const head = text.slice(0, HEADER_CHARS);
  if (head.length < HEADER_CHARS) return null;
  const bytes = fromBase64Url(head);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { version: view.getUint8(0), length: view.getUint32(1), crc: view.getUint32(5) };
}

/** More spaces than this per character cannot come from wrapping or from "+" signs. */
const MAX_SPACES_PER_CHARACTER = 1 / 32;

/** How many times `ch` occurs in `text`, counting no further than `limit + 1`. */
function countUpTo(text: string, ch: string, limit: number): number {
  let count = 0;
  for (let at = text.indexOf(ch); at !== -1 && count <= limit; at = text.indexOf(ch, at + 1)) count++;
  return count;
}

/** Pasted or followed text that starts with "#d=" like a link, and is something else. */
function notALink(raw: string, what: string): ParseResult<never> {
  return refusal(
    'not-archflow', '',
    `This is not an Archflow link: the text after "#d=" (${raw.length.toLocaleString('en-US')} characters) ${what}.`,
  );
}

/**
 * A followed link reaches the app through `location.hash`, which the browser percent-encodes, and
 * a link copied from the address bar is encoded the same way: a space comes as "%20". Only the
 * escapes of characters a link may hold (after the repairs below) are undone.
 */
const URL_ESCAPES: Readonly<Record<string, string>> = { '%20': ' ', '%2B': '+', '%2F': '/', '%3D': '=' };

function unescapeUrlEncoding(input: string): string {
  return input.includes('%') ? input.replace(/%(?:20|2B|2F|3D)/gi, (m) => URL_ESCAPES[m.toUpperCase()] ?? m) : input;
}

function findPayload(input: string): { text: string; start: number; end: number } | null {
  const hashAt = input.indexOf('#');
  // Without a "#", only the bare `d=…` part itself: a query string's `d=` is someone else's.
  if (hashAt === -1 && !input.trimStart().startsWith(HASH_KEY)) return null;
  const from = hashAt === -1 ? 0 : hashAt + 1;
  const hash = input.slice(from);
  let offset = 0;
  for (const part of hash.split('&')) {
    const trimmed = part.trimStart();
    if (trimmed.startsWith(HASH_KEY)) {
      const start = from + offset + (part.length - trimmed.length) + HASH_KEY.length;
      return { text: input, start, end: from + offset + part.length };
    }
    offset += part.length + 1;
  }
  return null;
}

function findBadCharacter(input: string, start: number, end: number): ParseResult<never> | null {
  const payload = input.slice(start, end);
  // Padding may only close the link; anything after the first "=" must be more padding.
  const padAt = payload.indexOf('=');
  const checked = padAt !== -1 && /^[=\s]*$/.test(payload.slice(padAt)) ? payload.slice(0, padAt) : payload;
  const match = /[^A-Za-z0-9_\-+/ \r\n\t]/u.exec(checked);
  if (!match) return null;
  const ch = match[0];
  const cp = ch.codePointAt(0) ?? 0;
  const shown = cp >= 0x21 && cp <= 0x7e ? `"${ch}"` : `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return refusal(
    'invalid', '',
    `This link is damaged: it has the character ${shown} at position ${start + match.index + 1}, which cannot be in an Archflow link.`,
  );
}

const CUT_SHORT = 'This link is incomplete: it looks cut short. Copy the whole link and try again.';
const DAMAGED =
  'This link is damaged: its checksum does not match, so a character was changed or lost. Ask for the link again, or for the file.';

function decodePayload(text: string, notices: string[]): ParseResult<Diagram> {
  if (text.length % 4 === 1) return refusal('invalid', '', CUT_SHORT);
  // The header decides before the payload is decoded, so a long text that is no link costs
  // nothing more than reading its first characters.
  const version = fromBase64Url(text.slice(0, 4))[0];
  if (version === undefined) return refusal('empty', '', 'This link holds no diagram: the part after "#d=" is empty.');
  if (version !== SHARE_LINK_VERSION) return versionFailure(version);
  const header = readHeader(text);
  if (!header || text.length <= HEADER_CHARS) return refusal('invalid', '', CUT_SHORT);
  const { length, crc } = header;
  if (length > LIMITS.maxFileBytes) return tooLarge();
  // Deflate never grows its input by more than 5 bytes per 64 KiB block (level 9 stores what it
  // cannot shrink): more payload than that cannot be this link's, whatever else it is.
  const payloadBytes = Math.floor((text.length * 3) / 4) - HEADER_BYTES;
  if (payloadBytes > length + 5 * Math.ceil((length + 1) / 0xffff) + 16) {
    return refusal(
      'invalid', '',
      `This link is damaged: it holds ${payloadBytes.toLocaleString('en-US')} bytes of packed data, more than its ` +
        `${length.toLocaleString('en-US')}-byte diagram can take. Ask for the link again, or for the file.`,
    );
  }

  const bytes = fromBase64Url(text);
  const inflated = inflateLimited(bytes.subarray(HEADER_BYTES), length, 'deflate');
  if (!inflated.ok) {
    // Overrunning a length within the limit is damage, not size: the header said otherwise.
    return refusal('invalid', '', inflated.reason === 'truncated' ? CUT_SHORT : DAMAGED);
  }
  const json = inflated.bytes;
  if (json.length !== length || CRC32.buf(json) >>> 0 !== crc) return refusal('invalid', '', DAMAGED);

  let file: Record<string, unknown>;
  try {
    file = fromLinkDocument(JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json)));
  } catch (error) {
    // The checksum matched, so this was written this way on purpose: not by Archflow.
    if (error instanceof MalformedLinkDocument || error instanceof SyntaxError) {
      return refusal('not-archflow', '', 'This link does not hold an Archflow diagram in a form Archflow writes.');
    }
    return refusal('invalid', '', DAMAGED);
  }
  const parsed = parseDiagramValue(file);
  if (!parsed.ok) return parsed;
  // The link packs the diagram in columns, smaller than the file it becomes: measured as that
  // file, so a diagram that opens can always be saved (and an 8 kB link is not 50 MB of work).
  const fileBytes = utf8ByteLength(serializeDiagramFile(parsed.value));
  if (fileBytes > LIMITS.maxFileBytes) {
    return refusal(
      'too-large', '',
      `This link's diagram, saved as a file, ${overLimit(fileBytes, LIMITS.maxFileBytes)}; it was not opened.`,
    );
  }
  return { ok: true, value: parsed.value, notices: [...notices, ...parsed.notices] };
}

function versionFailure(version: number): ParseResult<never> {
  return version > SHARE_LINK_VERSION
    ? refusal(
        'newer-version', '',
        `This link uses link format ${version}, made by a newer Archflow (this one reads format ${SHARE_LINK_VERSION}), or it is damaged.`,
      )
    : refusal('bad-version', '', `This link is damaged: link format ${version} does not exist.`);
}

function tooLarge(): ParseResult<never> {
  return refusal(
    'too-large', '',
    `This link's diagram would be larger than ${formatFileSize(LIMITS.maxFileBytes)}, the most Archflow opens; it was not unpacked.`,
  );
}


function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  // Chunked so String.fromCharCode never receives more arguments than the engine allows.
  for (let at = 0; at < bytes.length; at += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  }
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** `text` holds only base64url characters and its length is not 1 more than a multiple of 4. */
function fromBase64Url(text: string): Uint8Array {
  const standard = text.replace(/-/g, '+').replace(/_/g, '/');
  const binary = atob(standard + '='.repeat((4 - (standard.length % 4)) % 4));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
