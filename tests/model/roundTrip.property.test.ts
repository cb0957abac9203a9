/**
 * Whatever the parser accepts is a diagram the rest of Archflow can work with: it validates, lays
 * out, and saves again to an equal document, in every form a diagram travels in (file, PNG, SVG,
 * pasted text, share link). Files that other tools or people have reformatted open unchanged.
 */
import { assertNoPoisoning } from '@fast-check/poisoning';
import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { openDiagramFile } from '../../src/io/openDiagramFile';
import { parseDiagramText } from '../../src/io/parseDiagramText';
import { embedDiagramInPng } from '../../src/io/pngMetadata';
import { parseShareLink, serializeShareLink } from '../../src/io/shareLink';
import { embedDiagramInSvg } from '../../src/io/svgMetadata';
import { layoutDiagram } from '../../src/layout/layoutDiagram';
import type { Diagram } from '../../src/model/diagram';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';
import { serializeDiagramFile } from '../../src/model/serializeDiagramFile';
import { validateFlow } from '../../src/model/validateFlow';
import { expectEqualUpToIdRenaming } from '../io/idRenaming';
import { arbitraryDiagram } from './arbitraries';

// Node defines some globals lazily and turns them into plain values on first use. They are used
// here before @fast-check/poisoning takes its snapshot (vi.hoisted runs ahead of the imports),
// so that first use is not mistaken for pollution.
vi.hoisted(() => void [TextEncoder, TextDecoder, Blob, File, atob, btoa, DOMException, structuredClone]);

type Json = Record<string, unknown>;

// Thousands of runs each: on a machine shared with other work they can take a minute or more,
// and a busy machine is not a failure.
vi.setConfig({ testTimeout: 240_000 });

// The test runner keeps its own bookkeeping on globalThis, and elkjs (compiled by GWT) sets up a
// `goog` global when it loads; everything else must stay as it was.
// zod keeps its configuration and schema registry on globalThis, set once as it loads.
const checkNoPoisoning = () => assertNoPoisoning({ ignoredRootRegex: /^(__vitest|__zod_global|AbortController$|goog$)/ });

/** A small seeded generator, so one fast-check integer drives many choices reproducibly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own enumerable key, as JSON.parse makes it, even for "__proto__". */
function setOwn(obj: Json, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function mapObjects(value: unknown, visit: (obj: Json, path: string[]) => Json, path: string[] = []): unknown {
  if (Array.isArray(value)) return value.map((v, i) => mapObjects(v, visit, [...path, String(i)]));
  if (!isObject(value)) return value;
  const out: Json = {};
  for (const [k, v] of Object.entries(value)) setOwn(out, k, mapObjects(v, visit, [...path, k]));
  return visit(out, path);
}

// ---------------------------------------------------------------------------------------------
// What other tools and people do to a file that must not change the diagram in it.

interface Reformat {
  indent: 0 | 1 | 2 | 4 | '\t';
  shuffleKeys: boolean;
  unknownKeys: boolean;
  prototypeKeys: boolean;
  emptyOptionals: boolean;
  escapeNonAscii: boolean;
  byteOrderMark: boolean;
  /** The unversioned draft shape: no format, no version, and no flow when it is bottom-up. */
  draft: boolean;
  seed: number;
}

const arbitraryReformat: fc.Arbitrary<Reformat> = fc.record({
  indent: fc.constantFrom(0 as const, 1 as const, 2 as const, 4 as const, '\t' as const),
  shuffleKeys: fc.boolean(),
  unknownKeys: fc.boolean(),
  prototypeKeys: fc.boolean(),
  emptyOptionals: fc.boolean(),
  escapeNonAscii: fc.boolean(),
  byteOrderMark: fc.boolean(),
  draft: fc.boolean(),
  seed: fc.integer(),
});

function reformat(diagram: Diagram, r: Reformat): string {
  const next = random(r.seed);
  let file = JSON.parse(serializeDiagramFile(diagram)) as Json;
  if (r.emptyOptionals) {
    // Fields a save leaves out when they say nothing.
    for (const node of file.nodes as Json[]) {
      node.tech ??= '';
      node.notes ??= '';
    }
    for (const edge of file.edges as Json[]) {
      edge.label ??= '';
      edge.protocol ??= '';
      edge.bidirectional ??= false;
      edge.route ??= [];
    }
    file.layout ??= {};
  }
  if (r.unknownKeys || r.prototypeKeys) {
    file = mapObjects(file, (obj) => {
      if (r.unknownKeys) setOwn(obj, `x-${Math.floor(next() * 1000)}`, next() < 0.5 ? { nested: [1, 'two'] } : 'note');
      if (r.prototypeKeys) {
        const key = (['__proto__', 'constructor', 'prototype'] as const)[Math.floor(next() * 3)]!;
        setOwn(obj, key, { polluted: true, kind: 'group', format: 'archflow', toString: 'x' });
      }
      return obj;
    }) as Json;
  }
  if (r.draft && Object.hasOwn(file, 'nodes')) {
    delete file.format;
    delete file.version;
    if (file.flow === 'bottom-up') delete file.flow;
  }
  if (r.shuffleKeys) {
    file = mapObjects(file, (obj) => {
      const entries = Object.entries(obj);
      for (let i = entries.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [entries[i], entries[j]] = [entries[j]!, entries[i]!];
      }
      const out: Json = {};
      for (const [k, v] of entries) setOwn(out, k, v);
      return out;
    }) as Json;
  }
  let text = JSON.stringify(file, null, r.indent) ?? '';
  // Valid JSON either way: every non-ASCII character sits inside a string.
  if (r.escapeNonAscii) text = text.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return r.byteOrderMark ? `\uFEFF${text}` : text;
}

// ---------------------------------------------------------------------------------------------
// Random damage: whatever of it the parser still accepts must be a usable diagram.

const damage = fc.record({
  seed: fc.integer(),
  count: fc.integer({ min: 1, max: 3 }),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('group', 'cache', 'n0', '', -0, 1e308, null)),
});

function damaged(diagram: Diagram, d: { seed: number; count: number; value: unknown }): string {
  const next = random(d.seed);
  const file = JSON.parse(serializeDiagramFile(diagram)) as Json;
  for (let k = 0; k < d.count; k++) {
    const slots: { container: Json | unknown[]; key: string | number }[] = [];
    const walk = (value: unknown) => {
      if (Array.isArray(value)) {
        value.forEach((v, i) => {
          slots.push({ container: value, key: i });
          walk(v);
        });
      } else if (isObject(value)) {
        for (const [key, v] of Object.entries(value)) {
          slots.push({ container: value, key });
          walk(v);
        }
      }
    };
    walk(file);
    const slot = slots[Math.floor(next() * slots.length)];
    if (!slot) break;
    const container = slot.container as Record<string | number, unknown>;
    const choice = next();
    if (choice < 0.4) {
      if (Array.isArray(slot.container)) slot.container.splice(slot.key as number, 1);
      else delete container[slot.key];
    } else if (choice < 0.8) {
      container[slot.key] = structuredClone(d.value);
    } else if (Array.isArray(slot.container)) {
      slot.container.push(structuredClone(slot.container[slot.key as number]));
    }
  }
  return JSON.stringify(file);
}

// ---------------------------------------------------------------------------------------------

function expectUsable(diagram: Diagram) {
  // Validates: a report whose findings name only what is in the diagram.
  const report = validateFlow(diagram);
  const nodeIds = new Set(diagram.nodes.map((n) => n.id));
  const edgeIds = new Set(diagram.edges.map((e) => e.id));
  for (const finding of report.findings) {
    expect(finding.message.length).toBeGreaterThan(0);
    for (const id of finding.nodes) expect(nodeIds.has(id), `finding names node ${id}`).toBe(true);
    for (const id of finding.edges) expect(edgeIds.has(id), `finding names edge ${id}`).toBe(true);
  }
  expect(report.errorCount + report.warningCount).toBe(report.findings.length);
  expect(report.valid).toBe(report.errorCount === 0);
  // Saves again to an equal document, and the same bytes the second time.
  const text = serializeDiagramFile(diagram);
  const again = parseDiagramFile(text);
  expect(again.ok && again.value).toStrictEqual(diagram);
  if (again.ok) expect(serializeDiagramFile(again.value)).toBe(text);
}

const BASE = 'https://archflow.example/app/';

describe('a reformatted file opens unchanged', () => {
  it('whatever the whitespace, key order, escapes, extra keys, byte-order mark or draft shape', () => {
    fc.assert(
      fc.property(arbitraryDiagram({ design: true }), arbitraryReformat, (diagram, r) => {
        const result = parseDiagramFile(reformat(diagram, r));
        checkNoPoisoning();
        if (!result.ok) throw new Error(`refused: ${result.error.message}`);
        expect(result.value).toStrictEqual(diagram);
        expect(result.notices).toHaveLength(r.draft ? 1 : 0);
      }),
      { numRuns: 800 },
    );
  });
});

describe('whatever the parser accepts is usable', () => {
  it('validates and saves again to an equal document, even after random damage', () => {
    let accepted = 0;
    fc.assert(
      fc.property(arbitraryDiagram({ maxNodes: 10, maxEdges: 12, design: true }), damage, (diagram, d) => {
        const result = parseDiagramFile(damaged(diagram, d));
        checkNoPoisoning();
        if (!result.ok) return;
        accepted++;
        expectUsable(result.value);
      }),
      { numRuns: 800 },
    );
    // The damage must leave enough files readable for the property to mean something.
    expect(accepted).toBeGreaterThan(80);
  });

  it('lays out (or says why not), and the laid-out diagram saves again unchanged', async () => {
    let laidOut = 0;
    await fc.assert(
      fc.asyncProperty(arbitraryDiagram({ maxNodes: 10, maxEdges: 12, design: true }), damage, async (diagram, d) => {
        const result = parseDiagramFile(damaged(diagram, d));
        const input = result.ok ? result.value : diagram;
        const outcome = await layoutDiagram(input);
        checkNoPoisoning();
        if (!outcome.ok) {
          expect(outcome.error.message.length).toBeGreaterThan(0);
          return;
        }
        const out = outcome.diagram;
        // Only geometry changes: the same components, names and connections.
        const essence = (x: Diagram) => ({
          title: x.title,
          flow: x.flow,
          nodes: x.nodes.map((n) => [n.id, n.kind, n.label, n.role, n.parent, n.tech, n.notes]),
          edges: x.edges.map((e) => [e.id, e.source, e.target, e.label, e.protocol, e.bidirectional]),
        });
        expect(essence(out)).toStrictEqual(essence(input));
        expect(out.nodes.every((n) => n.position !== undefined)).toBe(true);
        expectUsable(out);
        laidOut++;
      }),
      // Few runs: each is a real ELK layout.
      { numRuns: 25 },
    );
    expect(laidOut).toBeGreaterThan(15);
  });
});

describe('every way a diagram travels gives it back unchanged (links: up to compact ids)', () => {
  const tinyPng = Uint8Array.from(
    Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64'),
  );
  const emptySvg = '<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"></svg>';

  it('as an exported PNG or SVG, opened again', async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryDiagram({ design: true }), async (diagram) => {
        const json = serializeDiagramFile(diagram);
        const png = embedDiagramInPng(tinyPng, json);
        const fromPng = await openDiagramFile(new File([png as Uint8Array<ArrayBuffer>], 'export.png'));
        expect(fromPng.ok && fromPng.value).toStrictEqual(diagram);
        const fromSvg = await openDiagramFile(new File([embedDiagramInSvg(emptySvg, json)], 'export.svg'));
        expect(fromSvg.ok && fromSvg.value).toStrictEqual(diagram);
      }),
      { numRuns: 100 },
    );
  });

  it('as pasted JSON or a pasted share link', () => {
    fc.assert(
      fc.property(arbitraryDiagram({ design: true }), (diagram) => {
        const json = parseDiagramText(serializeDiagramFile(diagram));
        expect(json.kind === 'json' && json.result.ok && json.result.value).toStrictEqual(diagram);
        const link = parseDiagramText(`  ${serializeShareLink(diagram, BASE)}\n`);
        if (link.kind !== 'share-link' || !link.result.ok) throw new Error('the link did not open');
        expectEqualUpToIdRenaming(link.result.value, diagram);
      }),
      { numRuns: 300 },
    );
  });

  it('as a share link that went through the standard base64 alphabet, a form decoder or an address bar', () => {
    fc.assert(
      fc.property(arbitraryDiagram({ design: true }), fc.constantFrom('standard', 'plus-as-space', 'percent-encoded'), (diagram, damage) => {
        const url = serializeShareLink(diagram, BASE);
        const at = url.indexOf('#d=') + 3;
        const standard = url.slice(at).replace(/-/g, '+').replace(/_/g, '/');
        const payload =
          damage === 'standard'
            ? standard
            : damage === 'plus-as-space'
              ? standard.replace(/\+/g, ' ')
              : encodeURIComponent(standard.replace(/\+/g, ' '));
        const result = parseShareLink(`${url.slice(0, at)}${payload}`);
        // A "+" at the very end that became a space cannot be told from trailing white space:
        // that link is refused as damaged, never read as another diagram.
        if (damage !== 'standard' && standard.endsWith('+')) {
          expect(!result.ok && result.error.code).toBe('invalid');
          return;
        }
        if (!result.ok) throw new Error(result.error.message);
        expectEqualUpToIdRenaming(result.value, diagram);
      }),
      { numRuns: 300 },
    );
  });

  it('as a share link of a file that was reformatted first', () => {
    fc.assert(
      fc.property(arbitraryDiagram({ design: true }), arbitraryReformat, (diagram, r) => {
        const opened = parseDiagramFile(reformat(diagram, r));
        if (!opened.ok) throw new Error(opened.error.message);
        const linked = parseShareLink(serializeShareLink(opened.value, BASE));
        if (!linked.ok) throw new Error(linked.error.message);
        expectEqualUpToIdRenaming(linked.value, diagram);
        checkNoPoisoning();
      }),
      { numRuns: 300 },
    );
  });
});
