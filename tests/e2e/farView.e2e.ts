/**
 * The far view of a big diagram: opened, the whole diagram is in view as one picture with no
 * React Flow node mounted, and it is still a diagram: a click selects a component (the Inspector
 * shows it), a drag moves it in one undo step, a right-click opens its menu, an auto layout lands
 * whole, and zooming in (a double-click, or the wheel once it rests) mounts the real nodes with their names.
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

interface StoreNode {
  id: string;
  parentId?: string;
  position: { x: number; y: number };
  measured?: { width?: number; height?: number };
  data: { label: string };
}
interface Store {
  nodes: StoreNode[];
  revision: number;
  layoutBusy: boolean;
  history: { past: unknown[] };
  selection: { nodes: Set<string> };
}

const state = <T>(page: Page, read: (s: Store) => T): Promise<T> =>
  page.evaluate(`(${read.toString()})(window.__archflow.getState())`) as Promise<T>;

const picture = (page: Page) => page.getByTestId('diagram-picture');

/** The picture painted every node of the store's current revision, and React Flow mounts none. */
async function pictureIsCurrent(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const s = (window as unknown as { __archflow: { getState(): Store } }).__archflow.getState();
    const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-testid="diagram-picture"]');
    return (
      canvas !== null &&
      canvas.dataset.drawnNodes === String(s.nodes.length) &&
      canvas.dataset.drawnRevision === String(s.revision) &&
      document.querySelectorAll('.react-flow__node').length === 0
    );
  });
}

/** A node's box on screen (page coordinates), from the store and the view's transform. */
function screenBox(page: Page, id: string) {
  return page.evaluate((nodeId) => {
    const nodes = (window as unknown as { __archflow: { getState(): Store } }).__archflow.getState().nodes;
    const byId = new Map(nodes.map((n) => [n.id, n]));
    let x = 0;
    let y = 0;
    for (let n = byId.get(nodeId); n; n = n.parentId ? byId.get(n.parentId) : undefined) {
      x += n.position.x;
      y += n.position.y;
    }
    const node = byId.get(nodeId)!;
    const m = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const w = node.measured?.width ?? 180;
    const h = node.measured?.height ?? 64;
    return { x: pane.left + m.e + x * m.a, y: pane.top + m.f + y * m.a, width: w * m.a, height: h * m.a, zoom: m.a };
  }, id);
}

/** The whole diagram lies within the canvas. */
function wholeInView(page: Page) {
  return page.evaluate(() => {
    const nodes = (window as unknown as { __archflow: { getState(): Store } }).__archflow.getState().nodes;
    const m = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    return nodes
      .filter((n) => n.parentId === undefined)
      .every((n) => {
        const x = m.e + n.position.x * m.a;
        const y = m.f + n.position.y * m.a;
        return x >= -1 && y >= -1 && x + (n.measured?.width ?? 180) * m.a <= pane.width + 1 && y + (n.measured?.height ?? 64) * m.a <= pane.height + 1;
      });
  });
}

async function openBig(page: Page, n: number) {
  const buffer = Buffer.from(serializeDiagramFile(architectureDiagram(n)));
  await page.getByLabel('Diagram file to open').setInputFiles({ name: `big-${n}.archflow.json`, mimeType: 'application/json', buffer });
  await expect.poll(() => state(page, (s) => s.nodes.length), { timeout: 120_000 }).toBe(n);
  await expect.poll(() => pictureIsCurrent(page), { timeout: 60_000 }).toBe(true);
}

describe('the far view', () => {
  it('shows a 1,000-node diagram whole as a picture that still selects, moves, lays out and zooms in', async () => {
    const app = await openApp();
    sessions.push(app);
    const { page } = app;
    await openBig(page, 1_000);
    expect(await wholeInView(page)).toBe(true);
    await expect.poll(() => picture(page).getAttribute('aria-label')).toMatch(/components\. Zoom in to edit them/);

    // A top-level client, outside every group.
    const target = await state(page, (s) => s.nodes.find((n) => n.parentId === undefined && /client/i.test(n.id))!);
    const box = await screenBox(page, target.id);
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => state(page, (s) => [...s.selection.nodes])).toEqual([target.id]);
    const inspector = page.getByRole('form', { name: 'Component properties' });
    expect(await inspector.getByLabel('Name').inputValue()).toBe(target.data.label);

    const pane = (await page.locator('.react-flow').boundingBox())!;
    // Shift+click adds another; hovering names it.
    const other = await state(page, (s) => s.nodes.find((n) => n.parentId === undefined && /client/i.test(n.id) && n.id !== [...s.selection.nodes][0])!);
    const otherBox = await screenBox(page, other.id);
    await page.mouse.move(otherBox.x + otherBox.width / 2, otherBox.y + otherBox.height / 2);
    await expect.poll(() => page.getByRole('tooltip').textContent()).toContain(other.data.label);
    await page.keyboard.down('Shift');
    await page.mouse.click(otherBox.x + otherBox.width / 2, otherBox.y + otherBox.height / 2);
    await page.keyboard.up('Shift');
    await expect.poll(() => state(page, (s) => [...s.selection.nodes].sort())).toEqual([target.id, other.id].sort());

    // While a path is recorded, a click on the picture adds the step.
    await page.getByRole('toolbar', { name: 'Canvas tools' }).getByRole('button', { name: 'Record path' }).click();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(() => page.evaluate(() => (window as unknown as { __archflow: { getState(): { pathRecording: { steps: string[] } | null } } }).__archflow.getState().pathRecording?.steps)).toEqual([target.id]);
    await page.evaluate(() => (window as unknown as { __archflow: { getState(): { cancelPathRecording(): void } } }).__archflow.getState().cancelPathRecording());

    // A click on empty canvas clears the selection.
    await page.mouse.click(pane.x + pane.width - 60, pane.y + 140);
    await expect.poll(() => state(page, (s) => s.selection.nodes.size)).toBe(0);

    // Shift+drag on empty canvas selects the components wholly inside the box.
    await page.keyboard.down('Shift');
    // From empty canvas above and left of the diagram (far out, components are a pixel or two apart).
    await page.mouse.move(pane.x + 12, pane.y + 130);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 3 });
    await page.mouse.move(box.x + box.width + 1, box.y + box.height + 1, { steps: 3 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect.poll(() => state(page, (s) => [...s.selection.nodes])).toContain(target.id);
    await page.mouse.click(pane.x + pane.width - 60, pane.y + 140);
    await expect.poll(() => state(page, (s) => s.selection.nodes.size)).toBe(0);

    // A drag moves it, live in the picture, as one undo step.
    const steps = await state(page, (s) => s.history.past.length);
    const from = await screenBox(page, target.id);
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    for (let i = 1; i <= 5; i++) await page.mouse.move(from.x + from.width / 2 + i * 12, from.y + from.height / 2 - i * 8);
    await page.mouse.up();
    // Where it went on screen (it may have dropped into a group, whose child it then is).
    const to = await screenBox(page, target.id);
    expect(Math.abs(to.x - from.x - 60)).toBeLessThan(4);
    expect(Math.abs(to.y - from.y + 40)).toBeLessThan(4);
    expect(await state(page, (s) => s.history.past.length)).toBe(steps + 1);
    await expect.poll(() => pictureIsCurrent(page)).toBe(true);

    // A right-click opens the component's menu.
    const now = await screenBox(page, target.id);
    await page.mouse.click(now.x + now.width / 2, now.y + now.height / 2, { button: 'right' });
    await page.getByRole('menu', { name: `${target.data.label} actions` }).waitFor();
    await page.keyboard.press('Escape');

    // An auto layout of the big diagram lands whole, in one undo step, with the view fitted to it.
    const before = await state(page, (s) => s.history.past.length);
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await expect.poll(() => state(page, (s) => s.layoutBusy), { timeout: 120_000 }).toBe(false);
    await expect.poll(() => state(page, (s) => s.history.past.length), { timeout: 120_000 }).toBe(before + 1);
    await expect.poll(() => pictureIsCurrent(page), { timeout: 60_000 }).toBe(true);
    expect(await wholeInView(page)).toBe(true);

    // A double-click zooms in there to a readable size: the real nodes mount, with their names.
    const spot = await screenBox(page, target.id);
    await page.mouse.dblclick(spot.x + spot.width / 2, spot.y + spot.height / 2);
    await expect.poll(() => page.locator(`.react-flow__node[data-id="${target.id}"] .arch-node-label`).textContent(), { timeout: 30_000 }).toBe(target.data.label);
    await expect.poll(() => picture(page).count()).toBe(0);
    expect((await screenBox(page, target.id)).zoom).toBeCloseTo(1, 1);
  }, 300_000);

  it('mounts the real nodes once a wheel zoom in comes to rest, and goes back to the picture zooming out', async () => {
    const app = await openApp();
    sessions.push(app);
    const { page } = app;
    await openBig(page, 500);
    await expect.poll(() => pictureIsCurrent(page), { timeout: 60_000 }).toBe(true);
    const pane = (await page.locator('.react-flow').boundingBox())!;
    await page.mouse.move(pane.x + pane.width / 2, pane.y + pane.height / 2);
    // Six notches in, as quickly as a wheel sends them: past the zoom that mounts the nodes.
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -100);
    await expect.poll(() => page.locator('.react-flow__node .arch-node-label').count(), { timeout: 30_000 }).toBeGreaterThan(50);
    await expect.poll(() => picture(page).count()).toBe(0);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 100);
    await expect.poll(() => pictureIsCurrent(page), { timeout: 30_000 }).toBe(true);
  }, 180_000);
});
