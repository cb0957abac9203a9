import fc from 'fast-check';
import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { compareLabelCounts, countLabels } from '../../bench/imageLabels';
import { parsePngGray, type GrayImage } from '../../bench/parsePngGray';

/** A white canvas with edge-like lines, as both sides draw a diagram without its labels. */
function canvas(width: number, height: number): GrayImage {
  const gray = new Uint8Array(width * height).fill(255);
  for (let y = 40; y < height; y += 120) gray.fill(90, y * width, y * width + width);
  return { width, height, gray };
}

function rect(image: GrayImage, x: number, y: number, w: number, h: number, level: number): void {
  for (let r = y; r < y + h; r++) image.gray.fill(level, r * image.width + x, r * image.width + x + w);
}

/** A label as text draws it at 2×: words of letters 3 px apart, words 8 px apart (a space). */
function label(image: GrayImage, x: number, y: number, words = 2): void {
  let at = x;
  for (let word = 0; word < words; word++) {
    for (let letter = 0; letter < 4; letter++) {
      rect(image, at, y, 9, 20, 30);
      at += 9 + 3;
    }
    at += 5;
  }
}

/** `count` labels on a grid, `skip` of them left out. */
function labelled(count: number, skip = 0): GrayImage {
  const image = canvas(1600, 1200);
  for (let i = skip; i < count; i++) label(image, 40 + (i % 8) * 190, 60 + Math.floor(i / 8) * 120);
  return image;
}

describe('countLabels', () => {
  it('counts each label once, letters and words included', () => {
    const result = countLabels(labelled(40), canvas(1600, 1200));
    expect(result).toMatchObject({ ok: true, labels: 40 });
  });

  it('finds none when the two images are the same drawing', () => {
    expect(countLabels(canvas(1600, 1200), canvas(1600, 1200))).toMatchObject({ ok: true, labels: 0, differingPixels: 0 });
  });

  it('ignores faint differences and specks (anti-aliasing)', () => {
    const other = canvas(1600, 1200);
    rect(other, 100, 170, 300, 100, 230);
    rect(other, 900, 900, 2, 2, 0);
    expect(countLabels(other, canvas(1600, 1200))).toMatchObject({ ok: true, labels: 0 });
  });

  it('refuses images of different sizes instead of counting a shifted drawing', () => {
    const result = countLabels(labelled(4), canvas(1600, 1100));
    expect(result.ok).toBe(false);
  });
});

describe('compareLabelCounts', () => {
  const bare = countLabels(labelled(40), canvas(1600, 1200));

  it('passes when the app draws every label the bare page draws', () => {
    expect(compareLabelCounts(countLabels(labelled(40), canvas(1600, 1200)), bare)).toEqual({ same: true });
  });

  it('fails when the app image lacks some labels', () => {
    const app = countLabels(labelled(40, 6), canvas(1600, 1200));
    expect(app).toMatchObject({ labels: 34 });
    expect(compareLabelCounts(app, bare)).toMatchObject({ same: false });
  });

  it('fails when the app image has no labels at all, as before the label fix', () => {
    const app = countLabels(canvas(1600, 1200), canvas(1600, 1200));
    expect(compareLabelCounts(app, bare)).toMatchObject({ same: false });
  });

  it('fails when neither side drew labels: nothing was compared', () => {
    const none = countLabels(canvas(1600, 1200), canvas(1600, 1200));
    expect(compareLabelCounts(none, none)).toMatchObject({ same: false });
  });
});

/** A PNG encoder for the test: each row with the filter `filters[y % length]`; CRCs are not read. */
function encodePng(width: number, height: number, channels: 1 | 2 | 3 | 4, pixels: Uint8Array, filters: number[]): Uint8Array {
  const colorType = { 1: 0, 2: 4, 3: 2, 4: 6 }[channels];
  const stride = width * channels;
  const raw = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const filter = filters[y % filters.length]!;
    raw[y * (stride + 1)] = filter;
    for (let i = 0; i < stride; i++) {
      const at = y * stride + i;
      const left = i >= channels ? pixels[at - channels]! : 0;
      const up = y > 0 ? pixels[at - stride]! : 0;
      const upLeft = y > 0 && i >= channels ? pixels[at - stride - channels]! : 0;
      const p = left + up - upLeft;
      const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
      const predictor = [0, left, up, (left + up) >> 1, pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft][filter]!;
      raw[y * (stride + 1) + 1 + i] = (pixels[at]! - predictor) & 255;
    }
  }
  const chunk = (type: string, data: Uint8Array) => {
    const out = new Uint8Array(12 + data.length);
    new DataView(out.buffer).setUint32(0, data.length);
    out.set([...type].map((c) => c.charCodeAt(0)), 4);
    out.set(data, 8);
    return out;
  };
  const header = new Uint8Array(13);
  new DataView(header.buffer).setUint32(0, width);
  new DataView(header.buffer).setUint32(4, height);
  header.set([8, colorType, 0, 0, 0], 8);
  const data = zlibSync(raw);
  // Two IDAT chunks, split anywhere, as a streaming writer would.
  const cut = Math.floor(data.length / 2);
  const parts = [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', data.subarray(0, cut)), chunk('IDAT', data.subarray(cut)), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => (out.set(p, at), at + p.length), 0);
  return out;
}

describe('parsePngGray', () => {
  it('reads an opaque RGB image as grey levels, through every row filter', () => {
    // Black, white, pure red, pure green: luma 0, 255, 76, 150.
    const pixels = Uint8Array.from([0, 0, 0, 255, 255, 255, 255, 0, 0, 0, 255, 0]);
    for (const filter of [0, 1, 2, 3, 4]) {
      const parsed = parsePngGray(encodePng(2, 2, 3, pixels, [filter]));
      expect(parsed).toEqual({ ok: true, image: { width: 2, height: 2, gray: Uint8Array.from([0, 255, 76, 150]) } });
    }
  });

  it('composites transparent pixels on white', () => {
    const parsed = parsePngGray(encodePng(2, 1, 4, Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 255]), [0]));
    expect(parsed.ok && Array.from(parsed.image.gray)).toEqual([255, 0]);
  });

  it('decodes any grey image written with any mix of filters', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 5 }), fc.infiniteStream(fc.integer({ min: 0, max: 255 })), (width, height, filters, levels) => {
        const pixels = Uint8Array.from(levels.take(width * height));
        const parsed = parsePngGray(encodePng(width, height, 1, pixels, filters));
        expect(parsed).toEqual({ ok: true, image: { width, height, gray: pixels } });
      }),
    );
  });

  it('refuses what is not a PNG, or is cut short, with the reason', () => {
    expect(parsePngGray(new TextEncoder().encode('GIF89a, certainly not a PNG file at all'))).toMatchObject({ ok: false });
    const png = encodePng(4, 4, 3, new Uint8Array(48).fill(9), [1]);
    const cut = parsePngGray(png.subarray(0, png.length - 20));
    expect(cut.ok).toBe(false);
  });
});
