import { assertNoPoisoning } from '@fast-check/poisoning';
import fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Diagram, DiagramErrorCode, ParseResult } from '../../src/model/diagram';
import { LIMITS } from '../../src/model/limits';
import { parseDiagramFile, parseDiagramValue } from '../../src/model/parseDiagramFile';
import { serializeDiagramFile } from '../../src/model/serializeDiagramFile';
import { arbitraryDiagram } from './arbitraries';

type Json = Record<string, unknown>;

/** A small valid v1 file with a group, a child, a positioned node and every optional field. */
function validFile(): Json {
  return {
    format: 'archflow',
    version: 1,
    title: 'Shop',
    flow: 'bottom-up',
    layout: { direction: 'up' },
    nodes: [
      { id: 'web', kind: 'web-client', label: 'Browser', position: { x: 0, y: 400 } },
      { id: 'vpc', kind: 'group', label: 'VPC', size: { width: 500, height: 300 } },
      { id: 'api', kind: 'api-server', label: 'API', parent: 'vpc', tech: 'Go', notes: 'stateless' },
      { id: 'db', kind: 'sql-database', label: 'Orders', role: 'datastore', parent: 'vpc' },
    ],
    edges: [
      { id: 'e1', source: 'web', target: 'api', protocol: 'HTTPS', label: 'orders', bidirectional: true },
      { id: 'e2', source: 'api', target: 'db', route: [{ x: 10, y: 20 }] },
    ],
  };
}

function nodes(file: Json): Json[] {
  return file.nodes as Json[];
}
function edges(file: Json): Json[] {
  return file.edges as Json[];
}

function parse(file: unknown): ParseResult<Diagram> {
  return parseDiagramFile(typeof file === 'string' ? file : JSON.stringify(file));
}

function expectRefused(result: ParseResult<Diagram>, code: DiagramErrorCode, path: string) {
  expect(result.ok, result.ok ? 'accepted' : result.error.message).toBe(false);
  if (result.ok) return '';
  expect(result.error.code).toBe(code);
  expect(result.error.path).toBe(path);
  if (path) expect(result.error.message.startsWith(`${path}: `)).toBe(true);
  return result.error.message;
}

function expectAccepted(result: ParseResult<Diagram>): Diagram {
  if (!result.ok) throw new Error(`refused: ${result.error.message}`);
  return result.value;
}

describe('parseDiagramFile: the text', () => {
  it('reads a valid file and keeps every known field', () => {
    const d = expectAccepted(parse(validFile()));
    expect(d).toStrictEqual({
      title: 'Shop',
      flow: 'bottom-up',
      layout: { direction: 'up' },
      nodes: [
        { id: 'web', kind: 'web-client', label: 'Browser', position: { x: 0, y: 400 } },
        { id: 'vpc', kind: 'group', label: 'VPC', size: { width: 500, height: 300 } },
        { id: 'api', kind: 'api-server', label: 'API', parent: 'vpc', tech: 'Go', notes: 'stateless' },
        { id: 'db', kind: 'sql-database', label: 'Orders', role: 'datastore', parent: 'vpc' },
      ],
      edges: [
        { id: 'e1', source: 'web', target: 'api', protocol: 'HTTPS', label: 'orders', bidirectional: true },
        { id: 'e2', source: 'api', target: 'db', route: [{ x: 10, y: 20 }] },
      ],
    });
  });

  it('strips a leading byte-order mark', () => {
    const d = expectAccepted(parseDiagramFile(`\uFEFF${JSON.stringify(validFile())}`));
    expect(d.title).toBe('Shop');
  });

  it('refuses empty and blank text', () => {
    expectRefused(parseDiagramFile(''), 'empty', '');
    expectRefused(parseDiagramFile(' \n\t '), 'empty', '');
    expectRefused(parseDiagramFile('\uFEFF'), 'empty', '');
  });

  it('refuses text with NUL bytes, naming where', () => {
    const message = expectRefused(parseDiagramFile('{"format":\n "arch\u0000flow"}'), 'not-json', '');
    expect(message).toMatch(/NUL byte at line 2, column 7/);
    // A PNG opened as text starts like this.
    expectRefused(parseDiagramFile('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR'), 'not-json', '');
  });

  it('refuses text that is not JSON, saying where it breaks', () => {
    expect(expectRefused(parseDiagramFile('hello'), 'not-json', '')).toMatch(/line 1, column 1/);
    const text = '{\n  "format": "archflow",\n  "version": 1,,\n}';
    expect(expectRefused(parseDiagramFile(text), 'not-json', '')).toMatch(/line 3, column 16/);
    expect(expectRefused(parseDiagramFile('{"a": tru }'), 'not-json', '')).toMatch(/line 1, column 7/);
    expect(expectRefused(parseDiagramFile('{"a": 1} x'), 'not-json', '')).toMatch(/after the end/);
  });

  it('says a truncated file looks cut short', () => {
    const text = JSON.stringify(validFile(), null, 2);
    for (const cut of [1, 10, Math.floor(text.length / 2), text.length - 1]) {
      const message = expectRefused(parseDiagramFile(text.slice(0, cut)), 'not-json', '');
      expect(message).toMatch(/cut short/);
    }
  });

  it('refuses a file over the size limit before parsing it', () => {
    const message = expectRefused(parseDiagramFile(' '.repeat(LIMITS.maxFileBytes + 1)), 'too-large', '');
    expect(message).toMatch(/20 MB/);
  });

  it('measures the size in UTF-8 bytes, not characters', () => {
    // Fewer characters than the limit, but two bytes each: over it.
    const over = `"${'é'.repeat(LIMITS.maxFileBytes / 2)}"`;
    expect(over.length).toBeLessThan(LIMITS.maxFileBytes);
    expectRefused(parseDiagramFile(over), 'too-large', '');
    // Same idea just under the limit: read (and refused for what it is, not its size).
    const under = `"${'é'.repeat(LIMITS.maxFileBytes / 2 - 2)}"`;
    expectRefused(parseDiagramFile(under), 'not-archflow', '');
  });

  it('refuses JSON nested 100,000 levels deep without parsing it', () => {
    const depth = 100_000;
    expectRefused(parseDiagramFile('['.repeat(depth) + ']'.repeat(depth)), 'limit', '');
    expectRefused(parseDiagramFile('{"a":'.repeat(depth) + '1' + '}'.repeat(depth)), 'limit', '');
    const inside = JSON.stringify(validFile()).replace('"Go"', '['.repeat(depth) + ']'.repeat(depth));
    expectRefused(parseDiagramFile(inside), 'limit', '');
  });

  it('does not count brackets inside strings as nesting', () => {
    const file = validFile();
    nodes(file)[0]!.label = '[{'.repeat(400) + '\\"[';
    expect(expectAccepted(parse(file)).nodes[0]?.label).toBe('[{'.repeat(400) + '\\"[');
  });

  it.each([
    ['[]', 'a list'],
    ['42', '42'],
    ['null', 'null'],
    ['"archflow"', '"archflow"'],
    ['true', 'true'],
  ])('refuses %s: not a diagram', (text, what) => {
    expect(expectRefused(parseDiagramFile(text), 'not-archflow', '')).toContain(what);
  });

  it('never throws on non-string input', () => {
    expectRefused(parseDiagramFile(undefined as unknown as string), 'not-json', '');
    expectRefused(parseDiagramFile(42 as unknown as string), 'not-json', '');
  });
});

describe('parseDiagramFile: format and version', () => {
  it('refuses another format', () => {
    const file = { ...validFile(), format: 'drawio' };
    expect(expectRefused(parse(file), 'not-archflow', 'format')).toContain('"drawio"');
  });

  it('refuses a versioned file without format, and JSON that is not ours', () => {
    const { format: _format, ...rest } = validFile();
    expectRefused(parse(rest), 'not-archflow', 'format');
    expectRefused(parse({ name: 'archflow', dependencies: {} }), 'not-archflow', 'format');
  });

  it.each([[3], [99]])('refuses version %s as made by a newer Archflow', (version) => {
    const message = expectRefused(parse({ ...validFile(), version }), 'newer-version', 'version');
    expect(message).toContain('made by a newer Archflow');
  });

  it.each([[0], ['1'], [1.5], [-1], [null], [true], [[1]]])('refuses version %j', (version) => {
    expectRefused(parse({ ...validFile(), version }), 'bad-version', 'version');
  });

  it('refuses version 1e999 (Infinity)', () => {
    const text = JSON.stringify(validFile()).replace('"version":1', '"version":1e999');
    expectRefused(parseDiagramFile(text), 'bad-version', 'version');
  });

  it('reads the unversioned draft shape with a notice', () => {
    const { version: _v, flow: _f, ...draft } = validFile();
    const result = parse(draft);
    const d = expectAccepted(result);
    expect(d.flow).toBe('bottom-up');
    expect(result.ok && result.notices.length).toBe(1);
  });
});

describe('parseDiagramFile: the document', () => {
  const cases: [string, (f: Json) => void, DiagramErrorCode, string][] = [
    ['title missing', (f) => delete f.title, 'invalid', 'title'],
    ['title not a string', (f) => (f.title = 7), 'invalid', 'title'],
    ['title too long', (f) => (f.title = 'x'.repeat(LIMITS.maxLabelLength + 1)), 'limit', 'title'],
    // An emoji is two characters (UTF-16 units) here as everywhere in Archflow, so this is 2,000 long.
    ['title of emoji too long', (f) => (f.title = '😀'.repeat(LIMITS.maxLabelLength)), 'limit', 'title'],
    ['flow missing', (f) => delete f.flow, 'invalid', 'flow'],
    ['flow unknown', (f) => (f.flow = 'sideways'), 'invalid', 'flow'],
    ['layout not an object', (f) => (f.layout = 'up'), 'invalid', 'layout'],
    ['layout.direction unknown', (f) => (f.layout = { direction: 'diagonal' }), 'invalid', 'layout.direction'],
    ['nodes missing', (f) => delete f.nodes, 'invalid', 'nodes'],
    ['nodes not a list', (f) => (f.nodes = { web: {} }), 'invalid', 'nodes'],
    ['edges missing', (f) => delete f.edges, 'invalid', 'edges'],
    ['edges not a list', (f) => (f.edges = 'none'), 'invalid', 'edges'],
    ['a node not an object', (f) => ((f.nodes as unknown[])[2] = 'api'), 'invalid', 'nodes[2]'],
    ['node id missing', (f) => delete nodes(f)[1]!.id, 'invalid', 'nodes[1].id'],
    ['node id empty', (f) => (nodes(f)[1]!.id = ''), 'invalid', 'nodes[1].id'],
    ['node id a number', (f) => (nodes(f)[1]!.id = 3), 'invalid', 'nodes[1].id'],
    ['node id too long', (f) => (nodes(f)[0]!.id = 'x'.repeat(LIMITS.maxIdLength + 1)), 'limit', 'nodes[0].id'],
    ['duplicate node id', (f) => (nodes(f)[3]!.id = 'web'), 'invalid', 'nodes[3].id'],
    ['unknown kind', (f) => (nodes(f)[0]!.kind = 'mainframe'), 'invalid', 'nodes[0].kind'],
    ['kind not a string', (f) => (nodes(f)[0]!.kind = null), 'invalid', 'nodes[0].kind'],
    ['label missing', (f) => delete nodes(f)[0]!.label, 'invalid', 'nodes[0].label'],
    ['label not a string', (f) => (nodes(f)[0]!.label = ['a']), 'invalid', 'nodes[0].label'],
    ['unknown role', (f) => (nodes(f)[0]!.role = 'boss'), 'invalid', 'nodes[0].role'],
    ['role group on a component', (f) => (nodes(f)[0]!.role = 'group'), 'invalid', 'nodes[0].role'],
    ['a component role on a group', (f) => (nodes(f)[1]!.role = 'server'), 'invalid', 'nodes[1].role'],
    ['parent missing', (f) => (nodes(f)[2]!.parent = 'vpc2'), 'invalid', 'nodes[2].parent'],
    ['parent not a group', (f) => (nodes(f)[3]!.parent = 'api'), 'invalid', 'nodes[3].parent'],
    ['parent empty', (f) => (nodes(f)[3]!.parent = ''), 'invalid', 'nodes[3].parent'],
    ['group its own parent', (f) => (nodes(f)[1]!.parent = 'vpc'), 'invalid', 'nodes[1].parent'],
    ['tech not a string', (f) => (nodes(f)[2]!.tech = 1), 'invalid', 'nodes[2].tech'],
    ['tech too long', (f) => (nodes(f)[2]!.tech = 'x'.repeat(LIMITS.maxLabelLength + 1)), 'limit', 'nodes[2].tech'],
    ['notes too long', (f) => (nodes(f)[2]!.notes = 'x'.repeat(LIMITS.maxNotesLength + 1)), 'limit', 'nodes[2].notes'],
    ['notes null', (f) => (nodes(f)[2]!.notes = null), 'invalid', 'nodes[2].notes'],
    ['position not an object', (f) => (nodes(f)[0]!.position = [0, 0]), 'invalid', 'nodes[0].position'],
    ['position.y missing', (f) => (nodes(f)[0]!.position = { x: 0 }), 'invalid', 'nodes[0].position.y'],
    ['position.x a string', (f) => (nodes(f)[0]!.position = { x: '0', y: 0 }), 'invalid', 'nodes[0].position.x'],
    [
      'position beyond the limit',
      (f) => (nodes(f)[0]!.position = { x: 0, y: -LIMITS.maxCoordinate * 2 }),
      'limit',
      'nodes[0].position.y',
    ],
    ['negative size', (f) => (nodes(f)[1]!.size = { width: -5, height: 10 }), 'invalid', 'nodes[1].size.width'],
    ['zero size', (f) => (nodes(f)[1]!.size = { width: 5, height: 0 }), 'invalid', 'nodes[1].size.height'],
    ['an edge not an object', (f) => ((f.edges as unknown[])[1] = null), 'invalid', 'edges[1]'],
    ['edge id missing', (f) => delete edges(f)[0]!.id, 'invalid', 'edges[0].id'],
    ['duplicate edge id', (f) => (edges(f)[1]!.id = 'e1'), 'invalid', 'edges[1].id'],
    ['edge source missing', (f) => delete edges(f)[0]!.source, 'invalid', 'edges[0].source'],
    ['edge source not a node', (f) => (edges(f)[0]!.source = 'nope'), 'invalid', 'edges[0].source'],
    ['edge label not a string', (f) => (edges(f)[0]!.label = {}), 'invalid', 'edges[0].label'],
    ['edge protocol too long', (f) => (edges(f)[0]!.protocol = 'x'.repeat(1_001)), 'limit', 'edges[0].protocol'],
    ['edge label of emoji too long', (f) => (edges(f)[0]!.label = '🚀'.repeat(501)), 'limit', 'edges[0].label'],
    ['bidirectional not a boolean', (f) => (edges(f)[0]!.bidirectional = 'yes'), 'invalid', 'edges[0].bidirectional'],
    ['route not a list', (f) => (edges(f)[1]!.route = { x: 1, y: 2 }), 'invalid', 'edges[1].route'],
    ['route point not finite', (f) => (edges(f)[1]!.route = [{ x: 1, y: 2 }, { x: 'a', y: 0 }]), 'invalid', 'edges[1].route[1].x'],
  ];

  it.each(cases)('refuses %s', (_name, mutate, code, path) => {
    const file = validFile();
    mutate(file);
    expectRefused(parse(file), code, path);
  });

  it('counts a limit in UTF-16 units, so emoji text at the limit is kept whole and past it is refused', () => {
    const atLimit = validFile();
    nodes(atLimit)[0]!.label = '👩‍💻'.repeat(LIMITS.maxLabelLength / 5);
    expect(expectAccepted(parse(atLimit)).nodes[0]!.label).toBe('👩‍💻'.repeat(200));
    const over = validFile();
    nodes(over)[0]!.label = '😀'.repeat(LIMITS.maxLabelLength);
    expect(expectRefused(parse(over), 'limit', 'nodes[0].label')).toBe('nodes[0].label: is 2000 characters long; the limit is 1000');
  });

  it('names the edge and the missing node exactly', () => {
    const file = validFile();
    edges(file).push({ id: 'e3', source: 'api', target: 'db' }, { id: 'e4', source: 'api', target: 'db9' });
    const result = parse(file);
    expect(result.ok ? '' : result.error.message).toBe('edges[3].target: "db9" is not a node id');
  });

  it('names the duplicate node id and where it was first used', () => {
    const file = validFile();
    nodes(file)[3]!.id = 'web';
    expect(expectRefused(parse(file), 'invalid', 'nodes[3].id')).toBe(
      'nodes[3].id: "web" is already the id of nodes[0]',
    );
  });

  it.each([['1e999'], ['-1e999']])('refuses %s (not finite) in a position or a size', (big) => {
    const text = JSON.stringify(validFile());
    expectRefused(parseDiagramFile(text.replace('"y":400', `"y":${big}`)), 'invalid', 'nodes[0].position.y');
    expectRefused(parseDiagramFile(text.replace('"width":500', `"width":${big}`)), 'invalid', 'nodes[1].size.width');
    expectRefused(parseDiagramFile(text.replace('"x":10', `"x":${big}`)), 'invalid', 'edges[1].route[0].x');
  });

  it('refuses a cycle of parents, naming the groups', () => {
    const file = validFile();
    nodes(file).push({ id: 'g2', kind: 'group', label: 'Inner', parent: 'vpc' });
    nodes(file)[1]!.parent = 'g2';
    const message = expectRefused(parse(file), 'invalid', 'nodes[1].parent');
    expect(message).toContain('cycle');
    expect(message).toContain('vpc → g2 → vpc');
  });

  it(`accepts groups nested ${LIMITS.maxGroupDepth} deep and refuses one more`, () => {
    const chain = (levels: number): Json => {
      const list: Json[] = [{ id: 'g0', kind: 'group', label: 'g0' }];
      for (let i = 1; i < levels; i++) list.push({ id: `g${i}`, kind: 'group', label: '', parent: `g${i - 1}` });
      list.push({ id: 'leaf', kind: 'service', label: 'leaf', parent: `g${levels - 1}` });
      // Children first, so the depth is not just the order of the list.
      return { ...validFile(), nodes: list.reverse(), edges: [] };
    };
    expectAccepted(parse(chain(LIMITS.maxGroupDepth)));
    expectRefused(parse(chain(LIMITS.maxGroupDepth + 1)), 'limit', 'nodes[0].parent');
  });

  it('refuses more nodes or edges than the limits', () => {
    const many = Array.from({ length: LIMITS.maxNodes + 1 }, (_, i) => ({ id: `n${i}`, kind: 'user', label: '' }));
    expectRefused(parseDiagramValue({ ...validFile(), nodes: many }), 'limit', 'nodes');
    const edgeList = Array.from({ length: LIMITS.maxEdges + 1 }, (_, i) => ({ id: `e${i}`, source: 'web', target: 'api' }));
    expectRefused(parseDiagramValue({ ...validFile(), edges: edgeList }), 'limit', 'edges');
  });

  it('refuses a file of 200,000 nodes', () => {
    const node = (i: number) => `{"id":"n${i}","kind":"user","label":""}`;
    const text = `{"format":"archflow","version":1,"title":"big","flow":"bottom-up","edges":[],"nodes":[${Array.from(
      { length: 200_000 },
      (_, i) => node(i),
    ).join(',')}]}`;
    expect(expectRefused(parseDiagramFile(text), 'limit', 'nodes')).toContain('200000');
  });

  it('refuses a 10 MB label', () => {
    const file = validFile();
    nodes(file)[0]!.label = 'x'.repeat(10 * 1024 * 1024);
    expectRefused(parse(file), 'limit', 'nodes[0].label');
  });

  it('does not find ids on Object.prototype', () => {
    for (const id of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const file = validFile();
      edges(file)[0]!.target = id;
      expectRefused(parse(file), 'invalid', 'edges[0].target');
      const parented = validFile();
      nodes(parented)[2]!.parent = id;
      expectRefused(parse(parented), 'invalid', 'nodes[2].parent');
    }
  });

  it('accepts those names when they are real ids', () => {
    const file = validFile();
    nodes(file).push({ id: 'constructor', kind: 'group', label: '' }, { id: '__proto__', kind: 'cache', label: '', parent: 'constructor' });
    edges(file).push({ id: '__proto__', source: '__proto__', target: 'constructor' });
    const d = expectAccepted(parse(file));
    expect(d.nodes.map((n) => n.id)).toContain('__proto__');
    expect(d.edges[2]).toStrictEqual({ id: '__proto__', source: '__proto__', target: 'constructor' });
  });
});

describe('parseDiagramFile: what is kept, dropped and normalised', () => {
  it('drops unknown fields everywhere', () => {
    const file = validFile();
    file.theme = 'dark';
    (file.layout as Json).spacing = 3;
    nodes(file)[0]!.color = 'red';
    (nodes(file)[0]!.position as Json).z = 9;
    edges(file)[0]!.weight = 2;
    expect(expectAccepted(parse(file))).toStrictEqual(expectAccepted(parse(validFile())));
  });

  it('ignores __proto__, constructor and prototype keys anywhere, and pollutes nothing', () => {
    const evil = '{"polluted":"yes","kind":"group","format":"archflow"}';
    const base = JSON.stringify(validFile());
    const text = base
      .replace('{"format"', `{"__proto__":${evil},"constructor":{"prototype":${evil}},"format"`)
      .replace('{"id":"web"', `{"__proto__":${evil},"prototype":${evil},"id":"web"`)
      .replace('{"x":0', `{"__proto__":{"y":5},"x":0`)
      .replace('{"id":"e1"', `{"constructor":${evil},"id":"e1"`);
    const d = expectAccepted(parseDiagramFile(text));
    expect(d).toStrictEqual(expectAccepted(parseDiagramFile(base)));
    expect(({} as Json).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(d.nodes[0])).toBe(Object.prototype);
  });

  it('does not read a diagram hidden behind __proto__', () => {
    const text = `{"__proto__":${JSON.stringify(validFile())}}`;
    expectRefused(parseDiagramFile(text), 'not-archflow', 'format');
  });

  it('keeps awkward text verbatim: HTML, URLs, right-to-left and emoji characters', () => {
    const texts = [
      '<script>alert(1)</script>',
      'javascript:alert(document.cookie)',
      'data:text/html;base64,PHNjcmlwdD4=',
      '\u202Egnp.exe',
      'خادم الواجهة',
      '🔥 hot path 👩‍💻',
    ];
    const file = validFile();
    texts.forEach((t, i) => {
      nodes(file).push({ id: `t${i}`, kind: 'service', label: t, tech: t, notes: t });
      edges(file).push({ id: `te${i}`, source: `t${i}`, target: 'db', label: t, protocol: t });
    });
    const d = expectAccepted(parse(file));
    expect(d.nodes.slice(4).map((n) => [n.label, n.tech, n.notes])).toStrictEqual(texts.map((t) => [t, t, t]));
    expect(d.edges.slice(2).map((e) => [e.label, e.protocol])).toStrictEqual(texts.map((t) => [t, t]));
  });

  it('drops control characters and mends lone surrogates in every text field', () => {
    const dirty = 'bell\u0007 tab\t nul\u0000 esc\u001b[8m del\u007f c1\u0085 half\uD83D end\r\nnext';
    const file = validFile();
    file.title = dirty;
    nodes(file)[2]!.label = dirty;
    nodes(file)[2]!.tech = dirty;
    nodes(file)[2]!.notes = dirty;
    edges(file)[0]!.label = dirty;
    edges(file)[0]!.protocol = dirty;
    const d = expectAccepted(parse(file));
    const oneLine = 'bell tab  nul esc[8m del c1 half\uFFFD end  next';
    const multiline = 'bell tab\t nul esc[8m del c1 half\uFFFD end\nnext';
    expect([d.title, d.nodes[2]?.label, d.nodes[2]?.tech, d.edges[0]?.label, d.edges[0]?.protocol]).toStrictEqual(
      Array(5).fill(oneLine),
    );
    expect(d.nodes[2]?.notes).toBe(multiline);
  });

  it('cleans ids and every reference to them alike, and drops text that was only control characters', () => {
    const file = validFile();
    nodes(file)[2]!.id = 'api\u0000';
    edges(file)[0]!.target = 'api\u0000';
    nodes(file)[2]!.tech = '\u0007\u0008';
    const d = expectAccepted(parse(file));
    expect(d.nodes[2]?.id).toBe('api');
    expect(d.nodes[2]?.tech).toBeUndefined();
    expect(d.edges[0]?.target).toBe('api');
    // Two ids that clean to the same text are duplicates, refused as such.
    nodes(file)[3]!.id = 'api\u0001';
    expect(expectRefused(parse(file), 'invalid', 'nodes[3].id')).toBe('nodes[3].id: "api" is already the id of nodes[2]');
    // An id of control characters only is an empty id.
    nodes(file)[3]!.id = '\u0001';
    expect(expectRefused(parse(file), 'invalid', 'nodes[3].id')).toBe('nodes[3].id: must not be empty');
  });

  it(`refuses a route of more than ${LIMITS.maxRoutePoints} points, naming the edge`, () => {
    const file = validFile();
    edges(file)[1]!.route = Array.from({ length: LIMITS.maxRoutePoints }, (_, i) => ({ x: i, y: 0 }));
    expect(expectAccepted(parse(file)).edges[1]?.route).toHaveLength(LIMITS.maxRoutePoints);
    edges(file)[1]!.route = Array.from({ length: 340_000 }, (_, i) => ({ x: i, y: 0 }));
    expect(expectRefused(parse(file), 'limit', 'edges[1].route')).toBe(
      `edges[1].route: has 340000 route points; the limit is ${LIMITS.maxRoutePoints}`,
    );
  });

  it('accepts an empty label and a self-loop', () => {
    const file = validFile();
    nodes(file)[0]!.label = '';
    edges(file).push({ id: 'loop', source: 'api', target: 'api' });
    const d = expectAccepted(parse(file));
    expect(d.nodes[0]?.label).toBe('');
    expect(d.edges[2]).toStrictEqual({ id: 'loop', source: 'api', target: 'api' });
  });

  it('normalises what a save would leave out', () => {
    const file = validFile();
    nodes(file)[2]!.tech = '';
    nodes(file)[2]!.notes = '';
    (nodes(file)[0]!.position as Json).x = -0;
    edges(file)[0]!.bidirectional = false;
    edges(file)[0]!.label = '';
    edges(file)[1]!.route = [];
    file.layout = {};
    const d = expectAccepted(parseDiagramValue(file));
    expect(d.layout).toBeUndefined();
    expect(d.nodes[2]).toStrictEqual({ id: 'api', kind: 'api-server', label: 'API', parent: 'vpc' });
    expect(Object.is(d.nodes[0]?.position?.x, 0)).toBe(true);
    expect(d.edges[0]).toStrictEqual({ id: 'e1', source: 'web', target: 'api', protocol: 'HTTPS' });
    expect(d.edges[1]).toStrictEqual({ id: 'e2', source: 'api', target: 'db' });
  });

  it('never throws on values that are not plain data', () => {
    const throwing = Object.defineProperty({ format: 'archflow', version: 1 }, 'title', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expectRefused(parseDiagramValue(throwing), 'invalid', '');
    const cyclic: Json = { ...validFile() };
    nodes(cyclic)[0]!.position = cyclic;
    expect(parseDiagramValue(cyclic).ok).toBe(false);
  });
});

describe('the shared example files', () => {
  const here = dirname(fileURLToPath(import.meta.url));
  const dir = [join(here, '../../examples')].find((d) => existsSync(d));
  const files = dir ? readdirSync(dir).filter((f) => f.endsWith('.archflow.json')) : [];

  it('are found', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)('%s parses', (name) => {
    const d = expectAccepted(parseDiagramFile(readFileSync(join(dir ?? '', name), 'utf8')));
    expect(d.nodes.length).toBeGreaterThan(0);
    expect(d.edges.length).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Fuzz: random damage to valid files never makes the parser throw or touch a prototype.

type Slot = { container: Json | unknown[]; key: string | number };

function slots(value: unknown, out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push({ container: value, key: i });
      slots(v, out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.push({ container: value as Json, key: k });
      slots(v, out);
    }
  }
  return out;
}

const ODD_VALUES = [null, 0, -1, 1.5, 1e308, '', 'x'.repeat(2_000), [], {}, true, 'group', 'web', '1e999'];
const arbitraryOdd = fc.oneof(fc.constantFrom(...ODD_VALUES), fc.jsonValue({ maxDepth: 3 }));

const mutationArb = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('retype' as const), pick: fc.nat(), value: arbitraryOdd }),
  fc.record({
    op: fc.constant('inject' as const),
    pick: fc.nat(),
    key: fc.constantFrom('__proto__', 'constructor', 'prototype'),
    value: fc.oneof(arbitraryOdd, fc.constant({ polluted: true, kind: 'group', format: 'archflow' })),
  }),
  fc.record({ op: fc.constant('nest' as const), pick: fc.nat(), depth: fc.integer({ min: 1, max: 120 }) }),
);

type Mutation = typeof mutationArb extends fc.Arbitrary<infer M> ? M : never;

function applyMutation(root: Json, m: Mutation): void {
  const all = slots(root);
  const slot = all[m.pick % Math.max(1, all.length)];
  if (!slot) return;
  const { container, key } = slot;
  const current = (container as Record<string | number, unknown>)[key];
  switch (m.op) {
    case 'drop':
      if (Array.isArray(container)) container.splice(key as number, 1);
      else delete container[key as string];
      return;
    case 'duplicate':
      if (Array.isArray(container)) container.splice(key as number, 0, structuredClone(current));
      else container[`${key as string}2`] = structuredClone(current);
      return;
    case 'retype':
      // Cloned: fast-check hands out the same constant objects to many runs.
      (container as Record<string | number, unknown>)[key] = structuredClone(m.value);
      return;
    case 'inject': {
      const target = typeof current === 'object' && current !== null && !Array.isArray(current) ? current : root;
      // defineProperty makes an own "__proto__" key, as JSON.parse does; assignment would not.
      Object.defineProperty(target, m.key, { value: structuredClone(m.value), enumerable: true, writable: true, configurable: true });
      return;
    }
    case 'nest': {
      let nested: unknown = current;
      for (let i = 0; i < m.depth; i++) nested = [nested];
      (container as Record<string | number, unknown>)[key] = nested;
      return;
    }
  }
}

const textMutationArb = fc.oneof(
  fc.constant({ op: 'none' as const, at: 0 }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('infinity' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom('\u0000', '\uFEFF', ',', '"', '{', ']', '\\', 'é', '\uD800') }),
);

function applyTextMutation(text: string, m: typeof textMutationArb extends fc.Arbitrary<infer T> ? T : never): string {
  const at = text.length === 0 ? 0 : m.at % text.length;
  switch (m.op) {
    case 'none':
      return text;
    case 'truncate':
      return text.slice(0, at);
    case 'infinity': {
      const numbers = [...text.matchAll(/-?\d+(\.\d+)?/g)];
      const hit = numbers[m.at % Math.max(1, numbers.length)];
      return hit?.index === undefined ? text : `${text.slice(0, hit.index)}1e999${text.slice(hit.index + hit[0].length)}`;
    }
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
  }
}

// The test runner keeps its own bookkeeping on globalThis; everything else must stay as it was.
// zod keeps its configuration and schema registry on globalThis, set once as it loads.
const RUNNER_GLOBALS = { ignoredRootRegex: /^(__vitest|__zod_global|AbortController$)/ };
const checkNoPoisoning = () => assertNoPoisoning(RUNNER_GLOBALS);

const CODES: readonly DiagramErrorCode[] = ['empty', 'too-large', 'not-json', 'not-archflow', 'newer-version', 'bad-version', 'invalid', 'limit'];

describe('parseDiagramFile: fuzz', () => {
  it('has a poisoning check that would notice a polluted Object.prototype', () => {
    const proto = Object.prototype as Json;
    proto.polluted = true;
    try {
      expect(checkNoPoisoning).toThrow();
    } finally {
      delete proto.polluted;
    }
    checkNoPoisoning();
  });

  it('never throws, never pollutes a prototype, and whatever it accepts saves to an equal document', () => {
    fc.assert(
      fc.property(
        arbitraryDiagram({ maxNodes: 8, maxEdges: 8 }),
        fc.array(mutationArb, { minLength: 1, maxLength: 4 }),
        textMutationArb,
        (diagram, mutations, textMutation) => {
          const value = JSON.parse(serializeDiagramFile(diagram)) as Json;
          for (const m of mutations) applyMutation(value, m);
          const text = applyTextMutation(JSON.stringify(value, null, 1) ?? '', textMutation);

          const result = parseDiagramFile(text);
          checkNoPoisoning();
          if (!result.ok) {
            expect(CODES).toContain(result.error.code);
            expect(result.error.message.length).toBeGreaterThan(0);
            return;
          }
          const again = parseDiagramFile(serializeDiagramFile(result.value));
          expect(again.ok && again.value).toStrictEqual(result.value);
        },
      ),
      { numRuns: 600 },
    );
  });
});
