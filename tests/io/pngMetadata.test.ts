import CRC32 from 'crc-32';
import { unzlibSync, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { embedDiagramInPng, extractDiagramFromPng, isPng } from '../../src/io/pngMetadata';
import { LIMITS } from '../../src/model/limits';
import { concatBytes as concat, pngChunk as chunk, tinyPng } from './pngFixtures';


interface ParsedChunk {
  type: string;
  data: Uint8Array;
  crcOk: boolean;
}

function chunksOf(png: Uint8Array): ParsedChunk[] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const list: ParsedChunk[] = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = new TextDecoder().decode(png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    const crc = view.getUint32(at + 8 + length);
    list.push({ type, data, crcOk: (CRC32.buf(png.subarray(at + 4, at + 8 + length)) >>> 0) === crc });
    at += 12 + length;
  }
  return list;
}

const JSON_TEXT = JSON.stringify({ format: 'archflow', title: 'Ünïcode 👩‍💻 <script>', nodes: [] });

describe('embedDiagramInPng', () => {
  it('adds one iTXt chunk named archflow just before IEND, with every CRC right', () => {
    const png = embedDiagramInPng(tinyPng(), JSON_TEXT);
    const chunks = chunksOf(png);
    expect(chunks.map((c) => c.type)).toEqual(['IHDR', 'IDAT', 'iTXt', 'IEND']);
    expect(chunks.every((c) => c.crcOk)).toBe(true);
    const itxt = chunks[2]!.data;
    const keywordEnd = itxt.indexOf(0);
    expect(new TextDecoder().decode(itxt.subarray(0, keywordEnd))).toBe('archflow');
    // Compressed with zlib (flag 1, method 0), empty language and translated keyword.
    expect(Array.from(itxt.subarray(keywordEnd, keywordEnd + 5))).toEqual([0, 1, 0, 0, 0]);
    expect(new TextDecoder().decode(unzlibSync(itxt.subarray(keywordEnd + 5)))).toBe(JSON_TEXT);
  });

  it('leaves the image bytes alone', () => {
    const original = tinyPng();
    const png = embedDiagramInPng(original, JSON_TEXT);
    const before = chunksOf(original).filter((c) => c.type !== 'iTXt');
    const after = chunksOf(png).filter((c) => c.type !== 'iTXt');
    expect(after).toEqual(before);
  });

  it('replaces the diagram of a PNG that already has one', () => {
    const once = embedDiagramInPng(tinyPng(), '{"first":1}');
    const twice = embedDiagramInPng(once, JSON_TEXT);
    expect(chunksOf(twice).filter((c) => c.type === 'iTXt')).toHaveLength(1);
    const result = extractDiagramFromPng(twice);
    expect(result.ok && result.value).toBe(JSON_TEXT);
  });

  it('refuses input that is not a PNG', () => {
    expect(() => embedDiagramInPng(new TextEncoder().encode('hello'), JSON_TEXT)).toThrow();
  });
});

describe('extractDiagramFromPng', () => {
  it('gives back the embedded JSON exactly', () => {
    const result = extractDiagramFromPng(embedDiagramInPng(tinyPng(), JSON_TEXT));
    expect(result).toEqual({ ok: true, value: JSON_TEXT, notices: [] });
  });

  it('reads an uncompressed archflow iTXt chunk too', () => {
    const data = concat([new TextEncoder().encode('archflow'), Uint8Array.of(0, 0, 0, 0, 0), new TextEncoder().encode(JSON_TEXT)]);
    const result = extractDiagramFromPng(tinyPng([chunk('iTXt', data)]));
    expect(result.ok && result.value).toBe(JSON_TEXT);
  });

  it('says when a PNG has no diagram in it', () => {
    const other = concat([new TextEncoder().encode('Comment'), Uint8Array.of(0, 0, 0, 0, 0), new TextEncoder().encode('hi')]);
    for (const png of [tinyPng(), tinyPng([chunk('iTXt', other)])]) {
      const result = extractDiagramFromPng(png);
      expect(!result.ok && result.error.message).toBe('This PNG has no Archflow diagram in it.');
    }
  });

  it('says when a file is not a PNG', () => {
    for (const bytes of [new Uint8Array(), new TextEncoder().encode('{"format":"archflow"}'), Uint8Array.of(0xff, 0xd8, 0xff, 0xe0)]) {
      const result = extractDiagramFromPng(bytes);
      expect(!result.ok && result.error.message).toBe('This file is not a PNG image.');
    }
    expect(isPng(tinyPng())).toBe(true);
  });

  it('says when the PNG is cut short before its diagram ends', () => {
    const png = embedDiagramInPng(tinyPng(), JSON_TEXT);
    const iTxtEnd = png.length - 12;
    for (const length of [9, 20, 40, iTxtEnd - 1, iTxtEnd - 30]) {
      const result = extractDiagramFromPng(png.subarray(0, length));
      expect(result.ok, `cut at ${length}`).toBe(false);
      expect(!result.ok && result.error.message).toMatch(/cut short/);
    }
  });

  it('refuses a diagram chunk whose checksum does not match', () => {
    const png = embedDiagramInPng(tinyPng(), JSON_TEXT).slice();
    // A byte inside the compressed text of the iTXt chunk (the chunk before the 12-byte IEND).
    const at = png.length - 12 - 4 - 3;
    png[at] = (png[at] ?? 0) ^ 0x01;
    const result = extractDiagramFromPng(png);
    expect(!result.ok && result.error.message).toMatch(/damaged.*checksum/);
  });

  it('refuses damaged text even when the checksum was recomputed', () => {
    const data = concat([new TextEncoder().encode('archflow'), Uint8Array.of(0, 1, 0, 0, 0), Uint8Array.of(1, 2, 3, 4, 5, 6)]);
    const result = extractDiagramFromPng(tinyPng([chunk('iTXt', data)]));
    expect(!result.ok && result.error.message).toMatch(/damaged/);
  });

  it('refuses a chunk that inflates past the size limit', () => {
    const bomb = zlibSync(new Uint8Array(LIMITS.maxFileBytes + 1024 * 1024).fill(0x20), { level: 9 });
    const data = concat([new TextEncoder().encode('archflow'), Uint8Array.of(0, 1, 0, 0, 0), bomb]);
    const result = extractDiagramFromPng(tinyPng([chunk('iTXt', data)]));
    expect(!result.ok && result.error.code).toBe('too-large');
  });

  it('refuses a chunk with an impossible length', () => {
    const png = tinyPng().slice();
    new DataView(png.buffer).setUint32(8 + 25, 0xffffffff);
    const result = extractDiagramFromPng(png);
    expect(result.ok).toBe(false);
  });
});
