/**
 * A PNG written a band of rows at a time: each band's RGBA rows are filtered and fed to one
 * streaming zlib (fflate), so no copy of the whole bitmap is ever made. The PNG painter's worker
 * (paintPng.worker.ts) falls back to it when the browser's encoder refuses its canvas; this file
 * is plain data in, bytes out, so it is tested directly.
 *
 * Always 8-bit RGBA, non-interlaced. Every row uses the Sub filter (each byte minus the byte one
 * pixel to its left): a diagram is mostly flat colour, which Sub turns into runs of zeros, and
 * it needs no previous row, so bands are independent.
 */
import CRC32 from 'crc-32';
import { Zlib } from 'fflate';

const SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const ASCII = new TextEncoder();
/** Sub filter type byte at the start of each row. */
const FILTER_SUB = 1;
/**
 * fflate's level 2 keeps the encode near the browser's own `toBlob` in time on large exports;
 * diagrams' flat colours compress well at any level.
 */
export const PNG_LEVEL = 2;

export interface PngStream {
  /** Appends `rows` rows of RGBA pixels (`width * 4` bytes each), top to bottom. */
  push(rgba: Uint8Array, rows: number): void;
  /** Rows pushed so far. */
  readonly rows: number;
  /** The whole file, with `extraChunks` (whole chunks, e.g. the diagram's iTXt) before IEND. */
  finish(extraChunks?: readonly Uint8Array[]): Uint8Array;
}

export function createPngStream(width: number, height: number, level = PNG_LEVEL): PngStream {
  if (!(Number.isInteger(width) && Number.isInteger(height) && width > 0 && height > 0)) {
    throw new Error(`createPngStream: bad size ${width}×${height}`);
  }
  const stride = width * 4;
  const compressed: Uint8Array[] = [];
  const zlib = new Zlib({ level: level as 1 }, (data) => compressed.push(data));
  let rows = 0;
  return {
    get rows() {
      return rows;
    },
    push(rgba, count) {
      if (rgba.length < count * stride) throw new Error('PngStream.push: fewer bytes than rows');
      if (rows + count > height) throw new Error('PngStream.push: more rows than the image has');
      const filtered = new Uint8Array(count * (stride + 1));
      for (let r = 0; r < count; r++) {
        const from = r * stride;
        const to = r * (stride + 1);
        filtered[to] = FILTER_SUB;
        for (let i = 0; i < 4; i++) filtered[to + 1 + i] = rgba[from + i]!;
        for (let i = 4; i < stride; i++) filtered[to + 1 + i] = (rgba[from + i]! - rgba[from + i - 4]!) & 0xff;
      }
      rows += count;
      zlib.push(filtered, false);
    },
    finish(extraChunks = []) {
      if (rows !== height) throw new Error(`PngStream.finish: ${rows} of ${height} rows`);
      zlib.push(new Uint8Array(0), true);
      const header = new Uint8Array(13);
      const view = new DataView(header.buffer);
      view.setUint32(0, width);
      view.setUint32(4, height);
      header.set([8, 6, 0, 0, 0], 8);
      return concat([SIGNATURE, pngChunk('IHDR', header), ...compressed.map((data) => pngChunk('IDAT', data)), ...extraChunks, pngChunk('IEND', new Uint8Array(0))]);
    },
  };
}

/** One chunk: [length u32 BE][type][data][CRC-32 of type + data]. */
export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(ASCII.encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, CRC32.buf(out.subarray(4, 8 + data.length)) >>> 0);
  return out;
}

/** The parts one after another in one array. */
export function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
