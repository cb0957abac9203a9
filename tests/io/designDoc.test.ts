import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { md, serializeDesignDoc } from '../../src/io/designDoc';
import type { Diagram } from '../../src/model/diagram';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';
import { readExample } from '../examples';
import { AWKWARD_TEXTS, arbitraryDiagram, arbitraryText } from '../model/arbitraries';

function example(name: string): Diagram {
  const parsed = parseDiagramFile(readExample(name));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** Every ```mermaid block of a document, without its fences. */
function mermaidBlocks(doc: string): string[] {
  return [...doc.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]!);
}

/** A diagram where every piece of user text is `text`. */
function everywhere(text: string): Diagram {
  return {
    title: text,
    flow: 'bottom-up',
    scale: { dailyActiveUsers: 1000, requestsPerUserPerDay: 2 },
    nodes: [
      { id: 'c', kind: 'web-client', label: text, tech: text },
      { id: 's', kind: 'api-server', label: text },
      { id: 'd', kind: 'sql-database', label: text },
    ],
    edges: [
      { id: 'e1', source: 'c', target: 's', label: text, protocol: text },
      { id: 'e2', source: 's', target: 'd', label: text, mode: 'async' },
    ],
    requirements: [{ id: 'r', text, priority: 'must' }],
    endpoints: [{ id: 'p', node: 's', method: 'GET', path: text, summary: text, request: text, response: text, requirements: ['r'] }],
    entities: [{ id: 't', node: 'd', name: text, fields: [{ name: text, type: text, primaryKey: true }], endpoints: ['p'] }],
    paths: [{ id: 'w', name: text, requirement: 'r', endpoint: 'p', steps: ['c', 's', 'd'] }],
    notes: [{ id: 'n', text, color: 'yellow', position: { x: 0, y: 0 }, pin: 's' }],
  };
}

describe('serializeDesignDoc', () => {
  it('writes the URL shortener design as the golden file says', async () => {
    await expect(serializeDesignDoc(example('url-shortener-design.archflow.json'))).toMatchFileSnapshot(
      './golden/url-shortener-design.md',
    );
  });

  it('orders the three steps by the flow: Requirements, APIs, Data bottom-up; Data, APIs, Requirements top-down', () => {
    const headings = (doc: string) => doc.split('\n').filter((l) => /^## (Requirements|APIs|Data)$/.test(l));
    const design = example('url-shortener-design.archflow.json');
    expect(headings(serializeDesignDoc(design))).toEqual(['## Requirements', '## APIs', '## Data']);
    expect(headings(serializeDesignDoc({ ...design, flow: 'top-down' }))).toEqual(['## Data', '## APIs', '## Requirements']);
  });

  it('draws sync hops solid and async hand-offs dashed, and marks a broken hop with a cross', () => {
    const broken = serializeDesignDoc(example('url-shortener-design-broken.archflow.json'));
    const stats = mermaidBlocks(broken).find((b) => b.includes('Click stats') && b.startsWith('sequenceDiagram') && b.includes('/stats'))!;
    expect(stats).toContain('  p3-xp4: no edge#58; the path is broken here');
    const count = mermaidBlocks(broken).find((b) => b.startsWith('sequenceDiagram') && b.includes('publishes click'))!;
    expect(count).toContain('p3-->>p4: publishes click');
    expect(count).toContain('p5->>p6: upserts SQL');
    expect(broken).toContain('- **Error: Broken request path.** The request path "Read click stats" is broken between');
  });

  it('a diagram with no design data still gives a document, saying what is missing', () => {
    const doc = serializeDesignDoc(example('url-shortener.archflow.json'));
    expect(doc).toContain('## Requirements\n\n### Functional\n\nNone recorded.');
    expect(doc).toContain('## Request paths\n\nNone recorded.');
    expect(mermaidBlocks(doc)).toHaveLength(1);
  });

  it('escapes pipes, emphasis, HTML and list markers in Markdown text', () => {
    expect(md('a | b')).toBe('a \\| b');
    expect(md('<script>alert(1)</script>')).toBe('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(md('*bold* _it_ `code` [link](x) $x$ ~~s~~ # h')).toBe('\\*bold\\* \\_it\\_ \\`code\\` \\[link\\](x) \\$x\\$ \\~\\~s\\~\\~ \\# h');
    expect(md('- item')).toBe('\\- item');
    expect(md('1. first')).toBe('1\\. first');
    expect(md('two\nlines')).toBe('two<br>lines');
  });

  it('no user text can break a table row, a fence, a heading or a Mermaid statement', () => {
    fc.assert(
      fc.property(fc.oneof(arbitraryText(40, { multiline: true }), fc.constantFrom(...AWKWARD_TEXTS, 'a|b', '```', 'end', 'x;y:z,w', '%%{init: {}}%%', '-->>', '<br/>')), (text) => {
        const doc = serializeDesignDoc(everywhere(text));
        // eslint-disable-next-line no-control-regex -- the point is that none is left
        expect(doc).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
        const lines = doc.split('\n');
        // Fences: only the document's own, each opened and closed.
        const fences = lines.filter((l) => l.startsWith('```'));
        expect(fences.length % 2).toBe(0);
        expect(fences.filter((l) => l !== '```')).toEqual(fences.filter((_, i) => i % 2 === 0).map(() => '```mermaid'));
        // Tables: every row has as many unescaped pipes as its header.
        let columns = 0;
        for (const line of lines) {
          if (!line.startsWith('|')) {
            columns = 0;
            continue;
          }
          const pipes = line.replace(/\\\|/g, '').split('|').length;
          if (columns === 0) columns = pipes;
          expect(pipes).toBe(columns);
        }
        // Headings: one line each, nothing after the text that Markdown would cut.
        for (const heading of lines.filter((l) => l.startsWith('#'))) expect(heading).not.toMatch(/[^\\]#+\s*$/);
        // Mermaid: no raw quote, semicolon, HTML or directive inside a statement's text.
        for (const block of mermaidBlocks(doc)) {
          for (const line of block.split('\n').slice(block.startsWith('---') ? 3 : 1)) {
            expect(line).not.toMatch(/%%|<(?!br\/>)/);
            if (block.startsWith('sequenceDiagram')) expect(line).not.toMatch(/;(?<!#\d+;)/);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('every valid diagram with design data gives a document: a section per part, a sequence diagram per path', () => {
    fc.assert(
      fc.property(arbitraryDiagram({ design: true, maxNodes: 8 }), (diagram) => {
        const doc = serializeDesignDoc(diagram);
        // eslint-disable-next-line no-control-regex -- the point is that none is left
        expect(doc).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/);
        for (const heading of ['## Requirements', '## APIs', '## Data', '## Architecture', '## Request paths', '## Checks']) {
          expect(doc.split('\n')).toContain(heading);
        }
        const sequences = mermaidBlocks(doc).filter((b) => b.startsWith('sequenceDiagram'));
        expect(sequences).toHaveLength(diagram.paths?.length ?? 0);
      }),
      { numRuns: 150 },
    );
  });
});
