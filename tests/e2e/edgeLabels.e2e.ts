/**
 * A big diagram opens zoomed far out, where the canvas drops details; zooming in and exporting
 * must bring every edge label back. (React Flow measures an edge label once, when it first
 * renders: a label hidden so that it measures zero stayed invisible for good.)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { architectureDiagram } from '../../bench/architecture';
import type { Diagram } from '../../src/model/diagram';
import { serializeDiagramFile } from '../../src/model/serializeDiagramFile';
import { diagramOf, openApp, type AppSession } from './app';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

const SIZE = 500;

async function openDiagram(page: Page, diagram: Diagram): Promise<void> {
  await page.getByLabel('Diagram file to open').setInputFiles({ name: 'big.archflow.json', mimeType: 'application/json', buffer: Buffer.from(serializeDiagramFile(diagram)) });
  await expect.poll(async () => (await diagramOf(page)).nodes.length).toBe(diagram.nodes.length);
  await expect.poll(() => page.locator('.react-flow.is-zoomed-out').count()).toBe(1);
}

const zoomOf = (page: Page) =>
  page.evaluate(() => {
    const m = /scale\(([-\d.e]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')!.style.transform);
    return m ? Number(m[1]) : Number.NaN;
  });

/** The edge labels whose box is inside the canvas: their text, drawn box and visibility. */
const labelsInView = (page: Page) =>
  page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    return [...document.querySelectorAll<SVGGElement>('.react-flow__edge-textwrapper')]
      .map((wrapper) => {
        const text = wrapper.querySelector<SVGTextElement>('.react-flow__edge-text')!;
        const bg = wrapper.querySelector<SVGRectElement>('.react-flow__edge-textbg')!;
        const at = text.getBoundingClientRect();
        return {
          text: text.textContent ?? '',
          centre: { x: at.left + at.width / 2, y: at.top + at.height / 2 },
          textWidth: at.width,
          backgroundWidth: bg.getBoundingClientRect().width,
          visibility: getComputedStyle(text).visibility,
        };
      })
      .filter(({ centre }) => centre.x > pane.left && centre.x < pane.right && centre.y > pane.top && centre.y < pane.bottom);
  });

async function download(page: Page, format: 'PNG' | 'SVG'): Promise<Buffer> {
  await page.getByRole('button', { name: `Export ${format}` }).click();
  const dialog = page.getByRole('dialog', { name: `Export ${format}` });
  if (format === 'PNG') await dialog.getByRole('radio', { name: '1×' }).check();
  const file = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.getByRole('button', { name: `Download ${format}` }).click();
  const bytes = readFileSync((await (await file).path())!);
  await dialog.waitFor({ state: 'hidden' });
  return bytes;
}

/** How many pixels differ clearly between two PNGs of the same size (decoded by the page). */
function changedPixels(page: Page, one: Buffer, other: Buffer): Promise<number> {
  return page.evaluate(
    async ([a, b]) => {
      const decode = async (base64: string) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        canvas.getContext('2d')!.drawImage(bitmap, 0, 0);
        return canvas.getContext('2d')!;
      };
      const [x, y] = [await decode(a), await decode(b)];
      const { width, height } = x.canvas;
      if (width !== y.canvas.width || height !== y.canvas.height) throw new Error(`sizes differ: ${width}×${height} and ${y.canvas.width}×${y.canvas.height}`);
      let changed = 0;
      for (let top = 0; top < height; top += 256) {
        const rows = Math.min(256, height - top);
        const p = x.getImageData(0, top, width, rows).data;
        const q = y.getImageData(0, top, width, rows).data;
        for (let i = 0; i < p.length; i += 4) if (Math.abs(p[i]! - q[i]!) + Math.abs(p[i + 1]! - q[i + 1]!) + Math.abs(p[i + 2]! - q[i + 2]!) > 48) changed++;
      }
      return changed;
    },
    [one.toString('base64'), other.toString('base64')] as const,
  );
}

describe('a big diagram opened zoomed far out', () => {
  it('shows its edge labels after zooming in, and puts them in PNG and SVG exports', async () => {
    app = await openApp();
    const { page } = app;
    const diagram = architectureDiagram(SIZE);
    const labelled = diagram.edges.filter((e) => e.label || e.protocol);
    await openDiagram(page, diagram);
    // Exported from the fitted view, zoomed far out, as a user would right after opening.
    const withLabels = await download(page, 'PNG');
    writeFileSync('.tmp/big-export.png', withLabels);

    // Zoom in to editing size with the wheel, over the middle of the canvas.
    const box = (await page.locator('.react-flow').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    while ((await zoomOf(page)) < 1) {
      await page.mouse.wheel(0, -200);
      await page.waitForTimeout(60);
    }
    await expect.poll(() => page.locator('.react-flow.is-zoomed-out').count()).toBe(0);
    // The connections near the view mount over a few frames once it rests (useEdgesNearView.ts),
    // and React Flow shows a label from the frame after it measured it: wait until that settles.
    let inView = await labelsInView(page);
    await expect
      .poll(async () => {
        inView = await labelsInView(page);
        return inView.length > 3 && inView.every((label) => label.visibility === 'visible');
      }, { timeout: 30_000 })
      .toBe(true);
    expect(inView.length).toBeGreaterThan(3);
    for (const label of inView) {
      expect(label.visibility, label.text).toBe('visible');
      expect(label.textWidth, label.text).toBeGreaterThan(10);
      // The background fits the text (plus 6 px padding each side), not an empty measurement.
      expect(label.backgroundWidth, label.text).toBeGreaterThan(label.textWidth);
    }

    // The SVG export writes every label as text (on its pill), off screen or not.
    const svg = (await download(page, 'SVG')).toString('utf8');
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);
    for (const edge of labelled) expect(texts).toContain([edge.label, edge.protocol].filter(Boolean).join(' · '));
    const both = labelled.find((e) => e.label && e.protocol)!;
    expect(svg).toContain(`${both.label} · ${both.protocol}`);

    // The PNG export draws the labels: it differs from the same diagram without label text by
    // each label's text and outline, and the line it covers (some 170 px a label at 1×; none
    // when the labels are not drawn).
    const unlabelled = { ...diagram, edges: diagram.edges.map(({ label: _l, protocol: _p, ...e }) => e) };
    await openDiagram(page, unlabelled);
    const withoutLabels = await download(page, 'PNG');
    expect(await changedPixels(page, withLabels, withoutLabels)).toBeGreaterThan(80 * labelled.length);
  }, 360_000);
});
