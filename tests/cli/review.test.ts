import { afterAll, describe, expect, it } from 'vitest';
import urlShortener from '../../src/model/practice/problems/url-shortener.json';
import { cli, expectOneLineFailure, fileText, tempDir } from './cliHarness';

const tmp = tempDir();
afterAll(() => tmp.remove());

const attempt = () =>
  tmp.write('attempt.archflow.json', fileText('bottom-up', ['web:web-client', 'api:api-server', 'db:sql-database'], ['web>api', 'api>db']));

describe('archflow review', () => {
  it('prints the review as Markdown, naming what is missing', async () => {
    const run = await cli('review', attempt(), '--problem', 'url-shortener');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^# Review: URL shortener\n/);
    expect(run.stdout).toContain('- ❌ Missing: cache in front of the database — The reference has Redis cache.');
    expect(run.stdout).toContain('| Architecture |');
  });

  it('prints JSON with a score per part and overall', async () => {
    const run = await cli('review', attempt(), '--problem', 'url-shortener', '--json');
    const review = JSON.parse(run.stdout) as { overall: number; parts: { id: string; score: number }[] };
    expect(review.parts.map((p) => p.id)).toEqual(['requirements', 'estimation', 'apis', 'data', 'architecture', 'scale', 'drills']);
    expect(review.overall).toBeGreaterThan(0);
    expect(review.overall).toBeLessThan(100);
  });

  it('reads a problem file as well as a shipped id', async () => {
    const file = tmp.write('problem.json', JSON.stringify(urlShortener));
    const run = await cli('review', attempt(), '--problem', file, '--json');
    expect(run.code).toBe(0);
  });

  it('refuses an unknown problem and a missing --problem in one line', async () => {
    expectOneLineFailure(await cli('review', attempt(), '--problem', 'nope'), '--problem nope is neither a shipped problem');
    expectOneLineFailure(await cli('review', attempt()), 'review needs --problem ID');
  });
});
