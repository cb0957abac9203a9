import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Diagram } from '../../../src/model/diagram';
import type { AttemptDesign } from '../../../src/model/practice/attempt';
import { compareWithReference } from '../../../src/model/practice/compareWithReference';
import { activeDrill, baselineOf, beginDrill, changesSince, describeChanges, drillTargets, endDrill, nextDrill } from '../../../src/model/practice/drillRun';
import { peakRpsOf } from '../../../src/model/analysis/peakLoad';
import { newSession, pauseSession, resumeSession } from '../../../src/model/practice/practiceClock';
import { loadShippedProblem } from '../../../src/model/practice/problemLibrary';
import type { Problem } from '../../../src/model/practice/problemRecord';
import { reviewAttempt } from '../../../src/model/practice/review/reviewAttempt';
import { parseDiagramFile } from '../../../src/model/parseDiagramFile';
import { serializeDiagramFile } from '../../../src/model/serializeDiagramFile';

async function problem(id: string): Promise<Problem> {
  const parsed = await loadShippedProblem(id);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const T0 = 1_800_000_000_000;

/** The URL shortener's reference without the click pipeline: its cache sits in front of its only store. */
function redirectsOnly(ref: Diagram): Diagram {
  const gone = new Set(['queue', 'stats', 'clicks']);
  const kept = <T extends { node: string }>(list: readonly T[] | undefined) => list?.filter((x) => !gone.has(x.node));
  return {
    ...ref,
    nodes: ref.nodes.filter((n) => !gone.has(n.id)),
    edges: ref.edges.filter((e) => !gone.has(e.source) && !gone.has(e.target)),
    endpoints: kept(ref.endpoints),
    entities: kept(ref.entities),
    paths: ref.paths?.filter((x) => x.steps.every((id) => !gone.has(id))),
  };
}
/** The first drill of the URL shortener run on `design` and ended after `ms` with `after` as the design. */
async function firstDrill(design: (ref: Diagram) => Diagram, after: (d: Diagram) => Diagram, ms: number) {
  const p = await problem('url-shortener');
  const before = design(p.reference);
  const drill = nextDrill(p, newSession(p, 'bottom-up', 45, T0))!;
  const begun = beginDrill(newSession(p, 'bottom-up', 45, T0), drill, drillTargets(p, drill, before), before, T0);
  const fixed = after(before);
  return { p, drill, fixed, session: endDrill(begun, fixed, (peakRpsOf(p.scale) ?? 0), T0 + ms) };
}
const same = (d: Diagram) => d;

const withApiToDb = (d: Diagram): Diagram => ({ ...d, edges: [...d.edges, { id: 'api-db', source: 'api', target: 'db' }] });

describe('changesSince', () => {
  it('names what was added, removed and edited, and ignores moves', async () => {
    const ref = (await problem('url-shortener')).reference;
    const base = baselineOf(ref);
    const next: Diagram = {
      ...ref,
      nodes: [
        ...ref.nodes.filter((n) => n.id !== 'stats').map((n) => (n.id === 'db' ? { ...n, label: 'URL store (primary)' } : n.id === 'lb' ? { ...n, position: { x: 999, y: 999 } } : n)),
        { id: 'replica', kind: 'nosql-database', label: 'Replica' },
      ],
      edges: [...ref.edges.filter((e) => e.source !== 'stats' && e.target !== 'stats'), { id: 'api-replica', source: 'api', target: 'replica' }],
    };
    const c = changesSince(base, next);
    expect(c.added).toEqual(['Replica']);
    expect(c.removed).toEqual([ref.nodes.find((n) => n.id === 'stats')!.label]);
    expect(c.changed).toEqual(['URL store (primary)']);
    expect(c.edgesAdded).toEqual([`${ref.nodes.find((n) => n.id === 'api')!.label} → Replica`]);
    expect(c.edgesRemoved).toHaveLength(2);
    expect(c.total).toBe(6);
    expect(describeChanges(c)).toMatch(/^1 component added \(Replica\); 1 component removed/);
  });

  it('finds exactly the components taken out of any design', async () => {
    const ref = (await problem('news-feed')).reference;
    fc.assert(
      fc.property(fc.subarray(ref.nodes.map((n) => n.id)), (gone) => {
        const next = { ...ref, nodes: ref.nodes.filter((n) => !gone.includes(n.id)) };
        const c = changesSince(baselineOf(ref), next);
        expect(c.removed).toHaveLength(gone.length);
        expect(c.added).toEqual([]);
        expect(c.changed).toEqual([]);
      }),
      { numRuns: 40, seed: 14 },
    );
  });
});

describe('a failure drill', () => {
  it('runs one at a time: marks the counterpart down, records the fix, its time (paused time not counted) and the outcome', async () => {
    const p = await problem('url-shortener');
    // With the cache down no redirect reaches the store, until the service talks to it directly.
    const design: AttemptDesign = redirectsOnly(p.reference);
    let s = newSession(p, 'bottom-up', 45, T0);
    const first = nextDrill(p, s)!;
    expect(first.id).toBe('cache-down');
    const down = drillTargets(p, first, design);
    expect(down).toEqual(['cache']);
    s = beginDrill(s, first, down, design, T0 + 60_000);
    expect(activeDrill(s)?.drill).toBe('cache-down');
    expect(nextDrill(p, s)).toBeUndefined();
    s = pauseSession(s, T0 + 120_000);
    s = resumeSession(s, T0 + 600_000);
    s = endDrill(s, withApiToDb(design), (peakRpsOf(p.scale) ?? 0), T0 + 630_000);
    const run = s.drills![0]!;
    expect(run.spentMs).toBe(60_000 + 30_000);
    expect(run.served).toBe(true);
    expect(run.baseline).toBeUndefined();
    expect(run.changes?.edgesAdded).toEqual(['URL service → URL store']);
    expect(nextDrill(p, s)?.id).toBe('db-down');
  });

  it('records a drill left unfixed as not served', async () => {
    const { session } = await firstDrill(redirectsOnly, same, 5_000);
    expect(session.drills![0]).toMatchObject({ served: false, spentMs: 5_000, changes: { total: 0 } });
  });

  it('is kept in the file and read by the review', async () => {
    const { p, drill, fixed, session } = await firstDrill(redirectsOnly, withApiToDb, 95_000);
    const reopened = parseDiagramFile(serializeDiagramFile({ ...fixed, practice: session }));
    if (!reopened.ok) throw new Error(reopened.error.message);
    expect(reopened.value.practice?.drills).toEqual(session.drills);
    const drills = reviewAttempt(p, reopened.value).parts.find((x) => x.id === 'drills')!;
    expect(drills.points[0]!.text).toBe(`${drill.prompt} After your fix every client was served (1:35).`);
    expect(drills.points[0]!.detail).toBe('Marked down: Redis cache. You changed: 1 connection added (URL service → URL store).');
    // The second drill was not run: it is tried on the final design, and says so.
    expect(drills.points[1]!.detail).toMatch(/^Not run in the session/);
  });

  it('fails in the review when the fix left a client cut off', async () => {
    const { p, fixed, session } = await firstDrill(redirectsOnly, same, 1_000);
    const part = reviewAttempt(p, { ...fixed, practice: session }).parts.find((x) => x.id === 'drills')!;
    expect(part.points[0]!.ok).toBe(false);
    expect(part.points[0]!.text).toMatch(/some client still had no route/);
    expect(part.score).toBe(0.5);
  });

  it('does not pass a drill with nothing to fail', async () => {
    const noCache = (ref: Diagram) => ({ ...redirectsOnly(ref), nodes: redirectsOnly(ref).nodes.filter((n) => n.id !== 'cache') });
    const { p, drill, fixed, session } = await firstDrill(noCache, same, 1_000);
    expect(session.drills![0]!.down).toEqual([]);
    const point = reviewAttempt(p, { ...fixed, practice: session }).parts.find((x) => x.id === 'drills')!.points[0]!;
    expect([point.ok, point.text]).toEqual([false, `${drill.prompt} Your design has no Redis cache to fail.`]);
  });
});

describe('compareWithReference', () => {
  it('finds no difference between the reference and itself', async () => {
    const p = await problem('chat');
    const d = compareWithReference(p.reference, p.reference);
    expect([d.missingPurposes, d.extraPurposes, d.missingEndpoints, d.extraEndpoints, d.missingEntities, d.extraEntities]).toEqual([[], [], [], [], [], []]);
    expect(d.shared.endpoints).toBe(p.reference.endpoints!.length);
  });

  it('lists what a candidate lacks and adds, by purpose, endpoint and entity', async () => {
    const p = await problem('url-shortener');
    const ref = p.reference;
    const mine: Diagram = {
      ...ref,
      nodes: [...ref.nodes.filter((n) => n.id !== 'cache'), { id: 's', kind: 'search-index', label: 'Search' }],
      endpoints: [...ref.endpoints!.slice(1), { id: 'x', node: 'api', method: 'GET', path: '/v2/stats/{id}' }],
      entities: ref.entities!.slice(1),
    };
    const d = compareWithReference(mine, ref);
    expect(d.missingPurposes.map((x) => [x.phrase, x.components])).toEqual([['cache in front of the database', ['Redis cache']]]);
    expect(d.extraPurposes.map((x) => x.purpose)).toEqual(['search']);
    expect(d.missingEndpoints).toEqual([`${ref.endpoints![0]!.method} ${ref.endpoints![0]!.path}`]);
    expect(d.extraEndpoints).toEqual(['GET /v2/stats/{id}']);
    expect(d.missingEntities).toEqual([ref.entities![0]!.name]);
  });
});
