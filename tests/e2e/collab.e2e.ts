/**
 * Live rooms in Chromium: two browsers on one sync server (started here, on 127.0.0.1, serving
 * the built app and /sync on one port, as `npm run serve` does) see each other's edits, pointers
 * and selections; a view-only link cannot edit; both keep editing through a server restart and
 * through one of them going offline, and end with the same diagram and every edit kept.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startSyncServer, type SyncServer } from '../../src/server/syncServer';
import { seriousFindings } from './axe';
import { CHROMIUM_ARGS } from './chromium.mjs';

let server: SyncServer;
let port = 0;
let dataDir: string;
let browser: Browser;

async function startServer() {
  server = await startSyncServer({ port, host: '127.0.0.1', dataDir, staticDir: 'dist', storeDelayMs: 100, log: () => {} });
  port = server.port;
}

interface Editor {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

async function openEditor(path = '/', viewport = { width: 1280, height: 800 }): Promise<Editor> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://127.0.0.1:${port}${path}`);
  await page.getByTestId('save-status').filter({ hasNotText: 'Opening' }).waitFor();
  return { context, page, errors };
}

type Doc = { title: string; nodes: { id: string; label: string; position?: { x: number; y: number } }[]; edges: unknown[] };
const docOf = (page: Page): Promise<Doc> =>
  page.evaluate(() => (window as unknown as { __archflow: { getState(): { getDiagram(): Doc } } }).__archflow.getState().getDiagram());
const labels = async (page: Page) => (await docOf(page)).nodes.map((n) => n.label).sort();
const status = (page: Page) => page.getByTestId('live-status');

async function add(page: Page, kind: string, label: string) {
  // Added through the palette, then named in the Inspector: a person's two steps.
  await page.getByRole('button', { name: kind, exact: true }).click();
  const name = page.getByRole('textbox', { name: 'Name' });
  await name.fill(label);
  await name.press('Enter');
}

async function share(page: Page): Promise<{ edit: string; view: string }> {
  await page.getByRole('button', { name: 'Share live' }).click();
  await page.getByRole('button', { name: 'Start live room' }).click();
  const edit = await page.getByRole('textbox', { name: /^Edit link/ }).inputValue();
  const view = await page.getByRole('textbox', { name: /^View-only link/ }).inputValue();
  await page.screenshot({ path: '.tmp/collab-share-dialog.png' });
  await page.getByRole('button', { name: 'Done' }).click();
  await expect.poll(() => status(page).textContent()).toContain('Connected');
  return { edit: new URL(edit).hash, view: new URL(view).hash };
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'archflow-sync-e2e-'));
  await startServer();
  browser = await chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS, headless: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('live rooms', () => {
  it('two editors see each other’s edits, pointers and selection; a view-only link cannot edit', async () => {
    const a = await openEditor();
    await add(a.page, 'API Server', 'Orders API');
    const links = await share(a.page);
    const b = await openEditor(`/${links.edit}`);
    await expect.poll(() => labels(b.page)).toEqual(['Orders API']);
    await expect.poll(() => status(b.page).textContent()).toContain('Connected');

    await add(b.page, 'SQL Database', 'Orders DB');
    await expect.poll(() => labels(a.page)).toEqual(['Orders API', 'Orders DB']);
    // b's pointer and selection on a's screen (b selected the database by adding it).
    await b.page.mouse.move(640, 420);
    await b.page.mouse.move(660, 430);
    await expect.poll(() => a.page.getByTestId('peer-cursor').count()).toBe(1);
    await expect.poll(() => a.page.locator('.arch-node.is-peer-selected .arch-node-label').allTextContents()).toEqual(['Orders DB']);
    await expect.poll(() => a.page.getByRole('list', { name: 'Who is here' }).getByRole('button').count()).toBe(1);
    await a.page.screenshot({ path: '.tmp/collab-two-editors.png' });
    await b.page.screenshot({ path: '.tmp/collab-two-editors-b.png' });

    // Undo is your own: a's undo takes back nothing of b's.
    await a.page.keyboard.press('Escape');
    const aUndo = a.page.getByRole('button', { name: 'Undo' });
    while (await aUndo.isEnabled()) await aUndo.click();
    await expect.poll(() => labels(b.page)).toEqual(['Orders DB']);

    const viewer = await openEditor(`/${links.view}`);
    await expect.poll(() => labels(viewer.page)).toEqual(['Orders DB']);
    await viewer.page.getByText('View only').waitFor();
    expect(await viewer.page.getByRole('button', { name: 'Cache', exact: true }).isDisabled()).toBe(true);
    // Even past the disabled controls (a store action called directly), nothing changes.
    await viewer.page.evaluate(() => (window as unknown as { __archflow: { getState(): { setTitle(t: string): void } } }).__archflow.getState().setTitle('Changed by a viewer'));
    await add(b.page, 'Cache', 'Session cache');
    await expect.poll(() => labels(viewer.page)).toEqual(['Orders DB', 'Session cache']);
    expect((await docOf(a.page)).title).not.toBe('Changed by a viewer');
    expect(await labels(a.page)).toEqual(['Orders DB', 'Session cache']);

    for (const e of [a, b, viewer]) {
      await e.context.close();
      expect(e.errors).toEqual([]);
    }
  });

  it('keeps every edit through a server restart and through going offline', async () => {
    const a = await openEditor();
    await add(a.page, 'Web Client', 'Web');
    const links = await share(a.page);
    const b = await openEditor(`/${links.edit}`);
    await expect.poll(() => labels(b.page)).toEqual(['Web']);
    await expect.poll(() => status(b.page).textContent()).toContain('Connected');

    // The server goes away while both keep editing.
    await server.stop();
    await expect.poll(() => status(a.page).textContent()).toMatch(/Reconnecting|Offline/);
    await add(a.page, 'API Server', 'API while down');
    await add(b.page, 'Cache', 'Cache while down');
    await startServer();
    await expect.poll(() => status(a.page).textContent(), { timeout: 20_000 }).toContain('Connected');
    const afterRestart = ['API while down', 'Cache while down', 'Web'];
    await expect.poll(() => labels(a.page), { timeout: 20_000 }).toEqual(afterRestart);
    await expect.poll(() => labels(b.page), { timeout: 20_000 }).toEqual(afterRestart);

    // b goes offline; both edit; b comes back.
    await b.context.setOffline(true);
    await expect.poll(() => status(b.page).textContent()).toContain('Offline — changes kept on this device');
    await add(b.page, 'Message Queue', 'Queue offline');
    await add(a.page, 'SQL Database', 'DB online');
    await b.context.setOffline(false);
    const all = [...afterRestart, 'DB online', 'Queue offline'].sort();
    await expect.poll(() => labels(a.page), { timeout: 20_000 }).toEqual(all);
    await expect.poll(() => labels(b.page), { timeout: 20_000 }).toEqual(all);
    // The same diagram, record for record (file order may differ between editors).
    const sorted = (d: Doc) => ({ ...d, nodes: [...d.nodes].sort((x, y) => x.id.localeCompare(y.id)) });
    expect(sorted(await docOf(b.page))).toEqual(sorted(await docOf(a.page)));

    for (const e of [a, b]) {
      await e.context.close();
      expect(e.errors).toEqual([]);
    }
  });

  it('practises together: the interviewer sees the hints, follow-ups, drills and reference; the candidate none; the clock and the step are shared', async () => {
    const problem = JSON.parse(readFileSync('src/model/practice/problems/url-shortener.json', 'utf8')) as { hints: string[]; followUps: string[]; drills: { prompt: string }[] };
    // The practice panel and the interviewer's part want a taller screen than the other tests'.
    const screen = { width: 1440, height: 1000 };
    const candidate = await openEditor('/', screen);
    await candidate.page.getByRole('button', { name: 'Start practice' }).click();
    await candidate.page.getByRole('dialog', { name: 'Start practice' }).getByRole('button', { name: 'Start' }).click();
    const practiceOf = (page: Page) => page.getByRole('region', { name: 'Practice' });
    await practiceOf(candidate.page).waitFor();

    // Sharing a practice session gives an interviewer link and a candidate link; the one who shares is the candidate.
    await candidate.page.getByRole('button', { name: 'Share live' }).click();
    await candidate.page.getByRole('button', { name: 'Start live room' }).click();
    const dialog = candidate.page.getByRole('dialog', { name: 'Share live' });
    const interviewerLink = await dialog.getByRole('textbox', { name: /^Interviewer link/ }).inputValue();
    expect(await dialog.getByRole('textbox', { name: /^Candidate link/ }).inputValue()).toMatch(/#live=edit\.[0-9a-f]{32}&role=candidate$/);
    expect(await dialog.getByRole('textbox', { name: /^Edit link/ }).count()).toBe(0);
    expect(await dialog.getByRole('radio', { name: /the candidate/ }).isChecked()).toBe(true);
    await candidate.page.screenshot({ path: '.tmp/collab-practice-share.png' });
    expect(await seriousFindings(candidate.page, 'practice share dialog')).toEqual([]);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => status(candidate.page).textContent()).toContain('Connected');

    const interviewer = await openEditor(`/${new URL(interviewerLink).hash}`, screen);
    await expect.poll(() => status(interviewer.page).textContent()).toContain('Connected');
    const notes = interviewer.page.getByRole('region', { name: 'Interviewer' });
    await notes.waitFor();
    // The interviewer's panel: every hint, every follow-up, the drills and the reference sketch.
    expect(await notes.getByRole('region', { name: 'Hints' }).getByRole('listitem').allTextContents()).toEqual(problem.hints);
    expect(await notes.getByRole('region', { name: 'Follow-up questions' }).getByRole('listitem').allTextContents()).toEqual(problem.followUps);
    await notes.getByRole('button', { name: 'Start the first drill' }).waitFor();
    await notes.getByText('Reference design').click();
    await expect.poll(() => notes.getByRole('img', { name: /^Reference design for URL shortener: \d+ components/ }).count()).toBe(1);

    // The interviewer gives a hint and moves to the next step: the candidate sees the count and the step, not the hint.
    await notes.getByRole('button', { name: 'Give hint 1' }).click();
    await practiceOf(interviewer.page).getByRole('button', { name: /Estimation/ }).click();
    await expect.poll(() => practiceOf(candidate.page).getByText(/1 hint given/).count()).toBe(1);
    await expect.poll(() => practiceOf(candidate.page).locator('[aria-current="step"]').textContent()).toContain('Estimation');
    await notes.getByLabel('Your notes (kept on this device)').fill('Asked about custom aliases');

    // The clock: paused by the candidate, paused at the same time on both screens.
    await practiceOf(candidate.page).getByRole('button', { name: 'Pause' }).click();
    await practiceOf(interviewer.page).getByRole('button', { name: 'Resume' }).waitFor();
    const shown = await practiceOf(candidate.page).getByRole('timer').textContent();
    await expect.poll(() => practiceOf(interviewer.page).getByRole('timer').textContent()).toBe(shown);

    // Nothing of the interviewer's reached the candidate's screen.
    const candidateText = (await candidate.page.locator('body').innerText()) + (await candidate.page.content());
    for (const secret of [...problem.hints, ...problem.followUps, ...problem.drills.map((d) => d.prompt), 'custom aliases']) {
      expect(candidateText, secret).not.toContain(secret);
    }
    expect(await candidate.page.getByRole('button', { name: /Show a hint|Give hint/ }).count()).toBe(0);
    expect(await candidate.page.getByRole('region', { name: 'Interviewer' }).count()).toBe(0);

    await interviewer.page.getByRole('complementary', { name: /Properties/ }).evaluate((el) => el.scrollTo(0, 0));
    await interviewer.page.screenshot({ path: '.tmp/collab-practice-interviewer.png' });
    await notes.screenshot({ path: '.tmp/collab-practice-interviewer-panel.png' });
    await candidate.page.screenshot({ path: '.tmp/collab-practice-candidate.png' });
    // Both views, the interviewer's with the reference sketch open, hold nothing serious for axe.
    expect(await seriousFindings(interviewer.page, 'interviewer view')).toEqual([]);
    expect(await seriousFindings(candidate.page, 'candidate view')).toEqual([]);
    for (const e of [candidate, interviewer]) {
      await e.context.close();
      expect(e.errors).toEqual([]);
    }
  });
});
