/**
 * The diagram inside an exported PNG: a compressed iTXt chunk with the keyword `archflow`, so
 * opening or dropping the image restores the editable diagram. Image viewers skip the chunk.
 *
 * PNG layout: an 8-byte signature, then chunks of [length u32 BE][type 4 bytes][data][CRC-32 of
 * type + data]. iTXt data: keyword, NUL, compression flag, compression method, language tag,
 * NUL, translated keyword, NUL, text (UTF-8; zlib-compressed when the flag is 1).
 */
import CRC32 from 'crc-32';
import { zlibSync } from 'fflate';
import type { ParseResult } from '../model/diagram';
import { concat, pngChunk } from './composePng';
import { formatFileSize } from '../model/fileSize';
import { LIMITS } from '../model/limits';
import { refusal } from '../model/plainData';
import { inflateLimited } from './inflateLimited';
import { xmlSafeJson } from './xmlText';

export const PNG_KEYWORD = 'archflow';

import { isPng, PNG_SIGNATURE as SIGNATURE } from './pngSignature';
/** Chunk lengths are limited to 2^31 - 1 by the PNG specification. */
const MAX_CHUNK_LENGTH = 0x7fffffff;
const ASCII = new TextEncoder();

export { isPng };

/**
 * A copy of `png` with `json` in an `archflow` iTXt chunk just before IEND (any older Archflow
 * chunk is dropped). Throws on input that is not a whole PNG: that is a programming error, since
 * the PNG comes from our own canvas.
 */
export function embedDiagramInPng(png: Uint8Array, json: string): Uint8Array {
  if (!isPng(png)) throw new Error('embedDiagramInPng: not a PNG');
  const kept: Uint8Array[] = [png.subarray(0, SIGNATURE.length)];
  let iend: Uint8Array | undefined;
  for (const chunk of walkChunks(png)) {
    if (chunk.kind !== 'chunk') throw new Error('embedDiagramInPng: the PNG is damaged');
    const whole = png.subarray(chunk.start, chunk.end);
    if (chunk.type === 'IEND') {
      iend = whole;
      break;
    }
    if (chunk.type === 'iTXt' && keywordOf(chunk.data) === PNG_KEYWORD) continue;
    kept.push(whole);
  }
  if (!iend) throw new Error('embedDiagramInPng: the PNG has no IEND chunk');
  kept.push(diagramPngChunk(json), iend);
  return concat(kept);
}

/** The diagram JSON inside a PNG made by Archflow. Never throws. */
export function extractDiagramFromPng(png: Uint8Array): ParseResult<string> {
  try {
    return extract(png);
  } catch {
    return refusal('invalid', '', 'This PNG could not be read: it is damaged.');
  }
}

function extract(png: Uint8Array): ParseResult<string> {
  if (!isPng(png)) return refusal('not-archflow', '', 'This file is not a PNG image.');
  for (const chunk of walkChunks(png)) {
    if (chunk.kind === 'truncated') {
      return refusal('invalid', '', 'This PNG is incomplete (cut short), and the Archflow diagram in it was lost.');
    }
    if (chunk.kind === 'bad-length') return refusal('invalid', '', 'This PNG is damaged: a chunk has an impossible length.');
    if (chunk.type === 'IEND') break;
    if (chunk.type !== 'iTXt' || keywordOf(chunk.data) !== PNG_KEYWORD) continue;
    if (crcOf(png.subarray(chunk.start + 4, chunk.end - 4)) !== chunk.crc) {
      return refusal('invalid', '', 'The Archflow diagram in this PNG is damaged: its checksum does not match.');
    }
    return readITxt(chunk.data);
  }
  return refusal('empty', '', 'This PNG has no Archflow diagram in it.');
}

function readITxt(data: Uint8Array): ParseResult<string> {
  const damaged = refusal('invalid', '', 'The Archflow diagram in this PNG is damaged.');
  let at = PNG_KEYWORD.length + 1;
  const compressed = data[at];
  const method = data[at + 1];
  at += 2;
  for (let field = 0; field < 2; field++) {
    // Language tag, then translated keyword: both NUL-terminated and ignored.
    const nul = data.indexOf(0, at);
    if (nul === -1) return damaged;
    at = nul + 1;
  }
  let bytes = data.subarray(at);
  if (compressed === 1) {
    if (method !== 0) return damaged;
    const inflated = inflateLimited(bytes, LIMITS.maxFileBytes, 'zlib');
    if (!inflated.ok) {
      if (inflated.reason !== 'too-large') return damaged;
      return refusal('too-large', '', `The diagram in this PNG would be larger than ${formatFileSize(LIMITS.maxFileBytes)}, the most Archflow opens.`);
    }
    bytes = inflated.bytes;
  } else if (compressed !== 0) {
    return damaged;
  }
  try {
    return { ok: true, value: new TextDecoder('utf-8', { fatal: true }).decode(bytes), notices: [] };
  } catch {
    return damaged;
  }
}

type WalkedChunk =
  | { kind: 'chunk'; type: string; start: number; end: number; data: Uint8Array; crc: number }
  | { kind: 'truncated' }
  | { kind: 'bad-length' };

/** Chunks in order; stops after reporting a chunk that runs past the end of the bytes. */
function* walkChunks(png: Uint8Array): Generator<WalkedChunk> {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let at: number = SIGNATURE.length;
  while (at < png.length) {
    if (at + 12 > png.length) {
      yield { kind: 'truncated' };
      return;
    }
    const length = view.getUint32(at);
    if (length > MAX_CHUNK_LENGTH) {
      yield { kind: 'bad-length' };
      return;
    }
    const end = at + 12 + length;
    if (end > png.length) {
      yield { kind: 'truncated' };
      return;
    }
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    yield { kind: 'chunk', type, start: at, end, data, crc: view.getUint32(end - 4) };
    at = end;
  }
  // Ran out of bytes without IEND: the file was cut at a chunk boundary.
  yield { kind: 'truncated' };
}

function keywordOf(data: Uint8Array): string {
  const nul = data.indexOf(0);
  // Keywords are 1–79 Latin-1 characters.
  if (nul < 1 || nul > 79) return '';
  return String.fromCharCode(...data.subarray(0, nul));
}

/** The `archflow` iTXt chunk holding `json`, whole (length, type, data, CRC). */
export function diagramPngChunk(json: string): Uint8Array {
  return pngChunk('iTXt', iTxtData(json));
}

function iTxtData(json: string): Uint8Array {
  // UTF-8 cannot hold a lone surrogate (TextEncoder would swap it for U+FFFD): it travels as a
  // JSON escape, so the diagram reads back exactly.
  const text = zlibSync(new TextEncoder().encode(xmlSafeJson(json)), { level: 9 });
  const head = ASCII.encode(PNG_KEYWORD);
  // keyword NUL, compressed = 1, method = 0 (zlib), empty language tag NUL, empty translation NUL
  return concat([head, Uint8Array.of(0, 1, 0, 0, 0), text]);
}

function crcOf(bytes: Uint8Array): number {
  return CRC32.buf(bytes) >>> 0;
}


