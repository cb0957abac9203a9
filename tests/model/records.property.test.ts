/**
 * The record schemas as a user of a file relies on them: every field refuses a wrong value with
 * a message placed at that field, text is cleaned the same way whatever its way in, and files of
 * every version open to the same document.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../src/model/diagram';
import { CURRENT_VERSION } from '../../src/model/diagram';
import { parseDiagramFile, parseDiagramValue } from '../../src/model/parseDiagramFile';
import { DOCUMENT_META_SHAPE } from '../../src/model/records/documentMeta';
import { EDGE_SHAPE } from '../../src/model/records/edge';
import { NODE_SHAPE } from '../../src/model/records/node';
import { serializeDiagramFile, toDiagramFile } from '../../src/model/serializeDiagramFile';
import { cleanText } from '../../src/model/text';
import { arbitraryDiagram, arbitraryRawText } from './arbitraries';

type Json = Record<string, unknown>;

function file(): Json {
  return {
    format: 'archflow',
    version: CURRENT_VERSION,
    title: 'Shop',
    flow: 'bottom-up',
    nodes: [
      { id: 'vpc', kind: 'group', label: 'VPC' },
      { id: 'api', kind: 'api-server', label: 'API', parent: 'vpc', position: { x: 1, y: 2 }, size: { width: 3, height: 4 }, tech: 'Go', notes: 'n' },
    ],
    edges: [{ id: 'e1', source: 'api', target: 'vpc', label: 'l', protocol: 'p', bidirectional: true, route: [{ x: 1, y: 1 }] }],
  };
}

/** A value of the wrong type for a field: a list, or for a field that takes a list, text. */
function wrongFor(key: string): unknown {
  return key === 'route' ? 'not this' : [['not', 'this']];
}

describe('every field of every record refuses a wrong value, naming that field', () => {
  const places: [string, (f: Json) => Json][] = [
    ...Object.keys(DOCUMENT_META_SHAPE).map((key): [string, (f: Json) => Json] => [key, (f) => f]),
    ...Object.keys(NODE_SHAPE).map((key): [string, (f: Json) => Json] => [`nodes[1].${key}`, (f) => (f.nodes as Json[])[1]!]),
    ...Object.keys(EDGE_SHAPE).map((key): [string, (f: Json) => Json] => [`edges[0].${key}`, (f) => (f.edges as Json[])[0]!]),
  ];

  it.each(places)('%s', (path, recordOf) => {
    const f = file();
    const key = path.split('.').pop()!;
    recordOf(f)[key] = wrongFor(key);
    const result = parseDiagramValue(f);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid');
    expect(result.error.path).toBe(path);
    expect(result.error.message).toMatch(new RegExp(`^${path.replace(/[[\].]/g, '\\$&')}: .*(found a list|found "not this"|is not)`));
  });
});

describe('text is cleaned on the way in, whatever it holds', () => {
  it('every text field holds exactly cleanText of what the file said (one line, or notes)', () => {
    fc.assert(
      fc.property(arbitraryRawText(40), arbitraryRawText(40), (one, notes) => {
        const f = file();
        f.title = one;
        Object.assign((f.nodes as Json[])[1]!, { label: one, tech: one, notes });
        Object.assign((f.edges as Json[])[0]!, { label: one, protocol: one });
        const result = parseDiagramFile(JSON.stringify(f));
        if (!result.ok) throw new Error(result.error.message);
        const clean = cleanText(one, 1_000);
        const d = result.value;
        const optional = (s: string) => (s === '' ? undefined : s);
        expect([d.title, d.nodes[1]?.label]).toStrictEqual([clean, clean]);
        expect([d.nodes[1]?.tech, d.edges[0]?.label, d.edges[0]?.protocol]).toStrictEqual(Array(3).fill(optional(clean)));
        expect(d.nodes[1]?.notes).toBe(optional(cleanText(notes, 20_000, { multiline: true })));
        // No control character or lone surrogate is left anywhere in the document.
        const text = JSON.stringify(d);
        expect(text).not.toMatch(/\\u00[01][0-9a-f]|\\u007f|\\ud[89a-f]/i);
      }),
      { numRuns: 500 },
    );
  });
});

describe('every version opens to the same document and saves as the current one', () => {
  /** The same diagram as an older Archflow wrote it. */
  function asVersion(diagram: Diagram, version: 1 | 'draft'): string {
    const f = toDiagramFile(diagram) as unknown as Json;
    if (version === 1) return JSON.stringify({ ...f, version: 1 });
    const { format: _format, version: _version, ...draft } = f;
    if (draft.flow === 'bottom-up') delete draft.flow;
    return JSON.stringify(draft);
  }

  it('a version 1 file and a draft open equal to the version 2 file, and save as version 2', () => {
    fc.assert(
      fc.property(arbitraryDiagram(), fc.constantFrom(1 as const, 'draft' as const), (diagram, version) => {
        const old = parseDiagramFile(asVersion(diagram, version));
        if (!old.ok) throw new Error(old.error.message);
        expect(old.value).toStrictEqual(diagram);
        expect(old.notices).toHaveLength(version === 'draft' ? 1 : 0);
        const saved = serializeDiagramFile(old.value);
        expect(JSON.parse(saved).version).toBe(2);
        expect(saved).toBe(serializeDiagramFile(diagram));
      }),
      { numRuns: 500 },
    );
  });

  it('a file from a newer Archflow is refused, saying so', () => {
    const result = parseDiagramValue({ ...file(), version: CURRENT_VERSION + 1 });
    expect(!result.ok && result.error.message).toBe(
      `version: this diagram was made by a newer Archflow (file version ${CURRENT_VERSION + 1}; this app reads up to version ${CURRENT_VERSION}). Update Archflow to open it.`,
    );
  });
});
