import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { embedDiagramInSvg, extractDiagramFromSvg } from '../../src/io/svgMetadata';

/** The shape the image export writes (paint/svgContext.ts). */
const SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100" xml:space="preserve">' +
  '<path d="M0 0h10v10h-10Z" fill="#fff"/><text x="4" y="12" font-size="13">A</text></svg>';

const HOSTILE_LABELS = [
  ']]>',
  '<script>alert(1)</script>',
  '</metadata><script>alert(1)</script>',
  '&amp; &lt; & <!-- -->',
  '<![CDATA[x]]>',
  '\uFFFE\uFFFF',
  '👩‍💻 مرحبا \u202Eevil',
];

describe('embedDiagramInSvg and extractDiagramFromSvg', () => {
  it('round-trips JSON whose labels try to break out of the element', () => {
    for (const label of HOSTILE_LABELS) {
      const json = JSON.stringify({ format: 'archflow', nodes: [{ label }] }, null, 2);
      const svg = embedDiagramInSvg(SVG, json);
      const result = extractDiagramFromSvg(svg);
      expect(result.ok, label).toBe(true);
      if (result.ok) expect(JSON.parse(result.value)).toEqual(JSON.parse(json));
    }
  });

  it('keeps the embedded text free of markup, so no label becomes an element', () => {
    const json = JSON.stringify({ label: '</metadata><script>alert(1)</script>]]>' });
    const svg = embedDiagramInSvg(SVG, json);
    expect(svg.match(/<script/g)).toBeNull();
    expect(svg.match(/<metadata/g)).toHaveLength(1);
    expect(svg.match(/<\/metadata>/g)).toHaveLength(1);
    expect(svg.endsWith('</metadata></svg>')).toBe(true);
    // XML forbids U+FFFE and U+FFFF even as references: they travel as JSON escapes.
    expect(embedDiagramInSvg(SVG, JSON.stringify('\uFFFF'))).not.toMatch(/\uFFFF/);
  });

  it('round-trips any JSON text', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const json = JSON.stringify(value);
        const result = extractDiagramFromSvg(embedDiagramInSvg(SVG, json));
        expect(result.ok && JSON.parse(result.value)).toEqual(JSON.parse(json));
      }),
    );
  });

  it('replaces the diagram of an SVG that already has one', () => {
    const twice = embedDiagramInSvg(embedDiagramInSvg(SVG, '{"a":1}'), '{"b":2}');
    expect(twice.match(/<metadata/g)).toHaveLength(1);
    const result = extractDiagramFromSvg(twice);
    expect(result.ok && result.value).toBe('{"b":2}');
  });

  it('reads the element after an editor rewrote it: other attributes, CDATA, character references', () => {
    const svg = SVG.replace(
      '</svg>',
      `<metadata class="x" id='archflow-diagram'>\n<![CDATA[{"a":"<b>"]]>&#x2C;&#34;c&quot;:1}</metadata></svg>`,
    );
    const result = extractDiagramFromSvg(svg);
    expect(result.ok && result.value).toBe('\n{"a":"<b>","c":1}');
  });

  it('says when an SVG has no diagram in it', () => {
    const result = extractDiagramFromSvg(SVG);
    expect(!result.ok && result.error.message).toBe('This SVG has no Archflow diagram in it.');
  });

  it('says when the text is not an SVG', () => {
    const result = extractDiagramFromSvg('{"format":"archflow"}');
    expect(!result.ok && result.error.message).toBe('This file is not an SVG image.');
  });

  it('refuses a damaged element: unknown entity, markup inside, unclosed CDATA', () => {
    for (const body of ['&nbsp;{}', '<b>{}</b>', '<![CDATA[{}', '& {}']) {
      const svg = SVG.replace('</svg>', `<metadata id="archflow-diagram">${body}</metadata></svg>`);
      const result = extractDiagramFromSvg(svg);
      expect(!result.ok && result.error.message, body).toMatch(/damaged/);
    }
  });

  it('reads a file full of decoy ids without scanning it once per decoy', () => {
    // Many ids with no tag around them: each must be looked at near where it is, not across the file.
    const svg = `<svg>${'archflow-diagram '.repeat(200_000)}</svg>`;
    const result = extractDiagramFromSvg(svg);
    expect(result.ok).toBe(false);
  });
});
