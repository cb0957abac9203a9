import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanText, cutAtGrapheme, isCleanText } from '../../src/model/text';

const WELL_FORMED = /^(?:[^\uD800-\uDFFF]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/;

describe('cleanText', () => {
  it('cuts 999 × "b" + 🚀 before the rocket, not through it', () => {
    const name = `${'b'.repeat(999)}🚀`;
    expect(cleanText(name, 1000)).toBe('b'.repeat(999));
    expect(cleanText(`${'b'.repeat(998)}🚀`, 1000)).toBe(`${'b'.repeat(998)}🚀`);
  });

  it('keeps a family emoji and an accented letter whole', () => {
    const family = '👨‍👩‍👧';
    expect(cutAtGrapheme(`ab${family}`, 5)).toBe('ab');
    expect(cutAtGrapheme('ae\u0301', 2)).toBe('a');
  });

  it('drops control characters and makes line breaks spaces in one-line fields', () => {
    expect(cleanText('Orders\u000bAPI', 100)).toBe('OrdersAPI');
    expect(cleanText('Payments\n\nValid\u001b[8m', 100)).toBe('Payments  Valid[8m');
    expect(cleanText('a\u0085b\u007fc', 100)).toBe('abc');
  });

  it('keeps line feeds and tabs in notes, and turns CR LF into LF', () => {
    expect(cleanText('one\r\ntwo\rthree\tfour\u0007', 100, { multiline: true })).toBe('one\ntwo\nthree\tfour');
  });

  it('replaces lone surrogates', () => {
    expect(cleanText('a\uD83Db', 10)).toBe('a\uFFFDb');
    expect(cleanText('a\uDE80b', 10)).toBe('a\uFFFDb');
  });

  it('returns clean text as it is', () => {
    const text = 'Shortener API — 東京 🚀';
    expect(cleanText(text, 100)).toBe(text);
    expect(isCleanText(text, 100)).toBe(true);
  });

  it('always gives well-formed text within the limit with no control characters, and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), fc.integer({ min: 0, max: 90 }), fc.boolean(), (text, max, multiline) => {
        const out = cleanText(text, max, { multiline });
        expect(out.length).toBeLessThanOrEqual(max);
        expect(WELL_FORMED.test(out)).toBe(true);
// eslint-disable-next-line no-control-regex -- matching control characters is the point
        expect(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/.test(out)).toBe(false);
        expect(cleanText(out, max, { multiline })).toBe(out);
        expect(isCleanText(out, max, { multiline })).toBe(true);
      }),
    );
  });
});
