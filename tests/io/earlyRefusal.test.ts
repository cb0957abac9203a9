/**
 * Big input that is not what it starts like is refused by its start, and the message says what
 * it is: an SVG element of millions of "&amp;", a 20 MB paste that only begins with "#d=", a
 * small link that unpacks into a diagram too big to save.
 */
import { describe, expect, it } from 'vitest';
import { openDiagramFile } from '../../src/io/openDiagramFile';
import { parseDiagramText } from '../../src/io/parseDiagramText';
import { parseShareLink, serializeShareLink } from '../../src/io/shareLink';
import { extractDiagramFromSvg } from '../../src/io/svgMetadata';
import type { Diagram } from '../../src/model/diagram';

// Two megabytes show the rule; the 20 MB of the report are refused the same way, by their start.
const BIG = 2 * 1024 * 1024;

function svgHolding(content: string): string {
  return `<svg xmlns="http://www.w3.org/2000/svg"><metadata id="archflow-diagram">${content}</metadata></svg>`;
}

describe('an SVG whose Archflow element holds no diagram', () => {
  it('is refused by what the element starts with, not as broken JSON', async () => {
    const svg = svgHolding('&amp;'.repeat(BIG / 5 - 100));
    const result = await openDiagramFile(new File([svg], 'big.svg'));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe(
      'The Archflow element in this SVG does not hold a diagram: it starts with "&", where a diagram starts with "{".',
    );
  });

  it('still decodes every reference a diagram may hold, and refuses a bare "&"', () => {
    const text = '{"a":"&amp;lt; &lt;&gt;&quot;&apos; &#65;&#x42;&#x1F680; &amp;amp;"}';
    const extracted = extractDiagramFromSvg(svgHolding(text));
    expect(extracted.ok && extracted.value).toBe('{"a":"&lt; <>"\' AB🚀 &amp;"}');
    for (const bad of ['{"a":"& "}', '{"a":"&#x110000;"}', '{"a":"&#;"}', '{"a":"&nbsp;"}', '{"a":"&amp"}']) {
      expect(extractDiagramFromSvg(svgHolding(bad)).ok, bad).toBe(false);
    }
  });
});

describe('pasted text that only starts like a share link', () => {
  it('is said to be no link, not a link from a newer Archflow', () => {
    const paste = `#d=${'A B '.repeat(BIG / 4)}`;
    const result = parseDiagramText(paste);
    expect(result.kind).toBe('share-link');
    if (result.kind !== 'share-link' || result.result.ok) throw new Error('expected a refusal');
    expect(result.result.error.code).toBe('not-archflow');
    expect(result.result.error.message).toMatch(/^This is not an Archflow link: the text after "#d=" \([\d,]+ characters\) has spaces all through it/);
    expect(result.result.error.message).not.toMatch(/newer/);
  });

  it('is said to be no link when only a repair of its spaces would give it a header', () => {
    // "A B…": read with "+" it claims link format 3, with the spaces dropped format 0.
    const result = parseShareLink(`#d=A B${'CDEFGHIJKLMNOPQRSTUVWXYZ'.repeat(4)}`);
    expect(!result.ok && result.error.code).toBe('not-archflow');
    expect(!result.ok && result.error.message).toMatch(/does not begin the way an Archflow link begins/);
  });
});

describe('a share link whose diagram would be a file past the limit', () => {
  it('is refused when opened, saying the size of that file, rather than opened and never saved', () => {
    // Columns pack 20,000 labels of 900 characters and 40,000 edges under 20 MB; the file they
    // make, with every key spelled out, is over it.
    const label = 'x'.repeat(900);
    const diagram: Diagram = {
      title: 'Packed',
      flow: 'bottom-up',
      nodes: Array.from({ length: 20_000 }, (_, i) => ({ id: `n${i}`, kind: 'service', label })),
      edges: Array.from({ length: 40_000 }, (_, i) => ({ id: `e${i}`, source: `n${i % 20_000}`, target: `n${(i + 1) % 20_000}` })),
    };
    const link = serializeShareLink(diagram, 'https://archflow.test/');
    expect(link.length).toBeLessThan(1_000_000);
    const result = parseShareLink(link);
    expect(!result.ok && result.error.code).toBe('too-large');
    expect(!result.ok && result.error.message).toMatch(
      /^This link's diagram, saved as a file, is 2\d\.\d MB; the largest Archflow opens is 20 MB; it was not opened\.$/,
    );
  });
});
