import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { architectureDiagram } from '../../bench/architecture';
import { serializeDiagramFile } from '../../src/model/serializeDiagramFile';
import { diagramOf, node, openApp, type AppSession } from './app';

let app: AppSession;
beforeEach(async () => {
  app = await openApp();
});
afterEach(async () => {
  await app?.close();
});

// A messy whiteboard: the database at the bottom, the client at the top, a cache off to the side.
const messy = {
  format: 'archflow',
  version: 1,
  title: 'Messy',
  flow: 'bottom-up',
  nodes: [
    { id: 'db', kind: 'sql-database', label: 'Orders DB', position: { x: 300, y: 700 } },
    { id: 'web', kind: 'web-client', label: 'Browser', position: { x: 0, y: 0 } },
    { id: 'api', kind: 'api-server', label: 'Orders API', position: { x: 700, y: 300 } },
    { id: 'lb', kind: 'load-balancer', label: 'LB', position: { x: 50, y: 500 } },
    { id: 'cache', kind: 'cache', label: 'Session cache', position: { x: 900, y: 900 } },
  ],
  edges: [
    { id: 'e1', source: 'web', target: 'lb' },
    { id: 'e2', source: 'lb', target: 'api' },
    { id: 'e3', source: 'api', target: 'db' },
    { id: 'e4', source: 'api', target: 'cache' },
  ],
};

async function centreY(label: string): Promise<number> {
  const box = (await node(app.page, label).boundingBox())!;
  return box.y + box.height / 2;
}

describe('auto layout', () => {
  it('puts clients at the bottom and data at the top for bottom-up, as one undoable step', async () => {
    const { page } = app;
    await page.getByLabel('Diagram file to open').setInputFiles({
      name: 'messy.archflow.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(messy)),
    });
    await expect.poll(async () => (await diagramOf(page)).title).toBe('Messy');
    const before = (await diagramOf(page)).nodes.map((n) => n.position);
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await expect.poll(async () => JSON.stringify((await diagramOf(page)).nodes.map((n) => n.position))).not.toBe(JSON.stringify(before));
    await page.waitForTimeout(400); // the fit-view animation
    const browser = await centreY('Browser');
    const lb = await centreY('LB');
    const api = await centreY('Orders API');
    const db = await centreY('Orders DB');
    const cache = await centreY('Session cache');
    expect(browser).toBeGreaterThan(lb);
    expect(lb).toBeGreaterThan(api);
    expect(api).toBeGreaterThan(db);
    expect(api).toBeGreaterThan(cache);
    await page.screenshot({ path: '.tmp/layout-bottom-up.png' });

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await diagramOf(page)).nodes.map((n) => n.position)).toEqual(before);
  });

  it('top-down keeps data at the top and clients at the bottom, edges pointing down', async () => {
    const { page } = app;
    const example = readFileSync('examples/url-shortener.archflow.json', 'utf8');
    await page.getByLabel('Diagram file to open').setInputFiles({ name: 'u.archflow.json', mimeType: 'application/json', buffer: Buffer.from(example) });
    await expect.poll(async () => (await diagramOf(page)).title).toBe('URL shortener');
    await page.getByRole('radio', { name: 'Top-down' }).check();
    await page.keyboard.press('Shift+L');
    await expect.poll(async () => (await diagramOf(page)).edges.every((e) => 'route' in e)).toBe(true);
    await page.waitForTimeout(400);
    expect(await centreY('Links')).toBeLessThan(await centreY('Shortener API'));
    expect(await centreY('Shortener API')).toBeLessThan(await centreY('Browser'));
    await page.screenshot({ path: '.tmp/layout-top-down.png' });
  });

  it('a 500-node diagram: the whole new layout in view, its nodes shown, one undo step', async () => {
    const { page } = app;
    await page.getByLabel('Diagram file to open').setInputFiles({ name: 'big.archflow.json', mimeType: 'application/json', buffer: Buffer.from(serializeDiagramFile(architectureDiagram(500))) });
    await expect.poll(async () => (await diagramOf(page)).nodes.length, { timeout: 120_000 }).toBe(500);
    await page.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor({ timeout: 120_000 });
    const before = (await diagramOf(page)).nodes.map((n) => n.position);
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await page.locator('.busy-chip').waitFor({ state: 'detached', timeout: 120_000 });
    const after = await diagramOf(page);
    expect(after.nodes.map((n) => n.position)).not.toEqual(before);
    // Every node whose box is in view is drawn: mounted (none left hidden by a reveal), or, as a
    // fit to 500 nodes is further out than the view budget, painted in the far view's picture
    // from the laid-out document.
    await expect.poll(async () => {
      const v = await shownExtent(page);
      return v.mounted >= v.inView || v.pictured === 500;
    }).toBe(true);
    const view = await shownExtent(page);
    // Zoomed to fit: the laid-out diagram, every top-level node, inside the canvas.
    expect(view.outside).toBe(0);
    expect(view.hidden).toBe(0);
    await page.screenshot({ path: '.tmp/layout-500.png' });
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await diagramOf(page)).nodes.map((n) => n.position), { timeout: 30_000 }).toEqual(before);
  });
});

/** Where the store's nodes are against the canvas: how many top-level nodes lie outside it, how many are in view, mounted, pictured or hidden. */
function shownExtent(page: Page) {
  return page.evaluate(() => {
    type N = { id: string; parentId?: string; hidden?: boolean; position: { x: number; y: number }; measured?: { width?: number; height?: number } };
    const state = (window as unknown as { __archflow: { getState(): { nodes: N[]; revision: number } } }).__archflow.getState();
    const nodes = state.nodes;
    const picture = document.querySelector<HTMLCanvasElement>('canvas[data-testid="diagram-picture"]');
    const pictured = picture?.dataset.drawnRevision === String(state.revision) ? Number(picture.dataset.drawnNodes) : 0;
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const m = /translate\(([-\d.e]+)px,\s*([-\d.e]+)px\)\s*scale\(([-\d.e]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform)!;
    const [x, y, k] = [Number(m[1]), Number(m[2]), Number(m[3])];
    let outside = 0;
    let inView = 0;
    for (const n of nodes) {
      if (n.parentId !== undefined) continue;
      const left = x + n.position.x * k;
      const top = y + n.position.y * k;
      const right = left + (n.measured?.width ?? 0) * k;
      const bottom = top + (n.measured?.height ?? 0) * k;
      if (left < -1 || top < -1 || right > pane.width + 1 || bottom > pane.height + 1) outside++;
      if (right > 0 && bottom > 0 && left < pane.width && top < pane.height) inView++;
    }
    return { outside, inView, pictured, hidden: nodes.filter((n) => n.hidden).length, mounted: document.querySelectorAll('.react-flow__node').length - document.querySelectorAll('.react-flow__node[data-id^="note:"]').length };
  });
}
