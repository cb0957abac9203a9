import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embedDiagramInPng, extractDiagramFromPng } from '../../src/io/pngMetadata';
import { embedDiagramInSvg, extractDiagramFromSvg } from '../../src/io/svgMetadata';
import { hasNonXmlCharacter, xmlSafeJson, xmlSafeMarkup } from '../../src/io/xmlText';
import { tinyPng } from './pngFixtures';

/** What XML 1.0 allows: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD and whole surrogate pairs. */
function isXmlText(text: string): boolean {
  return /^(?:[\t\n\r\u0020-\uD7FF\uE000-\uFFFD]|[\uD800-\uDBFF][\uDC00-\uDFFF])*$/.test(text);
}

const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><foreignObject/></svg>';
/** Text that once broke export: a vertical tab, half an emoji, and the rest of the bad set. */
const HOSTILE = 'Orders\u000bAPI \ud83d \udc4d \u0000\u001f\uFFFE\uFFFF 🚀';

describe('xmlSafeMarkup', () => {
  it('drops forbidden controls, marks broken surrogates, keeps everything else', () => {
    expect(xmlSafeMarkup(`<div title="${HOSTILE}">${HOSTILE}\t\r\n</div>`)).toBe(
      '<div title="OrdersAPI \uFFFD \uFFFD \uFFFD\uFFFD 🚀">OrdersAPI \uFFFD \uFFFD \uFFFD\uFFFD 🚀\t\r\n</div>',
    );
    const clean = '<p>Payments → 👩‍💻 &amp; \u0085 done</p>';
    expect(xmlSafeMarkup(clean)).toBe(clean);
  });

  it('always gives text XML can hold, and text encodeURIComponent accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        const safe = xmlSafeMarkup(text);
        expect(isXmlText(safe)).toBe(true);
        expect(hasNonXmlCharacter(safe)).toBe(false);
        expect(() => encodeURIComponent(safe)).not.toThrow();
      }),
      { numRuns: 200 },
    );
  });
});

describe('embedding a diagram in an image never throws and reads back exactly', () => {
  // Raw in the JSON text, as a caller might pass it (JSON.stringify would have escaped them).
  const json = `{"label":"Orders API \ud83d \udc4d \uFFFE\uFFFF 🚀"}`;

  it('SVG: the element is XML text, and the JSON comes back the same', () => {
    expect(xmlSafeJson(json)).not.toBe(json);
    const svg = embedDiagramInSvg(SVG, json);
    expect(isXmlText(svg)).toBe(true);
    const back = extractDiagramFromSvg(svg);
    expect(back.ok && JSON.parse(back.value)).toEqual(JSON.parse(json));
  });

  it('PNG: a lone surrogate survives as a JSON escape instead of becoming U+FFFD', () => {
    const back = extractDiagramFromPng(embedDiagramInPng(tinyPng(), json));
    expect(back.ok && JSON.parse(back.value)).toEqual(JSON.parse(json));
  });
});
