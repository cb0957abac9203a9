/**
 * Big diagrams (within the limits) open without freezing the tab, and one that did freeze a
 * page is not reopened by the next start.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { architectureDiagram } from '../../bench/architecture';
import { serializeDiagramFile } from '../../src/model/serializeDiagramFile';
import { openApp, type AppSession } from './app';

const sessions: AppSession[] = [];
afterEach(async () => {
  while (sessions.length) await sessions.pop()!.close();
});

interface Probe {
  tasks: { start: number; duration: number }[];
  pickedAt: number;
  /** The most nodes in the page at once since the pick. */
  mostMounted: number;
}

/** Picks the file as a user would, recording every long task (≥ 50 ms) from then on. */
async function pickDiagram(page: Page, nodeCount: number): Promise<void> {
  await page.evaluate(() => {
    const probe: Probe = { tasks: [], pickedAt: 0, mostMounted: 0 };
    (window as unknown as { __probe: Probe }).__probe = probe;
    new MutationObserver(() => {
      probe.mostMounted = Math.max(probe.mostMounted, document.querySelectorAll('.react-flow__node').length);
    }).observe(document.body, { childList: true, subtree: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
    document
      .querySelector('input[type="file"][aria-label="Diagram file to open"]')!
      .addEventListener('change', () => (probe.pickedAt = performance.now()), { capture: true, once: true });
  });
  const buffer = Buffer.from(serializeDiagramFile(architectureDiagram(nodeCount)));
  await page.getByLabel('Diagram file to open').setInputFiles({ name: `big-${nodeCount}.archflow.json`, mimeType: 'application/json', buffer });
}

const storeNodes = (page: Page) =>
  page.evaluate(() => (window as unknown as { __archflow: { getState(): { nodes: unknown[] } } }).__archflow.getState().nodes.length);

/** Long tasks since the file was picked: the longest, and the sum. */
async function longTasks(page: Page): Promise<{ longest: number; total: number; count: number }> {
  return page.evaluate(() => {
    const p = (window as unknown as { __probe: Probe }).__probe;
    // The task the pick arrives in is playwright's file hand-over; only its part after the pick is the app's.
    const after = p.tasks.filter((t) => t.start + t.duration >= p.pickedAt).map((t) => Math.min(t.duration, t.start + t.duration - p.pickedAt));
    return { longest: Math.max(0, ...after), total: after.reduce((n, d) => n + d, 0), count: after.length };
  });
}

/** Opens a diagram of `n` nodes and waits until it is saved and a click on the canvas controls is answered. */
async function openBig(page: Page, n: number) {
  await pickDiagram(page, n);
  await expect.poll(() => storeNodes(page), { timeout: 120_000 }).toBe(n);
  await page.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 120_000 });
  // The page answers: a click on "zoom in" changes the view.
  const before = await page.locator('.react-flow__viewport').getAttribute('style');
  await page.getByRole('button', { name: /zoom in/i }).click({ timeout: 120_000 });
  await expect.poll(() => page.locator('.react-flow__viewport').getAttribute('style')).not.toBe(before);
  await page.waitForTimeout(1_000);
  return {
    tasks: await longTasks(page),
    mounted: await page.locator('.react-flow__node').count(),
    mostMounted: await page.evaluate(() => (window as unknown as { __probe: Probe }).__probe.mostMounted),
    edges: await page.locator('.react-flow__edge').count(),
  };
}

/**
 * For drawn nodes React Flow was never told a measured size of (it matched the presumed one),
 * the presumed handles against the drawn ones, in canvas units: [presumed, drawn] per handle.
 */
function presumedAndDrawnHandles(page: Page) {
  return page.evaluate(() => {
    type Handle = { type: string; x: number; y: number };
    const state = (window as unknown as { __archflow: { getState(): { nodes: { id: string; handles?: Handle[] }[] } } }).__archflow.getState();
    const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    const pairs: [Handle, Handle][] = [];
    for (const node of state.nodes) {
      const element = document.querySelector(`.react-flow__node[data-id="${CSS.escape(node.id)}"]`);
      if (!element || !node.handles?.length || pairs.length >= 20) continue;
      const box = element.getBoundingClientRect();
      for (const presumed of node.handles) {
        const drawn = element.querySelector(`.react-flow__handle.${presumed.type}`)!.getBoundingClientRect();
        pairs.push([presumed, { type: presumed.type, x: (drawn.left - box.left) / zoom, y: (drawn.top - box.top) / zoom }]);
      }
    }
    return pairs;
  });
}

function lastOpenedIsCurrent(page: Page): Promise<boolean> {
  return page.evaluate(
    () =>
      new Promise<boolean>((resolve) => {
        const current = (window as unknown as { __archflow: { getState(): { currentId: string | null } } }).__archflow.getState().currentId;
        const open = indexedDB.open('archflow');
        open.onsuccess = () => {
          const get = open.result.transaction('settings').objectStore('settings').get('lastOpened');
          get.onsuccess = () => {
            open.result.close();
            resolve(get.result === current);
          };
        };
      }),
  );
}

describe('big diagrams', () => {
  it('opens 5,000 nodes with the page answering a click, drawn whole as a picture, mounting only what is in view once zoomed in', async () => {
    const app = await openApp();
    sessions.push(app);
    const workers: string[] = [];
    app.page.on('worker', (worker) => workers.push(worker.url()));
    const big = await openBig(app.page, 5_000);
    // The file was read in a worker: parsing and checking it no longer blocks the page.
    expect(workers.some((url) => /openFile\.worker/.test(url))).toBe(true);
    // The overview map, painted after the view is drawn, shows the diagram.
    const painted = () =>
      app.page.evaluate(() => {
        const canvas = document.querySelector<HTMLCanvasElement>('.overview-map canvas')!;
        const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
        let count = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) count++;
        return count;
      });
    await expect.poll(painted).toBeGreaterThan(1_000);
    // For the record; the time targets live in `npm run bench` ("open a big diagram"), since a
    // shared machine makes any fixed bound here either flaky or toothless.
    console.log(`open 5,000 nodes: ${JSON.stringify(big)}`);
    // Before: all 5,000 nodes and 7,500 connections were mounted, a freeze of 12 s to a minute.
    expect(big.mounted).toBeLessThan(1_000);
    expect(big.edges).toBeLessThan(3_000);
    // Not even for a moment: React Flow mounted every node it had not measured, wherever the
    // view was (a 34 s freeze at 20,000 nodes), until the store presumed their size and handles.
    expect(big.mostMounted).toBeLessThan(1_000);
    // Opened, the whole diagram is in view as one picture (the far view), no node mounted; a
    // double-click zooms in there, and the nodes in view mount.
    await expect.poll(() => app.page.getByTestId('diagram-picture').getAttribute('data-drawn-nodes')).toBe('5000');
    const pane = (await app.page.locator('.react-flow').boundingBox())!;
    await app.page.mouse.dblclick(pane.x + pane.width / 2, pane.y + pane.height / 2);
    await expect.poll(() => app.page.locator('.react-flow__node').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    // The presumed handles are where the page draws them (styles/06-canvas.css), to a device pixel.
    const handles = await presumedAndDrawnHandles(app.page);
    expect(handles.length).toBeGreaterThan(0);
    for (const [presumed, drawn] of handles) {
      expect(Math.abs(presumed.x - drawn.x)).toBeLessThan(1);
      expect(Math.abs(presumed.y - drawn.y)).toBeLessThan(1);
    }
  }, 300_000);

  it('does not reopen a big diagram whose opening never finished, and offers it instead', async () => {
    const app = await openApp();
    sessions.push(app);
    const { context, baseUrl } = app;
    let page = app.page;
    await pickDiagram(page, 1_000);
    await expect.poll(() => storeNodes(page), { timeout: 120_000 }).toBe(1_000);
    // Storage knows it as the diagram to reopen (as it would after any opening).
    await expect.poll(() => lastOpenedIsCurrent(page)).toBe(true);
    // The page dies before it has been answering for a second (as a tab killed while frozen).
    const cdp = await context.newCDPSession(page);
    const crashed = page.waitForEvent('crash');
    void cdp.send('Page.crash').catch(() => undefined);
    await crashed;
    await page.close();

    page = await context.newPage();
    await page.goto(baseUrl);
    await page.getByTestId('save-status').filter({ hasNotText: 'Opening' }).waitFor();
    const offer = page.getByRole('alert').filter({ hasText: /did not finish opening last time/ });
    await offer.waitFor();
    expect(await storeNodes(page)).toBe(0);
    await offer.getByRole('button', { name: 'Open it' }).click();
    await expect.poll(() => storeNodes(page), { timeout: 120_000 }).toBe(1_000);
    await expect.poll(() => offer.count()).toBe(0);

    // Once it has opened and the page kept answering, the next start reopens it as usual.
    // (On a loaded machine frames may stay slow for a while: wait for the mark to go, not a fixed time.)
    await expect.poll(() => page.evaluate(() => localStorage.getItem('archflow:opening')), { timeout: 120_000 }).toBeNull();
    await page.reload();
    await page.getByTestId('save-status').filter({ hasNotText: 'Opening' }).waitFor();
    await expect.poll(() => storeNodes(page), { timeout: 120_000 }).toBe(1_000);
    expect(await page.getByRole('alert').filter({ hasText: /did not finish opening/ }).count()).toBe(0);
  }, 300_000);
});
