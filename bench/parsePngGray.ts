/**
 * A PNG file → its pixels as one grey level per pixel (alpha composited on white), for the
 * export content check (bench/imageLabels.ts). Streams the image data through fflate's inflater
 * one row at a time, so a 16,000 × 6,000 px export needs ~100 MB (one byte a pixel), not the
 * 400 MB its RGBA would. Handles what browsers and the app write: 8-bit grey, grey + alpha, RGB,
 * RGBA, not interlaced; anything else is refused with the reason, never guessed at.
 */
import { Unzlib } from 'fflate';

export interface GrayImage {
  width: number;
  height: number;
  /** Row-major, `width × height` grey levels 0–255 (white = 255). */
  gray: Uint8Array;
}

export type ParsedPng = { ok: true; image: GrayImage } | { ok: false; reason: string };

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Channels per pixel by PNG colour type (3, palette, is not written by either side). */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Undoes one row's filter in place (`prev` is the row above, zeros for the first). */
function unfilter(filter: number, row: Uint8Array, prev: Uint8Array, bpp: number): void {
  const n = row.length;
  switch (filter) {
    case 0:
      return;
    case 1:
      for (let i = bpp; i < n; i++) row[i] = (row[i]! + row[i - bpp]!) & 255;
      return;
    case 2:
      for (let i = 0; i < n; i++) row[i] = (row[i]! + prev[i]!) & 255;
      return;
    case 3:
      for (let i = 0; i < n; i++) row[i] = (row[i]! + (((i >= bpp ? row[i - bpp]! : 0) + prev[i]!) >> 1)) & 255;
      return;
    case 4:
      for (let i = 0; i < n; i++) row[i] = (row[i]! + paeth(i >= bpp ? row[i - bpp]! : 0, prev[i]!, i >= bpp ? prev[i - bpp]! : 0)) & 255;
      return;
    default:
      throw new Error(`unknown row filter ${filter}`);
  }
}

/** One grey level per pixel of an unfiltered row: luma, then alpha over white. */
function toGray(row: Uint8Array, channels: number, out: Uint8Array, at: number): void {
  const width = row.length / channels;
  for (let x = 0, i = 0; x < width; x++, i += channels) {
    const luma = channels >= 3 ? (row[i]! * 299 + row[i + 1]! * 587 + row[i + 2]! * 114) / 1000 : row[i]!;
    const alpha = channels === 4 ? row[i + 3]! : channels === 2 ? row[i + 1]! : 255;
    out[at + x] = Math.round((luma * alpha + 255 * (255 - alpha)) / 255);
  }
}

export function parsePngGray(bytes: Uint8Array): ParsedPng {
  if (bytes.length < 33 || SIGNATURE.some((b, i) => bytes[i] !== b)) return { ok: false, reason: 'not a PNG (signature)' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const width = view.getUint32(16);
  const height = view.getUint32(20);
  const [depth, colorType, , , interlace] = bytes.subarray(24, 29);
  const channels = CHANNELS[colorType!];
  if (depth !== 8 || channels === undefined) return { ok: false, reason: `unsupported PNG: bit depth ${depth}, colour type ${colorType}` };
  if (interlace !== 0) return { ok: false, reason: 'unsupported PNG: interlaced' };
  if (width === 0 || height === 0 || width * height > 2 ** 30) return { ok: false, reason: `unsupported PNG size ${width}×${height}` };

  const gray = new Uint8Array(width * height);
  const stride = width * channels;
  let prev = new Uint8Array(stride);
  let row = new Uint8Array(stride);
  let filter = -1;
  let filled = 0;
  let y = 0;
  let failure: string | null = null;
  const inflater = new Unzlib((chunk) => {
    for (let i = 0; i < chunk.length && failure === null; ) {
      if (y >= height) {
        failure = 'more image data than rows';
        break;
      }
      if (filter < 0) {
        filter = chunk[i++]!;
        continue;
      }
      const take = Math.min(stride - filled, chunk.length - i);
      row.set(chunk.subarray(i, i + take), filled);
      filled += take;
      i += take;
      if (filled < stride) continue;
      try {
        unfilter(filter, row, prev, channels);
      } catch (error) {
        failure = (error as Error).message;
        break;
      }
      toGray(row, channels, gray, y * width);
      [prev, row] = [row, prev];
      filter = -1;
      filled = 0;
      y++;
    }
  });
  try {
    for (let at = 8; at + 8 <= bytes.length; ) {
      const length = view.getUint32(at);
      const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
      if (at + 12 + length > bytes.length) return { ok: false, reason: `chunk ${type} runs past the end of the file` };
      if (type === 'IDAT') inflater.push(bytes.subarray(at + 8, at + 8 + length));
      if (type === 'IEND') break;
      at += 12 + length;
    }
    inflater.push(new Uint8Array(0), true);
  } catch (error) {
    return { ok: false, reason: `image data does not inflate: ${(error as Error).message}` };
  }
  if (failure !== null) return { ok: false, reason: failure };
  if (y !== height) return { ok: false, reason: `image data ends after ${y} of ${height} rows` };
  return { ok: true, image: { width, height, gray } };
}
