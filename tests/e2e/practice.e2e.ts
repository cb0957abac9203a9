// Interview practice end to end (issue 14): add a problem file of one's own, start on the URL
// shortener, work a little as a person does (palette, design drawer, endpoint editor), survive a
// reload, run the failure drills, finish, read the review, export it with its picture, open the
// reference beside its differences; and a template.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, diagramOf, node, openApp, type AppSession } from './app';

let app: AppSession;
beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app.close();
});

describe('practice', () => {
  it('runs a session on the URL shortener and reviews it', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Start practice' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start practice' });
    await expect.poll(() => dialog.getByRole('combobox', { name: 'Problem' }).inputValue()).toBe('url-shortener');

    // A coach's problem file: a broken one is refused with its place, a good one is listed and kept.
    const mine = { ...JSON.parse(readFileSync('src/model/practice/problems/pastebin.json', 'utf8')), id: 'team-paste', title: 'Team pastebin' };
    const upload = (name: string, value: unknown) => dialog.getByLabel('Problem file to add').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });
    await upload('broken.json', { ...mine, flow: 'sideways' });
    await expect.poll(() => dialog.getByRole('alert').textContent()).toMatch(/^broken\.json was not added\. flow: "sideways" is not a flow/);
    await dialog.screenshot({ path: '.tmp/practice-start-error.png' });
    await upload('team.json', mine);
    await expect.poll(() => dialog.getByRole('list', { name: 'Your problems' }).textContent()).toBe('Team pastebin');
    expect(await dialog.getByRole('combobox', { name: 'Problem' }).inputValue()).toBe('team-paste');
    await page.screenshot({ path: '.tmp/practice-start-dialog.png' });
    await dialog.getByRole('combobox', { name: 'Problem' }).selectOption('url-shortener');
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

    // A requirement in the design drawer, an endpoint in the API server's endpoint editor.
    const design = page.getByRole('region', { name: 'Design' });
    await design.getByRole('button', { name: /^Design/ }).click();
    await design.getByRole('button', { name: 'Add requirement' }).click();
    await design.getByRole('textbox', { name: 'Requirement 1' }).fill('Users shorten a long URL');
    await node(page, 'API Server').click();
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await inspector.getByRole('button', { name: 'Add endpoint' }).click();
    await inspector.getByRole('combobox', { name: 'Method of endpoint 1' }).selectOption('POST');
    await inspector.getByRole('textbox', { name: 'Path of endpoint 1' }).fill('/api/urls');

    // The drills, one at a time: the second fails the database, marked down in the analysis.
    await practice.getByRole('button', { name: /Deep dive/ }).click();
    const drills = practice.getByRole('region', { name: 'Failure drills' });
    await drills.getByRole('button', { name: 'Start the first drill' }).click();
    await drills.getByRole('group', { name: 'Drill in progress' }).getByRole('button', { name: 'Done' }).click();
    await drills.getByRole('button', { name: 'Start the next drill' }).click();
    await expect.poll(() => drills.getByRole('group', { name: 'Drill in progress' }).textContent()).toContain('Marked down in the capacity analysis: SQL Database');
    await expect.poll(() => node(page, 'SQL Database').getByTestId('capacity-badge').textContent()).toBe('Down');
    await expect.poll(() => node(page, 'Web Client').getByTestId('capacity-badge').textContent()).toBe('Cut off');
    await page.screenshot({ path: '.tmp/practice-drill.png' });
    await drills.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => drills.textContent()).toContain('2 of 2 done');

    await page.getByRole('button', { name: 'Finish' }).click();
    const review = page.getByRole('region', { name: 'Review' });
    await review.waitFor();
    const text = await review.textContent();
    expect(text).toContain('Missing: cache in front of the database');
    expect(text).toContain('Covered (must): Create a short link for a long URL');
    expect(text).toContain('Missing (must): Opening a short link redirects to the long URL');
    expect(text).toContain('Missing: GET /{code}');
    expect(text).toContain('1 hint used');
    expect(text).toContain('After your fix some client still had no route to its data');
    expect(await page.getByRole('region', { name: 'Practice' }).count()).toBe(0);
    // "Show" selects what a point concerns.
    await review.getByRole('button', { name: /^Show: POST \/v1\/urls/ }).click();
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(1);
    await page.screenshot({ path: '.tmp/practice-review.png' });
    await review.getByRole('region', { name: /^Failure drills/ }).screenshot({ path: '.tmp/practice-review-drills.png' });

    const [download] = await Promise.all([page.waitForEvent('download'), review.getByRole('button', { name: 'Export review' }).click()]);
    expect(download.suggestedFilename()).toBe('review-url-shortener.md');
    const path = await download.path();
    const markdown = (await import('node:fs')).readFileSync(path, 'utf8');
    writeFileSync('.tmp/practice-review.md', markdown);
    expect(markdown).toMatch(/^# Review: URL shortener\n/);
    expect(markdown).toContain('- ❌ Missing: cache in front of the database');
    // The diagram travels inside the Markdown as a PNG.
    const png = /!\[The design\]\(data:image\/png;base64,([A-Za-z0-9+/=]+)\)/.exec(markdown)?.[1];
    expect(Buffer.from(png ?? '', 'base64').subarray(1, 4).toString()).toBe('PNG');
    writeFileSync('.tmp/practice-review-diagram.png', Buffer.from(png!, 'base64'));

    // The review is still there after a reload.
    await page.reload();
    await page.getByRole('region', { name: 'Review' }).waitFor();

    await page.getByRole('button', { name: 'Open the reference design' }).click();
    await expect.poll(async () => (await diagramOf(page)).title).toBe('Reference: URL shortener');
    expect((await diagramOf(page)).nodes.length).toBe(8);
    const differences = page.getByRole('region', { name: 'Differences from your design' });
    await expect.poll(() => differences.textContent()).toContain('cache in front of the database');
    await page.screenshot({ path: '.tmp/practice-reference.png' });
    await differences.getByRole('button', { name: 'Back to your design' }).click();
    await expect.poll(async () => (await diagramOf(page)).title).toBe('Practice: URL shortener');
  });

  it('opens a template as a new diagram', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Templates' }).click();
    await page.getByRole('dialog', { name: 'Templates' }).getByRole('button', { name: /^Chat service/ }).click();
    await expect.poll(async () => (await diagramOf(page)).title).toBe('Chat service');
    expect((await diagramOf(page)).nodes.length).toBe(9);
  });
});
