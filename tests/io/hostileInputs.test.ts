/**
 * The hostile input list of issue 6, through every door a diagram comes in by: a file (picked,
 * dropped or pasted as a file), pasted text, a share link, and the `archflow` CLI. Each refusal
 * is the parser's tagged error with a message naming the problem, the same one at every door;
 * what is valid but nasty is kept verbatim; nothing reaches a prototype.
 */
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zlibSync } from 'fflate';
import { assertNoPoisoning } from '@fast-check/poisoning';
import { craftedLinkHash } from './craftedLink';
import { PNG_SIGNATURE, pngChunk, tinyPng } from './pngFixtures';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../src/cli/main';
import { readLimitedFile } from '../../src/cli/nodeIo';
import { openDiagramFile } from '../../src/io/openDiagramFile';
import { parseDiagramText } from '../../src/io/parseDiagramText';
import { embedDiagramInPng, PNG_KEYWORD } from '../../src/io/pngMetadata';
import { parseShareLink, serializeShareLink } from '../../src/io/shareLink';
import { embedDiagramInSvg } from '../../src/io/svgMetadata';
import type { Diagram, DiagramErrorCode, ParseResult } from '../../src/model/diagram';
import { LIMITS } from '../../src/model/limits';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';
import { expectEqualUpToIdRenaming } from './idRenaming';

// Node defines some globals lazily and turns them into plain values on first use. They are used
// before @fast-check/poisoning takes its snapshot (vi.hoisted runs ahead of the imports), so
// that first use is not taken for pollution.
vi.hoisted(() => void [TextEncoder, TextDecoder, Blob, File, atob, btoa, DOMException, structuredClone]);

// zod keeps its configuration and schema registry on globalThis, set once as it loads.
const checkNoPoisoning = () => assertNoPoisoning({ ignoredRootRegex: /^(__vitest|__zod_global|AbortController$)/ });

type Json = Record<string, unknown>;

function validFile(): Json & { nodes: Json[]; edges: Json[] } {
  return {
    format: 'archflow',
    version: 1,
    title: 'Shop',
    flow: 'bottom-up',
    nodes: [
      { id: 'web', kind: 'web-client', label: 'Browser', position: { x: 0, y: 300 } },
      { id: 'api', kind: 'api-server', label: 'Orders API', position: { x: 0, y: 150 } },
      { id: 'db', kind: 'sql-database', label: 'Orders DB', position: { x: 0, y: 0 } },
      { id: 'vpc', kind: 'group', label: 'VPC', position: { x: -40, y: -40 }, size: { width: 400, height: 300 } },
    ],
    edges: [
      { id: 'e1', source: 'web', target: 'api', protocol: 'HTTPS' },
      { id: 'e2', source: 'api', target: 'db' },
    ],
  };
}

function edited(change: (file: ReturnType<typeof validFile>) => void): string {
  const file = validFile();
  change(file);
  return JSON.stringify(file);
}

const VALID_TEXT = JSON.stringify(validFile(), null, 2);

interface Refusal {
  code: DiagramErrorCode;
  message: RegExp;
}

/** Hostile text, as a file's content or a paste, and what it must be refused with. */
const HOSTILE_TEXTS: [string, () => string, Refusal][] = [
  ['truncated JSON', () => VALID_TEXT.slice(0, VALID_TEXT.length / 2), { code: 'not-json', message: /looks cut short/ }],
  ['not JSON', () => 'id,kind\napi,service\n', { code: 'not-json', message: /not valid JSON at line 1, column 1/ }],
  ['an empty file', () => '', { code: 'empty', message: /empty/ }],
  ['only white space', () => ' \n\t ', { code: 'empty', message: /empty/ }],
  ['a JSON array', () => '[{"format":"archflow"}]', { code: 'not-archflow', message: /holds a list, not an Archflow diagram/ }],
  ['a JSON number', () => '42', { code: 'not-archflow', message: /holds 42, not an Archflow diagram/ }],
  ['a JSON string', () => '"archflow"', { code: 'not-archflow', message: /holds "archflow", not an Archflow diagram/ }],
  ['another format', () => edited((f) => (f.format = 'drawio')), { code: 'not-archflow', message: /^format: expected "archflow", found "drawio"/ }],
  ['JSON that is not ours', () => '{"name":"package","version":"1.0.0"}', { code: 'not-archflow', message: /^format: is missing/ }],
  ['version 0', () => edited((f) => (f.version = 0)), { code: 'bad-version', message: /^version: 0 is not a valid version/ }],
  ['version "1"', () => edited((f) => (f.version = '1')), { code: 'bad-version', message: /^version: "1" is not a valid version/ }],
  ['version 99', () => edited((f) => (f.version = 99)), { code: 'newer-version', message: /made by a newer Archflow \(file version 99/ }],
  ['version 1e999', () => VALID_TEXT.replace('"version": 1', '"version": 1e999'), { code: 'bad-version', message: /^version: Infinity is not a valid version/ }],
  ['nodes missing', () => edited((f) => delete (f as Partial<typeof f>).nodes), { code: 'invalid', message: /^nodes: is missing \(expected a list\)/ }],
  ['nodes not a list', () => edited((f) => ((f as Json).nodes = { web: {} })), { code: 'invalid', message: /^nodes: expected a list, found an object/ }],
  ['edges missing', () => edited((f) => delete (f as Partial<typeof f>).edges), { code: 'invalid', message: /^edges: is missing/ }],
  ['a duplicate node id', () => edited((f) => (f.nodes[2]!.id = 'web')), { code: 'invalid', message: /^nodes\[2\]\.id: "web" is already the id of nodes\[0\]/ }],
  ['a duplicate edge id', () => edited((f) => (f.edges[1]!.id = 'e1')), { code: 'invalid', message: /^edges\[1\]\.id: "e1" is already the id of edges\[0\]/ }],
  ['an edge to a missing node', () => edited((f) => (f.edges[1]!.target = 'cache')), { code: 'invalid', message: /^edges\[1\]\.target: "cache" is not a node id/ }],
  [
    'a cycle of parents',
    () =>
      edited((f) => {
        f.nodes.push({ id: 'inner', kind: 'group', label: 'Inner', parent: 'vpc' });
        f.nodes[3]!.parent = 'inner';
      }),
    { code: 'invalid', message: /makes a cycle of groups \(vpc → inner → vpc\)|makes a cycle of groups \(inner → vpc → inner\)/ },
  ],
  ['a parent that is not a group', () => edited((f) => (f.nodes[0]!.parent = 'api')), { code: 'invalid', message: /^nodes\[0\]\.parent: "api" is not a group/ }],
  ['an unknown kind', () => edited((f) => (f.nodes[1]!.kind = 'mainframe')), { code: 'invalid', message: /^nodes\[1\]\.kind: "mainframe" is not a known component kind/ }],
  ['an unknown role', () => edited((f) => (f.nodes[1]!.role = 'admin')), { code: 'invalid', message: /^nodes\[1\]\.role: "admin" is not a role/ }],
  ['a coordinate of 1e999', () => VALID_TEXT.replace('"y": 300', '"y": 1e999'), { code: 'invalid', message: /^nodes\[0\]\.position\.y: expected a finite number, found Infinity/ }],
  ['a negative size', () => edited((f) => (f.nodes[3]!.size = { width: 400, height: -1 })), { code: 'invalid', message: /^nodes\[3\]\.size\.height: must be greater than 0, found -1/ }],
  ['a 10 MB label', () => edited((f) => (f.nodes[0]!.label = 'x'.repeat(10 * 1024 * 1024))), { code: 'limit', message: /^nodes\[0\]\.label: is 10485760 characters long; the limit is 1000/ }],
  [
    '200,000 nodes',
    () => edited((f) => (f.nodes = Array.from({ length: 200_000 }, (_, i) => ({ id: `n${i}`, kind: 'service', label: 'S' })))),
    { code: 'limit', message: /^nodes: has 200000 nodes; the limit is 20000/ },
  ],
  ['JSON nested 100,000 levels deep', () => `{"format":"archflow","version":1,"nodes":${'['.repeat(100_000)}${']'.repeat(100_000)}}`, { code: 'limit', message: /nests deeper than 64 levels/ }],
  ['a NUL byte', () => VALID_TEXT.replace('"Browser"', '"Brow\u0000ser"'), { code: 'not-json', message: /contains a NUL byte at line 10, column 21/ }],
  ['a byte-order mark before garbage', () => '\uFEFFnot a diagram', { code: 'not-json', message: /not valid JSON/ }],
  ['a diagram hidden behind __proto__', () => '{"__proto__":{"format":"archflow","version":1,"title":"t","flow":"bottom-up","nodes":[],"edges":[]}}', { code: 'not-archflow', message: /^format: is missing/ }],
];

/** What the CLI says for the same text: one line on stderr, exit code 2. */
async function cliSays(text: string): Promise<{ code: number; stderr: string }> {
  let stderr = '';
  const code = await runCli(['validate', 'diagram.json'], {
    stdout: () => undefined,
    stderr: (t) => void (stderr += t),
    readFile: async () => text,
    writeFile: async () => undefined,
  });
  return { code, stderr };
}

function refused(result: ParseResult<Diagram>): { code: DiagramErrorCode; message: string } {
  if (result.ok) throw new Error(`accepted: ${JSON.stringify(result.value).slice(0, 200)}`);
  return { code: result.error.code, message: result.error.message };
}

describe('hostile files, pastes and CLI input', () => {
  it.each(HOSTILE_TEXTS)('refuses %s the same way at every door', async (_what, make, expected) => {
    const text = make();
    const asFile = refused(await openDiagramFile(new File([text], 'diagram.archflow.json')));
    expect(asFile.code).toBe(expected.code);
    expect(asFile.message).toMatch(expected.message);
    checkNoPoisoning();

    // Pasted: JSON objects get the same refusal; anything else is ordinary text, left alone.
    const pasted = parseDiagramText(text);
    if (/^\uFEFF?\s*\{/.test(text)) {
      expect(pasted.kind).toBe('json');
      expect(pasted.kind === 'json' && refused(pasted.result)).toEqual(asFile);
    } else {
      expect(pasted).toEqual({ kind: 'not-a-diagram' });
    }

    // The CLI reads the file itself and hands the text to the same parser.
    const parsed = refused(parseDiagramFile(text));
    expect(parsed.code).toBe(expected.code);
    expect(parsed.message).toMatch(expected.message);
    const cli = await cliSays(text);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toBe(`archflow: diagram.json: ${parsed.message.replace(/\s*[\r\n]+\s*/g, ' ').trim()}\n`);
    checkNoPoisoning();
  });

  it('accepts a byte-order mark before a valid file', async () => {
    const result = await openDiagramFile(new File([`\uFEFF${VALID_TEXT}`], 'bom.archflow.json'));
    expect(result.ok && result.value.nodes.map((n) => n.id)).toEqual(['web', 'api', 'db', 'vpc']);
    const cli = await cliSays(`\uFEFF${VALID_TEXT}`);
    expect(cli.stderr).toBe('');
  });

  it('lets no __proto__, constructor or prototype key anywhere reach a prototype', async () => {
    const hostile = `{"__proto__":{"polluted":"root"},"constructor":{"prototype":{"polluted":"root"}},"prototype":{"polluted":1},
      "format":"archflow","version":1,"title":"t","flow":"bottom-up",
      "layout":{"__proto__":{"polluted":"layout"},"direction":"up"},
      "nodes":[{"__proto__":{"kind":"group","polluted":"node"},"id":"__proto__","kind":"cache","label":"constructor",
        "position":{"x":1,"y":2,"__proto__":{"polluted":"point"}},"size":{"width":3,"height":4,"constructor":{"prototype":{"polluted":1}}}},
        {"id":"constructor","kind":"group","label":"G","prototype":{"polluted":"node"}},
        {"id":"toString","kind":"cdn","label":"T","parent":"constructor"}],
      "edges":[{"id":"hasOwnProperty","source":"__proto__","target":"toString","__proto__":{"bidirectional":true,"polluted":"edge"},
        "route":[{"x":0,"y":0,"__proto__":{"polluted":"route"}}]}]}`;
    for (const result of [await openDiagramFile(new File([hostile], 'keys.json')), parseDiagramFile(hostile)]) {
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value).toStrictEqual({
        title: 't',
        flow: 'bottom-up',
        layout: { direction: 'up' },
        nodes: [
          { id: '__proto__', kind: 'cache', label: 'constructor', position: { x: 1, y: 2 }, size: { width: 3, height: 4 } },
          { id: 'constructor', kind: 'group', label: 'G' },
          { id: 'toString', kind: 'cdn', label: 'T', parent: 'constructor' },
        ],
        edges: [{ id: 'hasOwnProperty', source: '__proto__', target: 'toString', route: [{ x: 0, y: 0 }] }],
      });
      expect(Object.getPrototypeOf(result.value.nodes[0])).toBe(Object.prototype);
      checkNoPoisoning();
    }
    expect((await cliSays(hostile)).code).not.toBe(2);
    checkNoPoisoning();
  });

  it('keeps HTML, script, URLs, right-to-left and emoji text verbatim (it is only text) and drops control characters', async () => {
    const texts = [
      '<script>alert(1)</script>',
      '<img src=x onerror=alert(1)>',
      'javascript:alert(document.cookie)',
      'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
      '\u202Eexe.live\u202C مرحبا שלום',
      '👩‍💻🚀🇺🇦 and ZWJ\u200D',
      'tab\tnew\nline\u0007bell\u001b[31m\u0000nul',
    ];
    const file = validFile();
    file.title = texts[0]!;
    file.nodes.forEach((n, i) => {
      n.label = texts[i % texts.length]!;
      n.tech = texts[(i + 1) % texts.length]!;
      n.notes = texts.join(' | ');
    });
    file.edges.forEach((e, i) => {
      e.label = texts[(i + 2) % texts.length]!;
      e.protocol = texts[(i + 3) % texts.length]!;
    });
    const text = JSON.stringify(file);
    const result = await openDiagramFile(new File([text], 'nasty.archflow.json'));
    if (!result.ok) throw new Error(result.error.message);
    // Everything visible stays as it was; control characters go, and line breaks become spaces
    // outside notes (hand-computed for the last text).
    const oneLine = texts.map((t, i) => (i === 6 ? 'tab new line bell[31mnul' : t));
    const multiline = texts.map((t, i) => (i === 6 ? 'tab\tnew\nlinebell[31mnul' : t));
    const at = (list: string[], i: number) => list[i % list.length];
    expect(result.value.title).toBe(texts[0]);
    expect(result.value.nodes.map((n) => [n.label, n.tech, n.notes])).toEqual(
      file.nodes.map((_, i) => [at(oneLine, i), at(oneLine, i + 1), multiline.join(' | ')]),
    );
    expect(result.value.edges.map((e) => [e.label, e.protocol])).toEqual(file.edges.map((_, i) => [at(oneLine, i + 2), at(oneLine, i + 3)]));
    const linked = parseShareLink(serializeShareLink(result.value, 'https://archflow.example/'));
    if (!linked.ok) throw new Error(linked.error.message);
    expectEqualUpToIdRenaming(linked.value, result.value);
  });
});

// ---------------------------------------------------------------------------------------------

function plainPng(extra: Uint8Array[] = []): Buffer {
  return Buffer.from(tinyPng(extra));
}

const pngFile = (bytes: Uint8Array, name = 'export.png') => new File([bytes as Uint8Array<ArrayBuffer>], name);

describe('hostile images', () => {
  const exported = () => Buffer.from(embedDiagramInPng(plainPng(), VALID_TEXT));

  it.each([
    ['a PNG without the diagram chunk', () => plainPng(), 'empty', /This PNG has no Archflow diagram in it/],
    [
      'a PNG whose diagram chunk has a changed byte',
      () => {
        const png = exported();
        const at = png.indexOf('iTXt', 0, 'latin1') + 4 + PNG_KEYWORD.length + 20;
        png[at] = (png[at] ?? 0) ^ 0xff;
        return png;
      },
      'invalid',
      /checksum does not match/,
    ],
    ['a PNG cut short', () => exported().subarray(0, exported().length - 30), 'invalid', /incomplete \(cut short\)/],
    ['a PNG chunk claiming 4 GB', () => Buffer.concat([Buffer.from(PNG_SIGNATURE), Buffer.from([0xff, 0xff, 0xff, 0xff]), Buffer.from('IHDR'), Buffer.alloc(20)]), 'invalid', /impossible length/],
    [
      'a PNG whose diagram inflates past 20 MB (a zlib bomb)',
      () => {
        const bomb = zlibSync(new Uint8Array(LIMITS.maxFileBytes + 1024 * 1024).fill(0x20), { level: 9 });
        const data = Buffer.concat([Buffer.from(`${PNG_KEYWORD}\u0000\u0001\u0000\u0000\u0000`, 'latin1'), Buffer.from(bomb)]);
        return plainPng([pngChunk('iTXt', data)]);
      },
      'too-large',
      /larger than 20 MB/,
    ],
    ['a PNG holding a version 99 diagram', () => Buffer.from(embedDiagramInPng(plainPng(), edited((f) => (f.version = 99)))), 'newer-version', /newer Archflow/],
    ['a PNG holding JSON nested 100,000 deep', () => Buffer.from(embedDiagramInPng(plainPng(), `{"nodes":${'['.repeat(100_000)}${']'.repeat(100_000)}}`)), 'limit', /nests deeper than 64/],
  ] as const)('refuses %s', async (_what, make, code, message) => {
    const result = refused(await openDiagramFile(pngFile(make())));
    expect(result.code).toBe(code);
    expect(result.message).toMatch(message);
    checkNoPoisoning();
  });

  it('reads only the diagram from an SVG full of script, and refuses one without it', async () => {
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script><foreignObject><img src=x onerror=alert(3)></foreignObject></svg>';
    const withDiagram = await openDiagramFile(new File([embedDiagramInSvg(svg, VALID_TEXT)], 'x.svg'));
    expect(withDiagram.ok && withDiagram.value.title).toBe('Shop');
    const without = refused(await openDiagramFile(new File([svg], 'x.svg')));
    expect(without).toEqual({ code: 'empty', message: 'This SVG has no Archflow diagram in it.' });
  });
});

// ---------------------------------------------------------------------------------------------

const BASE = 'https://archflow.example/';

function shop(): Diagram {
  const parsed = parseDiagramFile(VALID_TEXT);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** A link Archflow never writes: any JSON, packed as link format 1 with a right checksum. */
function craftedLink(json: string, claimedLength?: number): string {
  return `${BASE}${craftedLinkHash(json, claimedLength)}`;
}

describe('hostile share links, followed or pasted', () => {
  const url = serializeShareLink(shop(), BASE);
  const at = url.indexOf('#d=') + 3;
  const payload = url.slice(at);
  const changed = (i: number) => `${url.slice(0, at + i)}${payload[i] === 'A' ? 'B' : 'A'}${url.slice(at + i + 1)}`;

  const cases: [string, () => string, DiagramErrorCode, RegExp][] = [
    ['cut in half', () => url.slice(0, at + Math.floor(payload.length / 2)), 'invalid', /cut short/],
    ['cut by one character', () => url.slice(0, -1), 'invalid', /cut short|checksum does not match/],
    // A changed character in the deflate stream can also end it early: then it reads as cut short.
    ['with one character changed near the start', () => changed(12), 'invalid', /checksum does not match|cut short/],
    ['with one character changed in the middle', () => changed(Math.floor(payload.length / 2)), 'invalid', /checksum does not match/],
    ['with one character changed at the end', () => changed(payload.length - 2), 'invalid', /checksum does not match|cut short/],
    ['with bad base64', () => `${BASE}#d=AQ$$!!`, 'invalid', /the character "\$" at position/],
    ['with a character outside ASCII', () => `${BASE}#d=AQé`, 'invalid', /the character U\+00E9/],
    ['with nothing after d=', () => `${BASE}#d=`, 'empty', /part after "#d=" is empty/],
    ['without the hash', () => BASE, 'empty', /no "#d=" part/],
    ['claiming 64 MB (a bomb that admits it)', () => craftedLink('{}', 64 * 1024 * 1024), 'too-large', /larger than 20 MB.*not unpacked/],
    ['inflating past what it claims (a bomb that lies)', () => craftedLink(' '.repeat(2_000_000), 1_000), 'invalid', /^This link is damaged/],
    ['of a newer link format', () => `${BASE}#d=${Buffer.from([9, 0, 0, 0, 0]).toString('base64url')}`, 'newer-version', /link format 9/],
    ['holding 200,000 nodes', () => craftedLink(JSON.stringify({ title: 't', flow: 'bottom-up', nodes: { id: Array.from({ length: 200_000 }, (_, i) => `n${i}`), kind: Array(200_000).fill('cdn'), label: Array(200_000).fill('') }, edges: { id: [], source: [], target: [] } })), 'limit', /nodes: has 200000 nodes; the limit is 20000/],
    ['holding JSON nested 100,000 deep', () => craftedLink(`{"title":"t","flow":"bottom-up","nodes":{"id":${'['.repeat(100_000)}${']'.repeat(100_000)}},"edges":{"id":[]}}`), 'not-archflow', /does not hold an Archflow diagram/],
    ['holding an edge to a missing node', () => craftedLink('{"title":"t","flow":"bottom-up","nodes":{"id":["a"],"kind":["cdn"],"label":["A"]},"edges":{"id":["e"],"source":[0],"target":["ghost"]}}'), 'invalid', /^edges\[0\]\.target: "ghost" is not a node id/],
    ['holding a 10 MB label', () => craftedLink(`{"title":"t","flow":"bottom-up","nodes":{"id":["a"],"kind":["cdn"],"label":["${'x'.repeat(10 * 1024 * 1024)}"]},"edges":{"id":[],"source":[],"target":[]}}`), 'limit', /^nodes\[0\]\.label: is 10485760 characters long/],
  ];

  it.each(cases)('refuses a link %s', (_what, make, code, message) => {
    const link = make();
    for (const result of [parseShareLink(link), parseShareLink(link.slice(link.indexOf('#')))]) {
      const r = refused(result);
      expect(r.code).toBe(code);
      expect(r.message).toMatch(message);
    }
    const pasted = parseDiagramText(link);
    // Pasted, an address without "#d=" is ordinary text, let through to whatever has focus.
    if (!link.includes('#d=')) expect(pasted).toEqual({ kind: 'not-a-diagram' });
    else expect(pasted.kind === 'share-link' && refused(pasted.result).code).toBe(code);
    checkNoPoisoning();
  });

  it('repairs "+" turned into a space, whether pasted or followed (the address bar sends "%20")', () => {
    const standard = payload.replace(/-/g, '+').replace(/_/g, '/');
    const spaced = `${BASE}#d=${standard.replace(/\+/g, ' ')}`;
    expect(spaced).toContain(' ');
    const asFollowed = `#d=${encodeURIComponent(standard.replace(/\+/g, ' '))}`;
    expect(asFollowed).toContain('%20');
    for (const link of [spaced, asFollowed, `${BASE}${asFollowed}`]) {
      const result = parseShareLink(link);
      if (!result.ok) throw new Error(result.error.message);
      expectEqualUpToIdRenaming(result.value, shop());
      expect(result.notices).toEqual(['Spaces in the link were read as "+" signs.']);
    }
  });

  it('lets no key in a link document reach a prototype', () => {
    const link = craftedLink(
      '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"title":"t","flow":"bottom-up",' +
        '"nodes":{"__proto__":{"polluted":1},"id":["__proto__","constructor"],"kind":["cdn","group"],"label":["a","b"],"parent":[1,null]},' +
        '"edges":{"id":["prototype"],"source":[0],"target":[1],"__proto__":{"label":["x"]}}}',
    );
    const result = parseShareLink(link);
    expect(result.ok && result.value).toStrictEqual({
      title: 't',
      flow: 'bottom-up',
      nodes: [
        { id: '__proto__', kind: 'cdn', label: 'a', parent: 'constructor' },
        { id: 'constructor', kind: 'group', label: 'b' },
      ],
      edges: [{ id: 'prototype', source: '__proto__', target: 'constructor' }],
    });
    checkNoPoisoning();
  });
});

// ---------------------------------------------------------------------------------------------

describe('the size limit is the same in the app and the CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'archflow-limits-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`reads a file of exactly ${LIMITS.maxFileBytes} bytes and refuses one byte more, before reading it`, async () => {
    // A valid diagram padded with spaces to the exact size.
    const atLimit = Buffer.alloc(LIMITS.maxFileBytes, 0x20);
    atLimit.write(VALID_TEXT, 0, 'utf8');
    const app = await openDiagramFile(new File([atLimit], 'big.archflow.json'));
    expect(app.ok).toBe(true);
    const path = join(dir, 'big.archflow.json');
    writeFileSync(path, atLimit);
    expect(parseDiagramFile(await readLimitedFile(path)).ok).toBe(true);

    const over = new File([atLimit, ' '], 'bigger.archflow.json');
    const text = vi.spyOn(over, 'text');
    const appOver = refused(await openDiagramFile(over));
    expect(appOver.code).toBe('too-large');
    expect(appOver.message).toBe('This file is larger than 20 MB, the largest Archflow opens.');
    expect(text).not.toHaveBeenCalled();
    truncateSync(path, LIMITS.maxFileBytes + 1);
    await expect(readLimitedFile(path)).rejects.toThrow('the file is larger than 20 MB, the largest Archflow opens');
    // Pasted text meets the same limit in the parser.
    const pastedOver = parseDiagramText(`${atLimit.toString()} `);
    expect(pastedOver.kind === 'json' && refused(pastedOver.result)).toEqual({
      code: 'too-large',
      message: 'The file is larger than 20 MB, the largest Archflow opens.',
    });
  });
});
