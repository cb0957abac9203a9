/**
 * Faults a person meets without doing anything wrong: storage fills up, the tab is killed in the
 * middle of a save, the same diagram is open in two tabs. No work is lost without being told,
 * and what comes back is always a whole diagram.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { diagramOf, openApp, type AppSession } from './app';

const sessions: AppSession[] = [];
afterEach(async () => {
  while (sessions.length) await sessions.pop()!.close();
});

async function open(): Promise<AppSession> {
  const s = await openApp();
  sessions.push(s);
  return s;
}

const pageErrors: string[] = [];

/** Another tab of the same browser profile, with the app open. */
async function newTab(context: BrowserContext, baseUrl: string): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(baseUrl);
  await page.getByTestId('save-status').filter({ hasNotText: 'Opening' }).waitFor();
  return page;
}

async function add(page: Page, kind: string) {
  await page.getByRole('button', { name: kind, exact: true }).click();
}

/** Adds a component and waits until that change is in storage (not an earlier save's status). */
async function addAndSave(page: Page, kind: string) {
  const before = await page.evaluate(() => Date.now());
  await add(page, kind);
  await page.waitForFunction((t) => {
    const state = (window as unknown as { __archflow: { getState(): { saveState: { state: string; at?: number } } } }).__archflow.getState().saveState;
    return state.state === 'saved' && (state.at ?? 0) >= t;
  }, before);
  await page.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();
}

const kindsOf = async (page: Page) => (await diagramOf(page)).nodes.map((n) => n.kind).sort();

interface StoredDocument {
  id: string;
  revision: number;
  diagram: { title: string; nodes: { kind: string; label: string }[] };
}

/** Every diagram in the profile's storage, read straight from IndexedDB. */
async function storedDiagrams(page: Page): Promise<StoredDocument[]> {
  return page.evaluate(
    () =>
      new Promise<StoredDocument[]>((resolve, reject) => {
        const request = indexedDB.open('archflow');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const all = db.transaction('documents').objectStore('documents').getAll();
          all.onerror = () => reject(all.error);
          all.onsuccess = () => {
            db.close();
            resolve(
              (all.result as { id: string; revision: number; text: string }[]).map((r) => ({
                id: r.id,
                revision: r.revision,
                diagram: JSON.parse(r.text) as StoredDocument['diagram'],
              })),
            );
          };
        };
      }),
  );
}

describe('faults', () => {
  it('says so when storage is full, keeps the diagram on screen, and saves again once there is room', async () => {
    const app = await open();
    const { page, context } = app;
    // Chromium's quota override (CDP Storage.overrideQuotaForOrigin) is not enforced on
    // IndexedDB writes, so the full disk is staged where IndexedDB reports it: every put
    // throws QuotaExceededError while the page's flag is up.
    await context.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        if ((window as unknown as { __storageFull?: boolean }).__storageFull) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return put.apply(this, args);
      };
    });
    await page.reload();
    await page.getByTestId('save-status').filter({ hasNotText: 'Opening' }).waitFor();
    await addAndSave(page, 'Cache');
    const setFull = (full: boolean) => page.evaluate((f) => ((window as unknown as { __storageFull?: boolean }).__storageFull = f), full);
    await setFull(true);

    // Keep editing: every change after this point is refused by the browser.
    await add(page, 'Worker');
    const alert = page.getByRole('alert').filter({ hasText: /storage is full/i });
    await alert.first().waitFor({ timeout: 10_000 });
    expect(await alert.first().textContent()).toMatch(/still here|still open/);
    await add(page, 'Service');
    await page.getByRole('textbox', { name: 'Diagram title' }).fill('Full disk');
    await expect.poll(() => page.getByTestId('save-status').textContent()).toMatch(/Not saved: Browser storage is full/);
    expect(await page.locator('.react-flow__node').count()).toBe(3);
    expect(await kindsOf(page)).toEqual(['cache', 'service', 'worker']);

    // The last save is intact: another tab opens it, not an empty or broken diagram.
    const other = await newTab(context, app.baseUrl);
    expect(await kindsOf(other)).toEqual(['cache']);
    await other.close();

    // Room again: the next edit saves everything, and a reload brings it all back.
    await setFull(false);
    await addAndSave(page, 'Worker');
    await page.reload();
    await expect.poll(() => kindsOf(page)).toEqual(['cache', 'service', 'worker', 'worker']);
    expect((await diagramOf(page)).title).toBe('Full disk');
    expect(pageErrors).toEqual([]);
  });

  it('never comes back empty or half-written after the tab is killed mid-edit', async () => {
    const app = await open();
    const { context, baseUrl } = app;
    let page = app.page;
    const palette = ['Cache', 'Worker', 'Service', 'CDN', 'DNS', 'Function', 'Firewall'];
    /** Every state the user saw, in order; the first is the empty diagram. */
    const seen: string[] = [JSON.stringify(await diagramOf(page))];
    let confirmed = 0;
    // Killed at different moments: before the save starts, around the write, after it.
    const delays = [0, 150, 380, 420, 460, 520, 900];
    for (const [round, delay] of delays.entries()) {
      await add(page, palette[round % palette.length]!);
      seen.push(JSON.stringify(await diagramOf(page)));
      await page.waitForTimeout(delay);
      // Page.crash ends the renderer at once: no unload, pagehide or beforeunload handler runs.
      const cdp = await context.newCDPSession(page);
      const crashed = page.waitForEvent('crash');
      void cdp.send('Page.crash').catch(() => undefined);
      await crashed;
      await page.close();

      page = await newTab(context, baseUrl);
      const back = JSON.stringify(await diagramOf(page));
      const at = seen.indexOf(back);
      expect(at, `round ${round} (killed after ${delay} ms): came back as ${back.slice(0, 200)}`).toBeGreaterThanOrEqual(confirmed);
      expect(await page.getByRole('alert').allTextContents()).toEqual([]);
      // Continue from what came back, as the user would.
      seen.splice(at + 1);
      confirmed = at;
    }
    // At least one save made it through the kills.
    expect(confirmed).toBeGreaterThan(0);
    expect(pageErrors).toEqual([]);
  });

  it('keeps two tabs on one diagram in step, and keeps both when both edit at once', async () => {
    const app = await open();
    const { context, baseUrl } = app;
    const a = app.page;
    await addAndSave(a, 'Web Client');
    const b = await newTab(context, baseUrl);
    expect(await kindsOf(b)).toEqual(['web-client']);

    // A edits, B has nothing unsaved: B follows.
    await addAndSave(a, 'API Server');
    await expect.poll(() => kindsOf(b)).toEqual(['api-server', 'web-client']);
    await b.getByText('Updated with the changes made in another tab.').waitFor();

    // Both edit before either has saved.
    // A background tab's animation frames are throttled, which would delay a normal click past
    // the other tab's save; a dispatched click reaches the same button at once.
    const press = (tab: Page, kind: string) => tab.getByRole('button', { name: kind, exact: true }).dispatchEvent('click');
    await Promise.all([press(a, 'Cache'), press(b, 'SQL Database')]);
    await expect.poll(async () => (await storedDiagrams(a)).length, { timeout: 10_000 }).toBe(2);
    for (const tab of [a, b]) await tab.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();

    // Neither edit is lost: one is the diagram, the other its conflict copy, both in My diagrams.
    const stored = await storedDiagrams(a);
    const kinds = stored.map((d) => d.diagram.nodes.map((n) => n.kind).sort());
    expect(kinds).toContainEqual(['api-server', 'cache', 'web-client']);
    expect(kinds).toContainEqual(['api-server', 'sql-database', 'web-client']);
    const copy = stored.find((d) => d.diagram.title.endsWith('(conflict copy)'));
    expect(copy).toBeDefined();
    for (const tab of [a, b]) {
      await tab.getByRole('region', { name: 'My diagrams' }).getByText(/\(conflict copy\)/).first().waitFor();
    }
    // The tab that kept its work as the copy shows the copy's title, and keeps it on its next save.
    const titles = await Promise.all([a, b].map((tab) => tab.getByRole('textbox', { name: 'Diagram title' }).inputValue()));
    const loser = titles[0]!.endsWith('(conflict copy)') ? a : b;
    expect(titles.filter((t) => t.endsWith('(conflict copy)'))).toHaveLength(1);
    await addAndSave(loser, 'Worker');
    const copyKinds = async () =>
      (await storedDiagrams(a)).filter((d) => d.diagram.title.endsWith('(conflict copy)')).map((d) => d.diagram.nodes.map((n) => n.kind).sort());
    await expect.poll(copyKinds).toEqual([[...(await kindsOf(loser))]]);
    expect((await copyKinds())[0]).toContain('worker');
    // The tab whose save lost was told.
    const warned = [
      ...(await a.getByRole('alert').allTextContents()),
      ...(await b.getByRole('alert').allTextContents()),
    ].join(' ');
    expect(warned).toMatch(/another tab/i);
    expect(pageErrors).toEqual([]);
  });
});
