// One design, three readers: the app's Capacity view, the practice review's scale check and
// `archflow analyze` must find the same loads (issue 13; all three go through analysisInputOf).
import { afterAll, describe, expect, it } from 'vitest';
import { serializeDiagramFile } from '../../src/model/serializeDiagramFile';
import type { AttemptDesign } from '../../src/model/practice/attempt';
import { loadShippedProblem } from '../../src/model/practice/problemLibrary';
import { reviewScale } from '../../src/model/practice/review/reviewScale';
import { cli, tempDir } from '../cli/cliHarness';
import { figuredDesign } from '../fixtures/figuredDesign';
import { createTestStore } from './testStore';

const tmp = tempDir();
afterAll(() => tmp.remove());

/** id → load, as the app shows it with the analysis on at a multiplier. */
function appLoads(multiplier: number, down: string[] = []): Record<string, number> {
  const editor = createTestStore({ initial: figuredDesign() });
  editor.s.showCapacity(true);
  editor.s.setLoadMultiplier(multiplier);
  for (const id of down) editor.s.setDown(id, true);
  return Object.fromEntries([...editor.s.capacity!.nodeById.values()].map((n) => [n.id, n.load]));
}

async function cliLoads(...args: string[]): Promise<Record<string, number>> {
  const run = await cli('analyze', tmp.write('figured.json', serializeDiagramFile(figuredDesign())), '--json', ...args);
  const body = JSON.parse(run.stdout) as { nodes: { id: string; load: number }[] };
  return Object.fromEntries(body.nodes.map((n) => [n.id, n.load]));
}

/** The loads the review names for what it finds overloaded at 2× the problem's peak. */
async function reviewLoadsAtTwice(): Promise<Record<string, number>> {
  const loaded = await loadShippedProblem('url-shortener');
  if (!loaded.ok) throw new Error(loaded.error.message);
  const design = figuredDesign();
  const part = reviewScale({ ...loaded.value, scale: { ...design.scale } }, design as AttemptDesign);
  expect(part.points.map((p) => [p.ok, p.text.split(':')[0]])).toContainEqual([true, 'Nothing overloaded at the peak (2,000 requests/s)']);
  const out: Record<string, number> = {};
  for (const p of part.points) {
    const m = /^Overloaded at 2× the peak .*takes ([\d,]+) requests\/s/.exec(p.text);
    if (m) out[p.targets[0]!.id] = Number(m[1]!.replace(/,/g, ''));
  }
  return out;
}

describe('the same loads in the app, the review and the CLI', () => {
  it('at the design\u2019s own peak, from its own figures', async () => {
    const app = appLoads(1);
    expect(await cliLoads()).toEqual(app);
    expect(app).toMatchObject({ lb: 2000, 'api-a': 1000, 'api-b': 1000, cache: 2000, db: 500 });
  });

  it('at twice the peak: the multiplier at ×2, the review\u2019s 2× check and --rps 4000', async () => {
    const app = appLoads(2);
    expect(await cliLoads('--rps', '4000')).toEqual(app);
    const review = await reviewLoadsAtTwice();
    expect(Object.keys(review).sort()).toEqual(['api-a', 'api-b', 'db']);
    for (const [id, load] of Object.entries(review)) expect(load).toBe(Math.round(app[id]!));
  });

  it('with a zone down: the app\u2019s group toggle and --down give the same loads', async () => {
    const app = appLoads(1, ['zone-a']);
    expect(app['api-b']).toBe(2000);
    expect(await cliLoads('--down', 'zone-a')).toEqual(app);
  });
});
