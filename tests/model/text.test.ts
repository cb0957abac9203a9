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

  it('says text is clean exactly when no character in it needs cleaning (checked one character at a time)', () => {
    const needsCleaning = (text: string, multiline: boolean): boolean => {
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c <= 0x08 || (c >= 0x0b && c <= 0x1f) || (c >= 0x7f && c <= 0x9f) || c === 0xfffe || c === 0xffff) return true;
        if (c === 0x0d || (!multiline && (c === 0x09 || c === 0x0a || c === 0x2028 || c === 0x2029))) return true;
        const high = c >= 0xd800 && c <= 0xdbff;
        const low = c >= 0xdc00 && c <= 0xdfff;
        const next = text.charCodeAt(i + 1);
        if (high && !(next >= 0xdc00 && next <= 0xdfff)) return true;
        if (high) i++;
        else if (low) return true;
      }
      return false;
    };
    const awkward = fc.constantFrom('\t', '\n', '\r', '\u2028', '\u2029', '\u0085', '\u007f', '\ufffe', '\uffff', '\ufffd', '\ud83d', '\ude80', '🚀', 'é', '東', ' ', 'a');
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 40 }), fc.array(awkward, { maxLength: 12 }).map((parts) => parts.join('')));
    fc.assert(
      fc.property(text, fc.boolean(), (t, multiline) => {
        expect(isCleanText(t, 100, { multiline })).toBe(!needsCleaning(t, multiline));
      }),
      { numRuns: 500 },
    );
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
