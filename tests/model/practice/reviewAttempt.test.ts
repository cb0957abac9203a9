import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { emptyDiagram } from '../../../src/model/diagram';
import type { AttemptDesign } from '../../../src/model/practice/attempt';
import { PROBLEM_LIST, loadShippedProblem } from '../../../src/model/practice/problemLibrary';
import type { Problem } from '../../../src/model/practice/problemRecord';
import { normalizePath } from '../../../src/model/practice/review/matchText';
import { reviewAttempt } from '../../../src/model/practice/review/reviewAttempt';

async function problem(id: string): Promise<Problem> {
  const parsed = await loadShippedProblem(id);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

/** The URL shortener's reference with its cache taken out and the service talking to the store. */
function withoutCache(reference: AttemptDesign): AttemptDesign {
  return {
    ...reference,
    nodes: reference.nodes.filter((n) => n.id !== 'cache'),
    edges: [...reference.edges.filter((e) => e.source !== 'cache' && e.target !== 'cache'), { id: 'api-db', source: 'api', target: 'db' }],
    paths: reference.paths?.map((p) => ({ ...p, steps: p.steps.filter((s) => s !== 'cache') })),
  };
}

describe('reviewAttempt', () => {
  it('scores an empty attempt 0 on every part', async () => {
    const p = await problem('url-shortener');
    const review = reviewAttempt(p, emptyDiagram());
    for (const part of review.parts) expect([part.id, part.score]).toEqual([part.id, 0]);
    expect(review.overall).toBe(0);
  });

  it.each(PROBLEM_LIST.map((p) => [p.id]))('gives the reference of %s full marks on its own problem', async (id) => {
    const p = await problem(id);
    const review = reviewAttempt(p, p.reference as AttemptDesign);
    const failing = review.parts.flatMap((part) => part.points.filter((pt) => !pt.ok).map((pt) => `${part.id}: ${pt.text}`));
    expect(failing).toEqual([]);
    for (const part of review.parts) expect([part.id, part.score]).toEqual([part.id, 1]);
    expect(review.overall).toBe(100);
  });

  it('names the cache taken out of the reference', async () => {
    const p = await problem('url-shortener');
    const review = reviewAttempt(p, withoutCache(p.reference as AttemptDesign));
    const architecture = review.parts.find((part) => part.id === 'architecture')!;
    expect(architecture.points.filter((pt) => !pt.ok).map((pt) => pt.text)).toContain('Missing: cache in front of the database');
    expect(architecture.score).toBeLessThan(1);
    expect(review.overall).toBeLessThan(100);
  });

  it('counts a NoSQL node labelled Redis as the cache', async () => {
    const p = await problem('url-shortener');
    const design = withoutCache(p.reference as AttemptDesign);
    const redis = { ...design, nodes: [...design.nodes, { id: 'r', kind: 'nosql-database', label: 'Redis' }], edges: [...design.edges, { id: 'api-r', source: 'api', target: 'r' }] };
    const texts = reviewAttempt(p, redis).parts.find((part) => part.id === 'architecture')!.points.map((pt) => pt.text);
    expect(texts).not.toContain('Missing: cache in front of the database');
    expect(texts).toContain('Has the cache in front of the database: Redis');
  });

  it('matches requirements by keyword and endpoints whatever their version prefix and parameter names', async () => {
    const p = await problem('url-shortener');
    const design: AttemptDesign = {
      ...emptyDiagram(),
      requirements: [{ id: 'a', text: 'Users can SHORTEN a URL', priority: 'must' }],
      endpoints: [{ id: 'x', node: 'n', method: 'POST', path: '/api/v2/urls/' }, { id: 'y', node: 'n', method: 'GET', path: '/:shortCode' }],
    };
    const review = reviewAttempt(p, design);
    const req = review.parts.find((part) => part.id === 'requirements')!;
    expect(req.points.find((pt) => pt.ok)?.text).toBe('Covered (must): Create a short link for a long URL');
    const apis = review.parts.find((part) => part.id === 'apis')!;
    expect(apis.points.filter((pt) => pt.ok).map((pt) => pt.targets[0]?.id)).toEqual(['x', 'y']);
    expect(apis.score).toBeCloseTo(2 / 3);
  });

  it('passes an estimate within 2× and fails one further off, showing both formulas', async () => {
    const p = await problem('url-shortener');
    const near = reviewAttempt(p, { ...emptyDiagram(), scale: { ...p.scale, dailyActiveUsers: p.scale.dailyActiveUsers! * 1.9 } });
    const far = reviewAttempt(p, { ...emptyDiagram(), scale: { ...p.scale, dailyActiveUsers: p.scale.dailyActiveUsers! * 2.1 } });
    const est = (r: typeof near) => r.parts.find((part) => part.id === 'estimation')!;
    expect(est(near).score).toBe(1);
    expect(est(far).points.find((pt) => pt.text.startsWith('Peak'))!.ok).toBe(false);
    expect(est(far).points[0]!.detail).toMatch(/^Yours: 210,000,000 users × 1 requests ÷ 86,400 s\. Reference: 1,157 = 100,000,000 users/);
  });

  it('is deterministic', async () => {
    const p = await problem('chat');
    const design = withoutCache(p.reference as AttemptDesign);
    expect(reviewAttempt(p, design)).toEqual(reviewAttempt(p, structuredClone(design)));
  });
});

describe('normalizePath', () => {
  it('ignores version prefixes, parameter names, query strings, case and a trailing slash', () => {
    expect(normalizePath('/v1/urls/{code}')).toBe(normalizePath('/api/v2/URLS/:id/'));
    expect(normalizePath('/v1/search?q={query}')).toBe('/search');
    expect(normalizePath('UrlService.Resolve')).toBe('urlservice.resolve');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (path) => normalizePath(normalizePath(path)) === normalizePath(path)));
  });
});
