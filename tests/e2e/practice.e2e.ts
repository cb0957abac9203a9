// Interview practice end to end (issue 14): start on the URL shortener, work a little, survive a
// reload, finish, read the review, export it, open the reference; and a template.
// The design records' editing UI (issue 12) was not on main when this was written, so the
// requirement and the endpoint are written through the store (window.__archflow).
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, diagramOf, openApp, type AppSession } from './app';

let app: AppSession;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app.close();
});

type Store = { getState(): Record<string, (...args: unknown[]) => unknown> & { getDiagram(): { nodes: { id: string; kind: string }[] } } };

describe('practice', () => {
  it('runs a session on the URL shortener and reviews it', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Start practice' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start practice' });
    await expect.poll(() => dialog.getByLabel('Problem').inputValue()).toBe('url-shortener');
    expect(await dialog.getByLabel('Length (minutes)').inputValue()).toBe('45');
    await dialog.getByRole('button', { name: 'Start' }).click();

    const practice = page.getByRole('region', { name: 'Practice' });
    await practice.waitFor();
    await expect.poll(() => practice.getByRole('timer').textContent()).toMatch(/^4[45]:\d\d$/);
    expect(await practice.getByRole('list', { name: 'Steps' }).getByRole('button').allTextContents()).toEqual(
      ['1Requirements', '2Estimation', '3APIs', '4Data', '5Diagram', '6Deep dive and failures'].map((t) => expect.stringContaining(t.slice(1))),
    );
    expect((await diagramOf(page)).title).toBe('Practice: URL shortener');

    // The clock pauses and the session survives a reload, paused at the same time.
    await practice.getByRole('button', { name: 'Pause' }).click();
    const shown = await practice.getByRole('timer').textContent();
    await practice.getByLabel('Notes for Requirements').fill('Reads 100:1');
    await page.waitForTimeout(1_500);
    await page.reload();
    await page.getByRole('region', { name: 'Practice' }).waitFor();
    expect(await page.getByRole('timer').textContent()).toBe(shown);
    expect(await page.getByLabel('Notes for Requirements').inputValue()).toBe('Reads 100:1');
    await page.getByRole('button', { name: 'Resume' }).click();
    await page.screenshot({ path: '.tmp/practice-session.png' });

    // A hint, counted.
    await page.getByRole('button', { name: /Show a hint/ }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'redirect' }).count()).toBe(1);

    // Components from the palette, connected on the canvas.
    for (const kind of ['Web Client', 'API Server', 'SQL Database']) await page.getByRole('button', { name: kind, exact: true }).click();
    await connect(page, 'Web Client', 'API Server');
    await connect(page, 'API Server', 'SQL Database');
    await expect.poll(async () => (await diagramOf(page)).edges.length).toBe(2);

    // A requirement and an endpoint (through the store: see the note at the top).
    await page.evaluate(() => {
      const store = (window as unknown as { __archflow: Store }).__archflow;
      const api = store.getState().getDiagram().nodes.find((n) => n.kind === 'api-server')!;
      store.getState().changeRecords!({
        requirements: { put: [{ id: 'r1', text: 'Users shorten a long URL', priority: 'must' }] },
        endpoints: { put: [{ id: 'ep1', node: api.id, method: 'POST', path: '/api/urls' }] },
      });
    });

    await page.getByRole('button', { name: 'Finish' }).click();
    const review = page.getByRole('region', { name: 'Review' });
    await review.waitFor();
    const text = await review.textContent();
    expect(text).toContain('Missing: cache in front of the database');
    expect(text).toContain('Covered (must): Create a short link for a long URL');
    expect(text).toContain('Missing (must): Opening a short link redirects to the long URL');
    expect(text).toContain('Missing: GET /{code}');
    expect(text).toContain('1 hint used');
    expect(await page.getByRole('region', { name: 'Practice' }).count()).toBe(0);
    // "Show" selects what a point concerns.
    await review.getByRole('button', { name: /^Show: POST \/v1\/urls/ }).click();
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(1);
    await page.screenshot({ path: '.tmp/practice-review.png' });

    const [download] = await Promise.all([page.waitForEvent('download'), review.getByRole('button', { name: 'Export review' }).click()]);
    expect(download.suggestedFilename()).toBe('review-url-shortener.md');
    const path = await download.path();
    const markdown = (await import('node:fs')).readFileSync(path, 'utf8');
    writeFileSync('.tmp/practice-review.md', markdown);
    expect(markdown).toMatch(/^# Review: URL shortener\n/);
    expect(markdown).toContain('- ❌ Missing: cache in front of the database');

    // The review is still there after a reload.
    await page.reload();
    await page.getByRole('region', { name: 'Review' }).waitFor();

    await page.getByRole('button', { name: 'Open the reference design' }).click();
    await expect.poll(async () => (await diagramOf(page)).title).toBe('Reference: URL shortener');
    expect((await diagramOf(page)).nodes.length).toBe(8);
    await page.screenshot({ path: '.tmp/practice-reference.png' });
  });

  it('opens a template as a new diagram', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('dialog', { name: 'Templates' }).getByRole('button', { name: /^Chat service/ }).click();
    await expect.poll(async () => (await diagramOf(page)).title).toBe('Chat service');
    expect((await diagramOf(page)).nodes.length).toBe(9);
  });
});
