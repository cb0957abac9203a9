/**
 * The records' fast path (src/model/records/fastParser.ts) must give exactly zod's answer: for
 * any input, either the same value (same keys in the same order, same -0 or 0, same undefined
 * fields) or MISMATCH where zod refuses. A MISMATCH where zod accepts is never wrong (the caller
 * asks zod), but valid documents must take the fast path, or it is not one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { DocumentMetaRecord } from '../../src/model/records/documentMeta';
import { DiagramRecord } from '../../src/model/records/diagramRecord';
import { EdgeRecord } from '../../src/model/records/edge';
import { EndpointRecord } from '../../src/model/records/endpoint';
import { EntityRecord } from '../../src/model/records/entity';
import { fastParserFor, MISMATCH } from '../../src/model/records/fastParser';
import type { ValueSource } from '../../src/model/records/fastParser';
import { NodeRecord } from '../../src/model/records/node';
import { NoteRecord } from '../../src/model/records/note';
import { PracticeSessionRecord } from '../../src/model/records/practiceSession';
import { PathRecord } from '../../src/model/records/requestPath';
import { RequirementRecord } from '../../src/model/records/requirement';
import { toDiagramFile } from '../../src/model/serializeDiagramFile';
import { arbitraryDiagram, arbitraryRawText } from './arbitraries';

type Json = Record<string, unknown>;

/** Keys in order, undefined fields and -0 spelled out: what toStrictEqual does not look at. */
function layout(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (v === undefined ? '<undefined>' : Object.is(v, -0) ? '<-0>' : v));
}

/**
 * Fails the property when the fast path answers differently from zod. Returns whether it
 * answered. `json`, `owned`: the value is JSON.parse's own, so the parses for such values are
 * held to zod too; the `owned` one must leave its input as it was, answer or not.
 */
function expectSameAsZod(schema: z.ZodType, value: unknown, sources: readonly ValueSource[] = ['any']): boolean {
  const zod = schema.safeParse(value);
  let answered = true;
  for (const source of sources) {
    const before = source === 'owned' ? exactJson(value) : undefined;
    const fast = fastParserFor(schema, source)(value);
    if (source === 'owned') expect(exactJson(value)).toBe(before);
    if (fast === MISMATCH) {
      answered = false;
      continue;
    }
    expect(zod.success).toBe(true);
    expect(fast).toStrictEqual(zod.data);
    expect(layout(fast)).toBe(layout(zod.data));
  }
  return answered;
}

/** JSON text of a JSON value that tells -0 from 0 (own `__proto__` keys included, in order). */
function exactJson(value: unknown): string | undefined {
  return JSON.stringify(value, (_key, item: unknown) => (Object.is(item, -0) ? { negativeZero: true } : item));
}

const BOTH: readonly ValueSource[] = ['any', 'json', 'owned'];

function viaJson(value: unknown): unknown {
  const text = JSON.stringify(value);
  return text === undefined ? undefined : JSON.parse(text);
}

/** A practice session with every kind of field, valid as it stands. */
function practice(): Json {
  const names = { added: ['Cache'], removed: [], changed: ['Web → API'], edgesAdded: [], edgesRemoved: [], edgesChanged: [], total: 2 };
  return {
    problem: 'url-shortener',
    problemTitle: 'URL shortener',
    flow: 'top-down',
    lengthMinutes: 45,
    step: 'deep-dive',
    elapsedMs: 120_000,
    runningSince: 1_800_000_000_000,
    steps: [{ id: 'requirements', spentMs: 60_000, notes: 'line one\r\nline two' }, { id: 'apis', spentMs: 0, notes: '' }],
    hintsUsed: 1,
    drills: [
      {
        drill: 'cache-down',
        down: ['cache'],
        startElapsedMs: 100_000,
        baseline: { nodes: [{ id: 'cache', label: 'Cache', sig: 'abc' }], edges: [{ id: 'e1', source: 'web', target: 'cache', sig: 'x' }] },
        spentMs: 5_000,
        changes: names,
        served: true,
      },
    ],
  };
}

/** A whole document as a file holds it, design records and a practice session included. */
const arbitraryFile: fc.Arbitrary<Json> = fc
  .tuple(arbitraryDiagram({ design: true, maxNodes: 8, maxEdges: 10 }), fc.boolean())
  .map(([diagram, withPractice]) => {
    const file = JSON.parse(JSON.stringify(toDiagramFile(diagram))) as Json;
    if (withPractice) file.practice = practice();
    return file;
  });

/** Values a hostile or broken file puts where a field should be. */
const arbitraryWrongValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(undefined, null, true, false, 0, -0, 1, -1, 0.5, 1e15, 1e16, -1e8, Number.NaN, Infinity, -Infinity, '', 'group', 'sync', 'GET', 'must', 'yellow'),
  fc.double(),
  fc.integer(),
  arbitraryRawText(30),
  // Over and at the text limits, in letters and in emoji (two UTF-16 units each).
  fc.constantFrom('x'.repeat(200), 'x'.repeat(201), 'x'.repeat(1_000), 'x'.repeat(1_001), '😀'.repeat(100), '😀'.repeat(101), '😀'.repeat(500), '😀'.repeat(501)),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.oneof(fc.integer(), arbitraryRawText(5)), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('x', 'y', 'width', 'height', 'id', '__proto__'), fc.oneof(fc.integer(), fc.double(), fc.string())),
);

/** Every container in `value` with a key in it: where a mutation can land. */
function places(value: unknown, out: [Json | unknown[], string | number][] = []): [Json | unknown[], string | number][] {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      out.push([value, i]);
      places(item, out);
    });
  } else if (typeof value === 'object' && value !== null) {
    for (const key of Object.keys(value)) {
      out.push([value as Json, key]);
      places((value as Json)[key], out);
    }
  }
  return out;
}

type Mutation = { kind: 'set'; value: unknown } | { kind: 'delete' } | { kind: 'extra'; key: string; value: unknown };

const arbitraryMutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: arbitraryWrongValue.map((value): Mutation => ({ kind: 'set', value })), weight: 6 },
  { arbitrary: fc.constant<Mutation>({ kind: 'delete' }), weight: 2 },
  {
    arbitrary: fc.record({ key: fc.constantFrom('__proto__', 'constructor', 'selected', 'extra'), value: arbitraryWrongValue }).map((m): Mutation => ({ kind: 'extra', ...m })),
    weight: 1,
  },
);

function mutate(file: Json, at: number, mutation: Mutation): void {
  const all = places(file);
  const [container, key] = all[at % all.length]!;
  if (mutation.kind === 'set') (container as Record<string | number, unknown>)[key] = mutation.value;
  else if (mutation.kind === 'delete') {
    if (Array.isArray(container)) container.splice(key as number, 1);
    else delete container[key as string];
  } else {
    const target = (container as Record<string | number, unknown>)[key];
    // As JSON.parse makes it: an own property, even `__proto__`.
    if (typeof target === 'object' && target !== null && !Array.isArray(target)) {
      Object.defineProperty(target, mutation.key, { value: mutation.value, enumerable: true, writable: true, configurable: true });
    }
  }
}

const RECORDS: [string, z.ZodType][] = [
  ['node', NodeRecord],
  ['edge', EdgeRecord],
  ['requirement', RequirementRecord],
  ['endpoint', EndpointRecord],
  ['entity', EntityRecord],
  ['request path', PathRecord],
  ['note', NoteRecord],
  ['document meta', DocumentMetaRecord],
  ['practice session', PracticeSessionRecord],
];

describe('the fast path gives zod\'s answer', () => {
  it('takes every valid document, with the same value as zod', () => {
    fc.assert(
      fc.property(arbitraryFile, (file) => {
        expect(expectSameAsZod(DiagramRecord, file, BOTH)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('on a document with one field changed, deleted or added: the same value, or no answer where zod refuses', () => {
    fc.assert(
      fc.property(arbitraryFile, fc.nat(), arbitraryMutation, (file, at, mutation) => {
        mutate(file, at, mutation);
        expectSameAsZod(DiagramRecord, file);
        expectSameAsZod(DiagramRecord, viaJson(file), BOTH);
      }),
      { numRuns: 600 },
    );
  });

  it('cleans raw text exactly as zod does, control characters, line breaks and lone surrogates included', () => {
    fc.assert(
      fc.property(arbitraryRawText(40), arbitraryRawText(40), arbitraryRawText(40), (label, tech, notes) => {
        const node = { id: label === '' ? 'n' : label, kind: 'api-server', label, tech, notes };
        expectSameAsZod(NodeRecord, node, BOTH);
        expectSameAsZod(NoteRecord, { id: 'n', text: notes, position: { x: 0, y: -0 } }, BOTH);
      }),
      { numRuns: 300 },
    );
  });

  it.each(RECORDS)('the %s record: any value at all', (_name, schema) => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.object({ key: fc.constantFrom('id', 'kind', 'label', 'text', 'x', 'y', 'source', 'target', 'node', 'position') })), (value) => {
        expectSameAsZod(schema, value);
        expectSameAsZod(schema, viaJson(value), BOTH);
      }),
      { numRuns: 200 },
    );
  });

  it('answers a hand-checked node as zod does, dropping what the file need not say', () => {
    const node = { id: 'api', kind: 'api-server', label: 'API\tv2', tech: '', notes: 'a\r\nb', position: { x: -0, y: 3 }, figures: { instances: 2 }, selected: true };
    expect(fastParserFor(NodeRecord)(node)).toStrictEqual({ id: 'api', kind: 'api-server', label: 'API v2', notes: 'a\nb', position: { x: 0, y: 3 }, figures: { instances: 2 } });
    expect(fastParserFor(NodeRecord)({ ...node, role: 'group' })).toBe(MISMATCH);
    expect(NodeRecord.safeParse({ ...node, role: 'group' }).success).toBe(false);
  });

  it('reads fields in a different order, unknown fields and a JSON "__proto__" key as zod does', () => {
    const reordered = JSON.parse('{"label":"A","kind":"cdn","id":"a","position":{"y":-0,"x":1}}') as unknown;
    expect(expectSameAsZod(NodeRecord, reordered, BOTH)).toBe(true);
    const extra = JSON.parse('{"id":"a","kind":"cdn","label":"A","__proto__":{"polluted":true},"selected":true}') as unknown;
    expect(expectSameAsZod(NodeRecord, extra, BOTH)).toBe(true);
    expect(fastParserFor(NodeRecord, 'json')(extra)).toStrictEqual({ id: 'a', kind: 'cdn', label: 'A' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('gives zod\'s answer even when Object.prototype has been given an enumerable field', () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto.tech = 'polluted';
    try {
      const node = JSON.parse('{"id":"a","kind":"cdn","label":"A"}') as unknown;
      expect(expectSameAsZod(NodeRecord, node, BOTH)).toBe(true);
    } finally {
      delete proto.tech;
    }
  });

  it('keeps, when owned, the objects and lists parsing leaves as they are, and copies the ones it changes', () => {
    const file = JSON.parse(
      '{"format":"archflow","version":2,"title":"T","flow":"top-down","nodes":[{"id":"a","kind":"cdn","label":"A","position":{"x":1,"y":2}},{"id":"b","kind":"cdn","label":" B ","position":{"x":-0,"y":2}}],"edges":[{"id":"e","source":"a","target":"b"}]}',
    ) as { nodes: { position: unknown }[]; edges: unknown[] };
    const parsed = fastParserFor(DiagramRecord, 'owned')(file) as typeof file;
    expect(parsed).toStrictEqual(DiagramRecord.parse(file));
    expect(parsed.nodes[0]).toBe(file.nodes[0]);
    expect(parsed.edges).toBe(file.edges);
    expect(parsed.nodes[1]).not.toBe(file.nodes[1]);
    expect(parsed.nodes[1]!.position).toStrictEqual({ x: 0, y: 2 });
    expect(Object.is((file.nodes[1]!.position as { x: number }).x, -0)).toBe(true);
  });

  it('falls back on input it does not read as data (a getter that throws)', () => {
    const node = { id: 'a', kind: 'cdn' };
    Object.defineProperty(node, 'label', { enumerable: true, get: () => { throw new Error('no'); } });
    expect(fastParserFor(NodeRecord)(node)).toBe(MISMATCH);
  });
});
