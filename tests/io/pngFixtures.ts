/** Builds real PNG bytes for tests: chunks with correct CRCs, and a tiny valid image. */
import CRC32 from 'crc-32';
import { zlibSync } from 'fflate';

export const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function pngChunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, CRC32.buf(out.subarray(4, 8 + data.length)) >>> 0);
  return out;
}

export function concatBytes(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A real 2×1 RGB PNG: signature, IHDR, `extra` chunks, IDAT, IEND. */
export function tinyPng(extra: Uint8Array[] = []): Uint8Array {
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, 2);
  view.setUint32(4, 1);
  ihdr.set([8, 2, 0, 0, 0], 8);
  // One scanline: filter byte 0, then two RGB pixels.
  const pixels = zlibSync(Uint8Array.of(0, 255, 0, 0, 0, 0, 255));
  return concatBytes([Uint8Array.from(PNG_SIGNATURE), pngChunk('IHDR', ihdr), ...extra, pngChunk('IDAT', pixels), pngChunk('IEND', new Uint8Array())]);
}
