import { readExample } from '../examples';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serializeMermaid } from '../../src/io/mermaid';
import type { Diagram } from '../../src/model/diagram';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';
import { arbitraryDiagram } from '../model/arbitraries';

function example(name: string): Diagram {
  const parsed = parseDiagramFile(readExample(name));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** A node statement: id, a shape's opening bracket, quoted text, the closing bracket. */
const NODE_LINE = /^ +[A-Za-z_][A-Za-z0-9_]*(\(\[|\[\(|\[|\()"[^"<>]*(<br\/>[^"<>]*)*"(\]\)|\)\]|\]|\))$/;
const SUBGRAPH_LINE = /^ +subgraph [A-Za-z_][A-Za-z0-9_]*\["[^"<>]*(<br\/>[^"<>]*)*"\]$/;
const EDGE_LINE = /^ {2}[A-Za-z_][A-Za-z0-9_]* (-->|<-->|-\.->|<-\.->)(\|"[^"<>|]*(<br\/>[^"<>|]*)*"\|)? [A-Za-z_][A-Za-z0-9_]*$/;

describe('serializeMermaid', () => {
  it('writes the URL shortener example as a bottom-up flowchart', () => {
    expect(serializeMermaid(example('url-shortener.archflow.json'))).toBe(
      [
        '---',
        'title: "URL shortener"',
        '---',
        'flowchart BT',
        '  browser(["Browser"])',
        '  mobile(["Mobile app"])',
        '  dns("DNS")',
        '  lb["Load balancer"]',
        '  api["Shortener API<br/>(Node.js)"]',
        '  cache[("Hot links<br/>(Redis)")]',
        '  db[("Links<br/>(Cassandra)")]',
        '  browser -->|"HTTPS"| lb',
        '  mobile -->|"HTTPS"| lb',
        '  browser --> dns',
        '  lb -->|"HTTP"| api',
        '  api -->|"read-through"| cache',
        '  api --> db',
        '',
      ].join('\n'),
    );
  });

  it('draws asynchronous edges dashed, one-way and both ways', () => {
    const diagram: Diagram = {
      title: 'Queue',
      flow: 'bottom-up',
      nodes: [
        { id: 'api', kind: 'api-server', label: 'API' },
        { id: 'q', kind: 'message-queue', label: 'Jobs' },
        { id: 'w', kind: 'worker', label: 'Worker' },
      ],
      edges: [
        { id: 'e1', source: 'api', target: 'q', mode: 'async', protocol: 'AMQP' },
        { id: 'e2', source: 'q', target: 'w', mode: 'async', bidirectional: true },
        { id: 'e3', source: 'api', target: 'w', mode: 'sync' },
      ],
    };
    expect(serializeMermaid(diagram).split('\n').slice(-4)).toEqual([
      '  api -.->|"AMQP"| q',
      '  q <-.-> w',
      '  api --> w',
      '',
    ]);
  });

  it('turns groups into nested subgraphs holding their nodes', () => {
    const diagram: Diagram = {
      title: 'Groups',
      flow: 'top-down',
      nodes: [
        { id: 'inner', kind: 'group', label: 'Private subnet', parent: 'vpc' },
        { id: 'db', kind: 'sql-database', label: 'Orders', parent: 'inner' },
        { id: 'vpc', kind: 'group', label: 'VPC' },
        { id: 'api', kind: 'api-server', label: 'API', parent: 'vpc' },
        { id: 'user', kind: 'user', label: 'User' },
      ],
      edges: [
        { id: 'e1', source: 'user', target: 'vpc', protocol: 'HTTPS' },
        { id: 'e2', source: 'api', target: 'db', label: 'writes', protocol: 'SQL', bidirectional: true },
      ],
    };
    expect(serializeMermaid(diagram)).toBe(
      [
        '---',
        'title: "Groups"',
        '---',
        'flowchart TB',
        '  subgraph vpc["VPC"]',
        '    subgraph inner["Private subnet"]',
        '      db[("Orders")]',
        '    end',
        '    api["API"]',
        '  end',
        '  user(["User"])',
        '  user -->|"HTTPS"| vpc',
        '  api <-->|"writes (SQL)"| db',
        '',
      ].join('\n'),
    );
  });

  it('takes its direction from the layout first, then the flow', () => {
    const base: Diagram = { title: 't', flow: 'top-down', nodes: [], edges: [] };
    const direction = (d: Diagram) => serializeMermaid(d).split('\n')[3];
    expect(direction(base)).toBe('flowchart TB');
    expect(direction({ ...base, flow: 'bottom-up' })).toBe('flowchart BT');
    expect(direction({ ...base, layout: { direction: 'left' } })).toBe('flowchart RL');
    expect(direction({ ...base, flow: 'bottom-up', layout: { direction: 'right' } })).toBe('flowchart LR');
    expect(direction({ ...base, flow: 'bottom-up', layout: { direction: 'down' } })).toBe('flowchart TB');
    expect(direction({ ...base, layout: { direction: 'up' } })).toBe('flowchart BT');
  });

  it('makes ids Mermaid can read: no keywords, no odd characters, no clashes', () => {
    const ids = ['end', 'End', 'subgraph', 'my-node', 'my_node', '1st', 'مرحبا', '__proto__', 'a b'];
    const diagram: Diagram = {
      title: 't',
      flow: 'top-down',
      nodes: ids.map((id) => ({ id, kind: 'service', label: id })),
      edges: [{ id: 'e', source: 'end', target: 'مرحبا' }],
    };
    const lines = serializeMermaid(diagram).split('\n');
    const written = lines.filter((l) => NODE_LINE.test(l)).map((l) => l.trim().split(/[[(]/)[0]);
    expect(written).toEqual(['n_end', 'n_End', 'n_subgraph', 'my_node', 'my_node_2', 'n_1st', 'n7', 'proto', 'a_b']);
    expect(lines).toContain('  n_end --> n7');
  });

  it('escapes hostile labels into entity codes so they stay text', () => {
    const hostile = [
      '<script>alert(1)</script>',
      'a"] --> evil["b',
      '%%{init: {"securityLevel": "loose"}}%%',
      'x|y',
      '`**markdown**`',
      '#quot; & #lt;',
      'line\nbreak\u2028sep\u0000nul',
    ];
    const diagram: Diagram = {
      title: '</title>"\n---\nevil: 1',
      flow: 'top-down',
      nodes: hostile.map((label, i) => ({ id: `n${i}`, kind: 'service', label, tech: label })),
      edges: [{ id: 'e', source: 'n0', target: 'n1', label: hostile[1], protocol: hostile[3] }],
    };
    const text = serializeMermaid(diagram);
    const lines = text.split('\n');
    // The title is one YAML line, shown as typed except that no tag can reach Mermaid's sanitizer.
    expect(lines.slice(0, 4)).toEqual(['---', 'title: "‹/title›\\" --- evil: 1"', '---', 'flowchart TB']);
    for (const line of lines.slice(4, -1)) expect(line).toMatch(/^ {2}n[0-9]/);
    for (const line of lines.slice(4, -2)) expect(line).toMatch(NODE_LINE);
    expect(lines.at(-2)).toMatch(EDGE_LINE);
    expect(text).not.toContain('<script');
    expect(text).not.toContain('%%');
    expect(text).toContain('n0["#60;script#62;alert#40;1#41;#60;/script#62;<br/>');
    expect(text).toContain('n5["#35;quot; #38; #35;lt;<br/>');
    expect(text).toContain('n6["line<br/>break sep nul<br/>');
  });

  it('writes every valid diagram as statements of the expected shapes', () => {
    fc.assert(
      fc.property(arbitraryDiagram({ design: true }), (diagram) => {
        const lines = serializeMermaid(diagram).split('\n');
        expect(lines.at(-1)).toBe('');
        let depth = 0;
        let nodes = 0;
        for (const line of lines.slice(4, -1)) {
          if (SUBGRAPH_LINE.test(line)) depth++;
          else if (/^ +end$/.test(line)) depth--;
          else if (NODE_LINE.test(line)) nodes++;
          else expect(line).toMatch(EDGE_LINE);
          expect(depth).toBeGreaterThanOrEqual(0);
        }
        expect(depth).toBe(0);
        expect(nodes).toBe(diagram.nodes.filter((n) => n.kind !== 'group').length);
        // Every async edge, and only those, is dashed.
        const ids = new Set(diagram.nodes.map((n) => n.id));
        const drawn = diagram.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
        expect(lines.filter((line) => /^ {2}\S+ <?-\.->/.test(line))).toHaveLength(drawn.filter((e) => e.mode === 'async').length);
      }),
      { numRuns: 300 },
    );
  });

  it('writes the title as typed (Mermaid shows a title\'s entity codes raw), with no tag for its sanitizer to eat', () => {
    const text = serializeMermaid({ title: 'Orders (EU) #1: R&D <v2> 50%', flow: 'bottom-up', nodes: [], edges: [] });
    expect(text.split('\n')[1]).toBe('title: "Orders (EU) #1: R&D ‹v2› 50%"');
  });

  it('writes an empty diagram as a header alone', () => {
    expect(serializeMermaid({ title: '', flow: 'bottom-up', nodes: [], edges: [] })).toBe('---\ntitle: ""\n---\nflowchart BT\n');
  });
});
