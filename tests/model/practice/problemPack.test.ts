import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseProblemsFile } from '../../../src/model/practice/problemPack';
import { loadShippedProblem } from '../../../src/model/practice/problemLibrary';
import type { Problem } from '../../../src/model/practice/problemRecord';
import { serializeProblemFile, serializeProblemPack } from '../../../src/model/practice/serializeProblemFile';

async function problem(id: string): Promise<Problem> {
  const parsed = await loadShippedProblem(id);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const pack = async () => JSON.parse(serializeProblemPack('Coach set', [await problem('url-shortener'), await problem('pastebin')])) as Record<string, unknown> & { problems: Record<string, unknown>[] };

describe('problem packs', () => {
  it('reads back the problems a pack was written from, in order and unchanged', async () => {
    const a = await problem('url-shortener');
    const b = await problem('chat');
    const parsed = parseProblemsFile(serializeProblemPack('Two', [a, b]));
    expect(parsed.ok && parsed.value).toEqual([a, b]);
  });

  it('reads a single problem file through the same entry point', async () => {
    const a = await problem('leaderboard');
    const parsed = parseProblemsFile(serializeProblemFile(a));
    expect(parsed.ok && parsed.value).toEqual([a]);
  });

  it('places each refusal inside the pack', async () => {
    const cases: [(p: Awaited<ReturnType<typeof pack>>) => void, string, RegExp][] = [
      [(p) => { (p.problems[1]!.requirements as { priority: string }[])[0]!.priority = 'nice'; }, 'problems[1].requirements[0].priority', /"nice" is not a priority/],
      [(p) => { ((p.problems[0]!.reference as { nodes: { kind: string }[] }).nodes[2]!).kind = 'toaster'; }, 'problems[0].reference.nodes[2].kind', /toaster/],
      [(p) => { p.problems[1]!.id = p.problems[0]!.id; }, 'problems[1].id', /used by an earlier problem/],
      [(p) => { p.problems[1]!.format = 'archflow'; }, 'problems[1]', /not an Archflow problem/],
      [(p) => { p.version = 2; }, 'version', /version 2; this Archflow reads version 1/],
      [(p) => { p.version = '1'; }, 'version', /expected 1/],
      [(p) => { p.problems = []; }, 'problems', /at least one/],
      [(p) => { (p as Record<string, unknown>).problems = 'all'; }, 'problems', /expected a list/],
      [(p) => { p.extra = true; }, 'extra', /not a field/],
      [(p) => { p.title = 7; }, 'title', /expected text/],
    ];
    for (const [change, path, message] of cases) {
      const p = await pack();
      change(p);
      const parsed = parseProblemsFile(JSON.stringify(p));
      expect(parsed.ok, path).toBe(false);
      if (!parsed.ok) {
        expect(parsed.error.path).toBe(path);
        expect(parsed.error.message.startsWith(`${path}: `)).toBe(true);
        expect(parsed.error.message).toMatch(message);
      }
    }
  });

  it('refuses what is neither a problem nor a pack, and broken JSON, with a line and column', () => {
    const neither = parseProblemsFile('{"format":"archflow","version":2}');
    expect(!neither.ok && neither.error.message).toMatch(/not an Archflow problem or problem pack/);
    const broken = parseProblemsFile('{\n  "format": "archflow-problem-pack",\n  "problems": [,]\n}');
    expect(!broken.ok && broken.error.code).toBe('not-json');
    expect(!broken.ok && broken.error.message).toMatch(/line 3/);
  });

  it('never throws on arbitrary input', async () => {
    const base = await pack();
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ ...base, problems: [v] })), fc.jsonValue().map((v) => JSON.stringify({ ...base, title: v }))),
        (input) => {
          const parsed = parseProblemsFile(input);
          expect(typeof parsed.ok).toBe('boolean');
        },
      ),
      { numRuns: 150, seed: 14 },
    );
  });
});
