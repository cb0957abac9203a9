import { readExample } from '../examples';
import CRC32 from 'crc-32';
import fc from 'fast-check';
import { deflateSync, Inflate } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  parseShareLink,
  serializeShareLink,
  SHARE_LINK_WARN_LENGTH,
  shareLinkWarning,
} from '../../src/io/shareLink';
import type { Diagram, ParseResult } from '../../src/model/diagram';
import { LIMITS } from '../../src/model/limits';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';
import { arbitraryDiagram } from '../model/arbitraries';
import { expectEqualUpToIdRenaming } from './idRenaming';
import { realisticDiagram } from './realisticDiagram';

const BASE = 'https://archflow.example/app/';

function example(): Diagram {
  const text = readExample('url-shortener.archflow.json');
  const parsed = parseDiagramFile(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** A link built by hand, to say things Archflow never writes. */
function craftLink(version: number, json: Uint8Array, opts: { length?: number; crc?: number } = {}): string {
  const packed = deflateSync(json, { level: 9 });
  const bytes = new Uint8Array(9 + packed.length);
  const view = new DataView(bytes.buffer);
  view.setUint8(0, version);
  view.setUint32(1, opts.length ?? json.length);
  view.setUint32(5, opts.crc ?? CRC32.buf(json) >>> 0);
  bytes.set(packed, 9);
  return `${BASE}#d=${Buffer.from(bytes).toString('base64url')}`;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

function payloadStart(url: string): number {
  return url.indexOf('#d=') + 3;
}

/** The link opened, giving `diagram` back up to the compact ids links carry. */
function expectLinked(result: ParseResult<Diagram>, diagram: Diagram): void {
  if (!result.ok) throw new Error(`refused: ${result.error.message}`);
  expectEqualUpToIdRenaming(result.value, diagram);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('share link round trip', () => {
  it('gives back any valid diagram unchanged up to an id renaming', () => {
    fc.assert(
      fc.property(arbitraryDiagram({ design: true }), (diagram) => {
        const result = parseShareLink(serializeShareLink(diagram, BASE));
        expectLinked(result, diagram);
        expect(result.ok && result.notices).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('writes a URL of the base address and a base64url hash', () => {
    const url = serializeShareLink(example(), `${BASE}#d=old-link`);
    expect(url.startsWith(`${BASE}#d=`)).toBe(true);
    expect(url.slice(payloadStart(url))).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('reads the whole URL, the hash alone, or the bare d= part', () => {
    const diagram = example();
    const url = serializeShareLink(diagram, BASE);
    const hash = url.slice(url.indexOf('#'));
    for (const input of [url, hash, hash.slice(1), `  ${url}\n`, `${BASE}#x=1&d=${url.slice(payloadStart(url))}&y=2`]) {
      const result = parseShareLink(input);
      expectLinked(result, diagram);
    }
  });
});

describe('share link refusals', () => {
  it('says when a link holds no diagram', () => {
    for (const input of [BASE, '', 'https://archflow.example/#view=1', `${BASE}#d=`, 'https://archflow.example/?d=AQ']) {
      const result = parseShareLink(input);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('empty');
        expect(result.error.message).toMatch(/no diagram/);
      }
    }
  });

  it('refuses every cut-short link, and says it was cut', () => {
    const url = serializeShareLink(example(), BASE);
    const start = payloadStart(url);
    for (let end = start + 1; end < url.length; end++) {
      const result = parseShareLink(url.slice(0, end));
      expect(result.ok, `cut at ${end}`).toBe(false);
    }
    const half = parseShareLink(url.slice(0, start + Math.floor((url.length - start) / 2)));
    expect(!half.ok && half.error.message).toMatch(/cut short/);
  });

  it('never turns one changed character into a different diagram', () => {
    const diagram = example();
    const url = serializeShareLink(diagram, BASE);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const harmless: number[] = [];
    for (let i = payloadStart(url); i < url.length; i++) {
      for (const step of [1, 17, 32]) {
        const original = alphabet.indexOf(url.charAt(i));
        const changed = alphabet.charAt((original + step) % alphabet.length);
        const result = parseShareLink(url.slice(0, i) + changed + url.slice(i + 1));
        if (result.ok) {
          expectLinked(result, diagram);
          harmless.push(i);
        }
      }
    }
    // Only the last two characters hold bits nobody reads: base64 and deflate end padding.
    expect(harmless.every((i) => i >= url.length - 2)).toBe(true);
  });

  it('calls a changed character damage, checked by the checksum', () => {
    const json = utf8('{"title":"t","flow":"bottom-up","nodes":{"id":[]},"edges":{"id":[],"source":[],"target":[]}}');
    const result = parseShareLink(craftLink(1, json, { crc: (CRC32.buf(json) + 1) >>> 0 }));
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid');
      expect(result.error.message).toMatch(/damaged/);
      expect(result.error.message).toMatch(/checksum/);
    }
  });

  it('repairs a "+" turned into a space, and line breaks from wrapping', () => {
    const diagram = realisticDiagram(30, { seed: 3 });
    const url = serializeShareLink(diagram, BASE);
    const payload = url.slice(payloadStart(url));
    expect(payload).toContain('-');
    // The standard base64 alphabet ("+" for "-"), then form decoding ("+" to space).
    const formDecoded = `${BASE}#d=${payload.replace(/-/g, '+').replace(/_/g, '/').replace(/\+/g, ' ')}`;
    const plus = parseShareLink(formDecoded);
    expectLinked(plus, diagram);
    expect(plus.ok && plus.notices.join(' ')).toMatch(/"\+"/);

    const wrapped = `${BASE}#d=${payload.replace(/(.{60})/g, '$1\r\n')}`;
    const unwrapped = parseShareLink(wrapped);
    expectLinked(unwrapped, diagram);
  });

  it('refuses a character that cannot be in a link, naming it and its position', () => {
    const url = serializeShareLink(example(), BASE);
    const at = payloadStart(url) + 10;
    for (const bad of ['!', '%', 'é', '\u0000', '.']) {
      const result = parseShareLink(url.slice(0, at) + bad + url.slice(at));
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('invalid');
        expect(result.error.message).toContain(`position ${at + 1}`);
      }
    }
    const bang = parseShareLink(url.slice(0, at) + '!' + url.slice(at));
    expect(!bang.ok && bang.error.message).toContain('"!"');
    const nul = parseShareLink(url.slice(0, at) + '\u0000' + url.slice(at));
    expect(!nul.ok && nul.error.message).toContain('U+0000');
  });

  it('accepts trailing padding but not padding in the middle', () => {
    const diagram = example();
    const url = serializeShareLink(diagram, BASE);
    const padded = parseShareLink(`${url}==`);
    expectLinked(padded, diagram);
    const middle = parseShareLink(`${url.slice(0, -5)}=${url.slice(-5)}`);
    expect(!middle.ok && middle.error.message).toMatch(/"="/);
  });

  it('refuses an unknown link version, telling newer from impossible', () => {
    const json = utf8('{}');
    const newer = parseShareLink(craftLink(2, json));
    expect(!newer.ok && newer.error.code).toBe('newer-version');
    expect(!newer.ok && newer.error.message).toMatch(/newer Archflow/);
    const zero = parseShareLink(craftLink(0, json));
    expect(!zero.ok && zero.error.code).toBe('bad-version');
  });

  it('refuses a bomb that admits its size without inflating anything', () => {
    const push = vi.spyOn(Inflate.prototype, 'push');
    const link = craftLink(1, utf8('{}'), { length: 50 * 1024 * 1024 });
    const result = parseShareLink(link);
    expect(!result.ok && result.error.code).toBe('too-large');
    expect(!result.ok && result.error.message).toMatch(/20 MB/);
    expect(push).not.toHaveBeenCalled();
  });

  it('stops a bomb that lies about its size long before its end', () => {
    const spaces = new Uint8Array(50 * 1024 * 1024).fill(0x20);
    const packedLength = deflateSync(spaces, { level: 9 }).length;
    const push = vi.spyOn(Inflate.prototype, 'push');
    // The header claims the limit; 50 MB of spaces follow.
    const result = parseShareLink(craftLink(1, spaces, { length: LIMITS.maxFileBytes }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toMatch(/damaged/);
    // Stopping at 20 MB of 50 MB means most of the compressed bytes were never even pushed.
    const pushed = push.mock.calls.reduce((sum, [chunk]) => sum + chunk.length, 0);
    expect(pushed).toBeLessThan(packedLength * 0.6);
  });

  it('refuses a link too long to be a diagram without decoding it', () => {
    const result = parseShareLink(`${BASE}#d=${'A'.repeat(LIMITS.maxFileBytes + 1)}`);
    expect(!result.ok && result.error.code).toBe('too-large');
  });

  it('refuses a well-formed link that Archflow did not write', () => {
    for (const json of ['[1,2]', '{"title":"t"}', '{"title":"t","nodes":{"id":[1]},"edges":{"id":[]}}', 'not json']) {
      const result = parseShareLink(craftLink(1, utf8(json)));
      expect(result.ok, json).toBe(false);
    }
    const outOfRange = parseShareLink(
      craftLink(1, utf8('{"title":"t","flow":"bottom-up","nodes":{"id":["a"],"kind":["cdn"],"label":["A"]},"edges":{"id":["e"],"source":[0],"target":[5]}}')),
    );
    expect(!outOfRange.ok && outOfRange.error.code).toBe('not-archflow');
  });

  it('checks the diagram inside like a file, naming the place', () => {
    const json = '{"title":"t","flow":"bottom-up","nodes":{"id":["a"],"kind":["cdn"],"label":["A"]},"edges":{"id":["e"],"source":[0],"target":["ghost"]}}';
    const result = parseShareLink(craftLink(1, utf8(json)));
    expect(!result.ok && result.error.path).toBe('edges[0].target');
  });

  it('lets no key in a link reach a prototype', () => {
    const json =
      '{"__proto__":{"polluted":1},"title":"t","flow":"bottom-up","constructor":{"prototype":{"polluted":1}},' +
      '"nodes":{"__proto__":{"polluted":1},"id":["a"],"kind":["cdn"],"label":["A"],"position":[[1,2]]},' +
      '"edges":{"id":[],"source":[],"target":[]}}';
    const result = parseShareLink(craftLink(1, utf8(json)));
    expect(result.ok && result.value.nodes).toEqual([{ id: 'a', kind: 'cdn', label: 'A', position: { x: 1, y: 2 } }]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (before, after) => {
        const result = parseShareLink(`${before}#d=${after}`);
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });
});

describe('share link length', () => {
  it('warns past 8,000 characters and suggests a file', () => {
    expect(shareLinkWarning('x'.repeat(SHARE_LINK_WARN_LENGTH))).toBeNull();
    const warning = shareLinkWarning('x'.repeat(SHARE_LINK_WARN_LENGTH + 1));
    expect(warning).toMatch(/8,000/);
    expect(warning).toMatch(/file/);
  });

  it('fits a 100-node diagram with short ids in under 4,000 characters', () => {
    const url = serializeShareLink(realisticDiagram(100, { seed: 1, ids: 'sequential' }), BASE);
    expect(url.length).toBeLessThan(4_000);
  });

  it('fits a 100-node diagram in under 4,000 characters whatever its ids: they are renamed compactly', () => {
    // Ids as editors that cannot both take one make them: a readable prefix and a random suffix.
    const diagram = realisticDiagram(100, { seed: 1, ids: 'store' });
    const long = { ...diagram, nodes: diagram.nodes.map((n) => ({ ...n, id: `${n.id}-k3x9qz7w` })) };
    const rename = new Map(diagram.nodes.map((n, i) => [n.id, long.nodes[i]!.id]));
    long.edges = diagram.edges.map((e) => ({ ...e, id: `${e.id}-8fj2ka`, source: rename.get(e.source)!, target: rename.get(e.target)! }));
    const url = serializeShareLink(long, BASE);
    expect(url.length).toBeLessThan(4_000);
    const opened = parseShareLink(url);
    expectLinked(opened, long);
    expect(opened.ok && opened.value.nodes.slice(0, 3).map((n) => n.id)).toEqual(['n1', 'n2', 'n3']);
    expect(opened.ok && opened.value.edges[0]?.id).toBe('e1');
  });

  it('keeps a reference to a missing node as it is, and never lets a compact id take its name', () => {
    const broken: Diagram = {
      title: 't',
      flow: 'bottom-up',
      nodes: [{ id: 'api', kind: 'api-server', label: 'API' }],
      edges: [{ id: 'x', source: 'api', target: 'n1' }],
    };
    const opened = parseShareLink(serializeShareLink(broken, BASE));
    // The file parser refuses it, as it would the file: the reference still names no node.
    expect(!opened.ok && opened.error.message).toBe('edges[0].target: "n1" is not a node id');
  });
});
