import { deflateSync, zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inflateLimited } from '../../src/io/inflateLimited';

const text = new TextEncoder().encode(JSON.stringify({ words: 'lorem ipsum '.repeat(5_000) }));

describe('inflateLimited', () => {
  it('inflates deflate and zlib data within the limit', () => {
    for (const [data, format] of [[deflateSync(text), 'deflate'], [zlibSync(text), 'zlib']] as const) {
      const result = inflateLimited(data, text.length, format);
      expect(result.ok && Array.from(result.bytes)).toEqual(Array.from(text));
    }
  });

  it('stops one byte past the limit', () => {
    expect(inflateLimited(deflateSync(text), text.length - 1, 'deflate')).toEqual({ ok: false, reason: 'too-large' });
  });

  it('tells a cut-short stream from a corrupt one', () => {
    const packed = deflateSync(text);
    expect(inflateLimited(packed.subarray(0, packed.length >> 1), 1e9, 'deflate')).toEqual({ ok: false, reason: 'truncated' });
    expect(inflateLimited(new Uint8Array(), 1e9, 'deflate')).toEqual({ ok: false, reason: 'truncated' });
    // Block type 3 does not exist.
    expect(inflateLimited(Uint8Array.of(0xff, 0xff, 0xff), 1e9, 'deflate')).toEqual({ ok: false, reason: 'corrupt' });
  });
});
