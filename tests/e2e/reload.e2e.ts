/**
 * An edit made just before a reload (or a closed tab) is still there afterwards, however soon
 * after the edit the page went away: the autosave's debounce must not be a window for losing work.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { diagramOf, openApp, type AppSession } from './app';

const sessions: AppSession[] = [];
afterEach(async () => {
  while (sessions.length) await sessions.pop()!.close();
});

const kindsOf = async (page: Page) => (await diagramOf(page)).nodes.map((n) => n.kind).sort();

async function reloadAndWait(page: Page): Promise<void> {
  await page.reload();
  await page.getByTestId('save-status').filter({ hasNotText: 'Opening' }).waitFor();
}

describe('reload right after an edit', () => {
  it('keeps a component added 0, 300 or 600 ms before the reload', async () => {
    const app = await openApp();
    sessions.push(app);
    const { page } = app;
    const added: string[] = [];
    for (const [kind, name, delay] of [
      ['cache', 'Cache', 0],
      ['worker', 'Worker', 300],
      ['service', 'Service', 600],
    ] as const) {
      await page.getByRole('button', { name, exact: true }).click();
      added.push(kind);
      // The click has reached the store: the edit exists, and is not yet saved.
      expect(await kindsOf(page)).toEqual([...added].sort());
      if (delay > 0) await page.waitForTimeout(delay);
      await reloadAndWait(page);
      await expect.poll(() => kindsOf(page), { message: `reloaded ${delay} ms after adding ${name}` }).toEqual([...added].sort());
    }
    // Recovered work is ordinary saved work: it lists once in My diagrams, with no copies.
    await page.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();
    await expect.poll(() => page.getByRole('region', { name: 'My diagrams' }).getByRole('listitem').count()).toBe(1);
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
  });

  it('keeps edits made in two tabs on one diagram when one of them reloads at once', async () => {
    const app = await openApp();
    sessions.push(app);
    const { page: a, context, baseUrl } = app;
    await a.getByRole('button', { name: 'Cache', exact: true }).click();
    await a.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();
    const b = await context.newPage();
    await b.goto(baseUrl);
    await b.getByTestId('save-status').filter({ hasNotText: 'Opening' }).waitFor();
    await expect.poll(() => kindsOf(b)).toEqual(['cache']);

    // B saves newer work first; then A's unsaved edit meets it on A's reload.
    await b.getByRole('button', { name: 'Worker', exact: true }).click();
    await b.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();
    await expect.poll(() => kindsOf(a)).toEqual(['cache', 'worker']);
    await a.getByRole('button', { name: 'Service', exact: true }).dispatchEvent('click');
    await b.getByRole('button', { name: 'DNS', exact: true }).click();
    await reloadAndWait(a);
    await b.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();

    // Nothing is lost and nothing newer is overwritten: every edit is in some stored diagram.
    const stored = async () =>
      (
        await a.evaluate(
          () =>
            new Promise<string[]>((resolve) => {
              const open = indexedDB.open('archflow');
              open.onsuccess = () => {
                const all = open.result.transaction('documents').objectStore('documents').getAll();
                all.onsuccess = () => {
                  open.result.close();
                  resolve((all.result as { text: string }[]).map((r) => r.text));
                };
              };
            }),
        )
      ).map((text) => (JSON.parse(text) as { nodes: { kind: string }[] }).nodes.map((n) => n.kind).sort().join(','));
    await expect.poll(async () => (await stored()).some((k) => k.includes('service'))).toBe(true);
    const all = await stored();
    expect(all.some((k) => k.includes('dns'))).toBe(true);
    await b.close();
  });
});
