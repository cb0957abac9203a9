import fc from 'fast-check';
import { unzlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createPngStream } from '../../src/io/composePng';
import { diagramPngChunk, extractDiagramFromPng } from '../../src/io/pngMetadata';

/** A minimal reader for what createPngStream writes: size, and RGBA pixels after undoing the filters. */
function readPng(png: Uint8Array): { width: number; height: number; rgba: Uint8Array } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(Array.from(png.subarray(0, 8))).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let width = 0;
  let height = 0;
  const idat: Uint8Array[] = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      expect(Array.from(data.subarray(8))).toEqual([8, 6, 0, 0, 0]);
    }
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  const raw = unzlibSync(Uint8Array.from(idat.flatMap((d) => Array.from(d))));
  const stride = width * 4;
  const rgba = new Uint8Array(stride * height);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    expect(filter).toBe(1);
    for (let i = 0; i < stride; i++) {
      const left = i >= 4 ? rgba[y * stride + i - 4]! : 0;
      rgba[y * stride + i] = (raw[y * (stride + 1) + 1 + i]! + left) & 0xff;
    }
  }
  return { width, height, rgba };
}

describe('createPngStream', () => {
  it('writes a 2×2 image whose pixels read back exactly', () => {
    const pixels = Uint8Array.of(255, 0, 0, 255, 0, 255, 0, 128, 0, 0, 255, 0, 10, 20, 30, 40);
    const stream = createPngStream(2, 2);
    stream.push(pixels.subarray(0, 8), 1);
    stream.push(pixels.subarray(8), 1);
    const png = stream.finish();
    expect(readPng(png)).toEqual({ width: 2, height: 2, rgba: pixels });
    expect(String.fromCharCode(...png.subarray(png.length - 8, png.length - 4))).toBe('IEND');
  });

  it('gives the same pixels however the rows are split into bands', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.integer({ min: 1, max: 12 }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 2 ** 31 - 1 }),
        (width, height, bandSizes, seed) => {
          const pixels = new Uint8Array(width * height * 4);
          let x = seed;
          for (let i = 0; i < pixels.length; i++) pixels[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
          const stream = createPngStream(width, height);
          for (let row = 0, b = 0; row < height; b++) {
            const rows = Math.min(bandSizes[b % bandSizes.length]!, height - row);
            stream.push(pixels.slice(row * width * 4, (row + rows) * width * 4), rows);
            row += rows;
          }
          expect(readPng(stream.finish()).rgba).toEqual(pixels);
        },
      ),
    );
  });

  it('carries the diagram when its chunk is given, readable as any Archflow PNG', () => {
    const stream = createPngStream(1, 1);
    stream.push(Uint8Array.of(1, 2, 3, 4), 1);
    const png = stream.finish([diagramPngChunk('{"title":"Shop"}')]);
    expect(extractDiagramFromPng(png)).toMatchObject({ ok: true, value: '{"title":"Shop"}' });
  });

  it('refuses too many rows, and finishing before the last row', () => {
    const stream = createPngStream(1, 2);
    expect(() => stream.push(new Uint8Array(12), 3)).toThrow(/more rows/);
    stream.push(new Uint8Array(4), 1);
    expect(() => stream.finish()).toThrow(/1 of 2 rows/);
  });
});
