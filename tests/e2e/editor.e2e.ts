import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, diagramOf, node, openApp, type AppSession } from './app';

let app: AppSession;
beforeEach(async () => {
  app = await openApp();
});
afterEach(async () => {
  await app?.close();
});

function overlap(a: { x: number; y: number; width: number; height: number }, b: typeof a): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

describe('the editor', () => {
  it('adds components from the palette by click, never on top of each other', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Load Balancer', exact: true }).click();
    await page.getByRole('button', { name: 'Load Balancer', exact: true }).click();
    await page.getByRole('button', { name: 'API Server', exact: true }).click();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(3);
    const boxes = await Promise.all((await page.locator('.react-flow__node').all()).map((n) => n.boundingBox()));
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i]!, boxes[j]!)).toBe(false);
    expect((await diagramOf(page)).nodes.map((n) => n.kind).sort()).toEqual(['api-server', 'load-balancer', 'load-balancer']);
  });

  it('adds a component where it is dropped', async () => {
    const { page } = app;
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const target = { x: pane.x + 200, y: pane.y + 150 };
    await page.getByRole('button', { name: 'Cache', exact: true }).dragTo(page.locator('.react-flow__pane'), {
      targetPosition: { x: 200, y: 150 },
    });
    const box = (await node(page, 'Cache').boundingBox())!;
    // The component is centred on the drop point (snapped to the 20 px grid).
    expect(Math.abs(box.x + box.width / 2 - target.x)).toBeLessThan(30);
    expect(Math.abs(box.y + box.height / 2 - target.y)).toBeLessThan(30);
  });

  it('connects two nodes by dragging, and validation follows live', async () => {
    const { page } = app;
    const status = page.getByRole('status').filter({ hasText: /Valid|error/ });
    await page.getByRole('button', { name: 'Web Client', exact: true }).click();
    await page.getByRole('button', { name: 'API Server', exact: true }).click();
    await page.getByRole('button', { name: 'SQL Database', exact: true }).click();
    await expect.poll(() => status.textContent()).toMatch(/3 errors/);
    await connect(page, 'Web Client', 'API Server');
    await expect.poll(async () => (await diagramOf(page)).edges.length).toBe(1);
    await expect.poll(() => status.textContent()).toMatch(/error/);
    await connect(page, 'API Server', 'SQL Database');
    await expect.poll(() => status.textContent()).toBe('Valid');
    const d = await diagramOf(page);
    const byId = new Map(d.nodes.map((n) => [n.id, n.kind]));
    expect(d.edges.map((e) => `${byId.get(e.source)}>${byId.get(e.target)}`).sort()).toEqual([
      'api-server>sql-database',
      'web-client>api-server',
    ]);
    // A finding names its component and selects it when clicked.
    await page.locator('.react-flow__node').first().click();
    await page.keyboard.press('Delete');
    await expect.poll(() => status.textContent()).toMatch(/error/);
    const finding = page.getByRole('region', { name: 'Validation' }).getByRole('button').filter({ hasText: 'SQL Database' }).first();
    await finding.click();
    await expect.poll(() => node(page, 'SQL Database').getAttribute('class')).toMatch(/selected/);
  });

  it('renames in place, undoes and redoes, deletes with the connected edges', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Service', exact: true }).click();
    await page.getByRole('button', { name: 'Cache', exact: true }).click();
    await connect(page, 'Service', 'Cache');
    await expect.poll(async () => (await diagramOf(page)).edges.length).toBe(1);
    await node(page, 'Service').dblclick();
    const input = page.getByRole('textbox', { name: 'Component name' });
    await input.fill('Orders ✓ سلام');
    await input.press('Enter');
    await expect.poll(() => node(page, 'Orders ✓ سلام').count()).toBe(1);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => node(page, 'Service').count()).toBe(1);
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect.poll(() => node(page, 'Orders ✓ سلام').count()).toBe(1);
    await node(page, 'Orders ✓ سلام').click();
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await diagramOf(page)).nodes.length).toBe(1);
    expect((await diagramOf(page)).edges).toEqual([]);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await diagramOf(page)).edges.length).toBe(1);
    await page.keyboard.press('Control+Shift+z');
    await expect.poll(async () => (await diagramOf(page)).nodes.length).toBe(1);
  });

  it('copies, pastes and duplicates with fresh ids', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Worker', exact: true }).click();
    await node(page, 'Worker').click();
    await page.keyboard.press('Control+d');
    await expect.poll(async () => (await diagramOf(page)).nodes.length).toBe(2);
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(async () => (await diagramOf(page)).nodes.length).toBe(4);
    const ids = (await diagramOf(page)).nodes.map((n) => n.id);
    expect(new Set(ids).size).toBe(4);
  });

  it('edits the title, shown in the page title, and switches theme', async () => {
    const { page } = app;
    await page.getByRole('textbox', { name: 'Diagram title' }).fill('Payments');
    await expect.poll(() => page.title()).toContain('Payments');
    await page.getByRole('button', { name: 'Web Client', exact: true }).click();
    await page.getByRole('button', { name: 'API Gateway', exact: true }).click();
    await page.getByRole('button', { name: 'NoSQL Database', exact: true }).click();
    await connect(page, 'Web Client', 'API Gateway');
    await connect(page, 'API Gateway', 'NoSQL Database');
    await page.screenshot({ path: '.tmp/editor-light.png' });
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    const bg = await page.locator('.react-flow').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(bg).not.toBe('rgb(251, 251, 253)');
    await page.screenshot({ path: '.tmp/editor-dark.png' });
  });

  it('fits an opened diagram clear of the canvas tools, zoom controls and minimap', async () => {
    const { page } = app;
    // A laptop-sized window, where a share-of-the-canvas padding left a component under the minimap.
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByLabel('Diagram file to open').setInputFiles('examples/url-shortener.archflow.json');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(5);
    const floating = async () =>
      Promise.all([page.getByRole('toolbar', { name: 'Canvas tools' }), page.getByLabel('Zoom controls'), page.getByLabel('Minimap')].map((l) => l.boundingBox()));
    const clear = async () => {
      const over = await floating();
      const boxes = await Promise.all((await page.locator('.react-flow__node').all()).map((n) => n.boundingBox()));
      return boxes.filter((b) => over.some((o) => overlap(b!, o!))).length;
    };
    // Polled: the fit lands a frame after the nodes are measured.
    await expect.poll(clear, { timeout: 5_000 }).toBe(0);
    // Zoomed in and fitted again with the zoom controls' button.
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.getByRole('button', { name: 'Fit View' }).click();
    await expect.poll(clear, { timeout: 5_000 }).toBe(0);
  });
});
