import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseProblemFile } from '../../../src/model/practice/problemRecord';
import urlShortener from '../../../src/model/practice/problems/url-shortener.json';

const text = (value: unknown) => JSON.stringify(value);
const base = () => structuredClone(urlShortener) as unknown as Record<string, unknown>;

describe('parseProblemFile', () => {
  it('reads a shipped problem', () => {
    const parsed = parseProblemFile(text(urlShortener));
    expect(parsed.ok && parsed.value.title).toBe('URL shortener');
  });

  it('places each refusal', () => {
    const cases: [(p: Record<string, unknown>) => void, string][] = [
      [(p) => { p.format = 'archflow'; }, ''],
      [(p) => { (p.requirements as { priority: string }[])[1]!.priority = 'nice'; }, 'requirements[1].priority'],
      [(p) => { (p.endpoints as { method: string }[])[0]!.method = 'FETCH'; }, 'endpoints[0].method'],
      [(p) => { (p.drills as { components: string[] }[])[1]!.components = ['nope']; }, 'drills[1].components[0]'],
      [(p) => { ((p.reference as { nodes: { kind: string }[] }).nodes[2]!).kind = 'toaster'; }, 'reference.nodes[2].kind'],
      [(p) => { (p.requirements as { id: string }[])[1]!.id = (p.requirements as { id: string }[])[0]!.id; }, 'requirements[1].id'],
      [(p) => { p.version = 7; }, 'version'],
    ];
    for (const [change, path] of cases) {
      const p = base();
      change(p);
      const parsed = parseProblemFile(text(p));
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error.path).toBe(path);
        if (path !== '') expect(parsed.error.message.startsWith(`${path}: `)).toBe(true);
      }
    }
  });

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ ...base(), scale: v }))), (input) => {
        const parsed = parseProblemFile(input);
        expect(typeof parsed.ok).toBe('boolean');
      }),
      { numRuns: 200 },
    );
  });
});
