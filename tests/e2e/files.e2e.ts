import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { withIdsOf } from '../io/idRenaming';
import { diagramOf, node, openApp, type AppSession } from './app';

const sessions: AppSession[] = [];
async function open(path?: string) {
  const s = await openApp(path);
  sessions.push(s);
  return s;
}
afterEach(async () => {
  while (sessions.length) await sessions.pop()!.close();
});

const EXAMPLE = readFileSync('examples/url-shortener.archflow.json', 'utf8');

async function openText(app: AppSession, text: string | Buffer, name = 'd.archflow.json') {
  await app.page.getByLabel('Diagram file to open').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.isBuffer(text) ? text : Buffer.from(text) });
}

function normalise(d: Awaited<ReturnType<typeof diagramOf>>) {
  return JSON.parse(JSON.stringify(d));
}

/** Export PNG → scale → Download PNG, as a person would; the file's bytes once the dialog has closed. */
async function exportPng(page: AppSession['page'], scale: '1×' | '2×' | '3×'): Promise<Buffer> {
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export PNG' });
  await dialog.getByRole('radio', { name: scale }).check();
  const download = page.waitForEvent('download', { timeout: 120_000 });
  await dialog.getByRole('button', { name: 'Download PNG' }).click();
  const png = readFileSync((await (await download).path())!);
  await dialog.waitFor({ state: 'hidden' });
  return png;
}

const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

/** `count` services on a grid 30 wide: a diagram big enough that a zoomed-in view culls most of it. */
const serviceGrid = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    id: `s${i}`,
    kind: 'service',
    label: `Service ${i}`,
    position: { x: (i % 30) * 220, y: Math.floor(i / 30) * 120 },
  }));

/** 450 services in a chain, each connection labelled: big enough that an export takes a while. */
async function openBigChain() {
  const app = await open();
  const count = 450;
  const nodes = serviceGrid(count);
  const edges = nodes.slice(1).map((n, i) => ({ id: `e${i}`, source: nodes[i]!.id, target: n.id, label: 'HTTPS' }));
  await openText(app, JSON.stringify({ format: 'archflow', version: 1, title: 'Big', flow: 'bottom-up', nodes, edges }));
  await expect.poll(async () => (await diagramOf(app.page)).nodes.length).toBe(count);
  return { page: app.page, nodes };
}

describe('files, exports, links and autosave', () => {
  it('refuses a bad file with a message naming the place, and keeps the open diagram', async () => {
    const app = await open();
    const { page } = app;
    await openText(app, EXAMPLE);
    await expect.poll(async () => (await diagramOf(page)).nodes.length).toBe(7);
    const before = await diagramOf(page);
    await openText(app, EXAMPLE.replace('"target": "db"', '"target": "db9"'));
    const alert = page.getByRole('alert').filter({ hasText: 'db9' });
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/edges\[5\]\.target/);
    expect(await diagramOf(page)).toEqual(before);
    await openText(app, '{"format": "archflow", "version": 1, "nodes": [');
    await page.getByRole('alert').filter({ hasText: /cut short|JSON/ }).waitFor();
    expect(await diagramOf(page)).toEqual(before);
  });

  it('saves JSON and opens it again unchanged', async () => {
    const app = await open();
    const { page } = app;
    await openText(app, EXAMPLE);
    await expect.poll(async () => (await diagramOf(page)).title).toBe('URL shortener');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.archflow\.json$/);
    const saved = readFileSync((await file.path())!, 'utf8');
    const before = normalise(await diagramOf(page));
    await page.getByRole('button', { name: 'New diagram' }).click();
    await expect.poll(async () => (await diagramOf(page)).nodes.length).toBe(0);
    await openText(app, saved);
    await expect.poll(async () => normalise(await diagramOf(page))).toEqual(before);
  });

  it('exports a PNG of the whole diagram that opens back as the diagram', async () => {
    const app = await open();
    const { page } = app;
    await openText(app, EXAMPLE);
    await expect.poll(async () => (await diagramOf(page)).nodes.length).toBe(7);
    const before = normalise(await diagramOf(page));
    const png = await exportPng(page, '2×');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const { width, height } = pngSize(png);
    // The example spans 648 x 540 flow units; with padding at 2x the image is larger than that.
    expect(width).toBeGreaterThan(1300);
    expect(height).toBeGreaterThan(1100);
    await import('node:fs').then((fs) => fs.writeFileSync('.tmp/export.png', png));
    await page.getByRole('button', { name: 'New diagram' }).click();
    await expect.poll(async () => (await diagramOf(page)).nodes.length).toBe(0);
    await openText(app, png, 'export.png');
    await expect.poll(async () => normalise(await diagramOf(page))).toEqual(before);
  });

  it('exports the same picture however far the view is zoomed out', async () => {
    const app = await open();
    const { page } = app;
    await openText(app, EXAMPLE);
    await expect.poll(async () => (await diagramOf(page)).nodes.length).toBe(7);
    const fitted = pngSize(await exportPng(page, '1×'));
    // Far out, the canvas drops details that the export puts back; edges must stay attached.
    while ((await page.locator('.react-flow.is-zoomed-out').count()) === 0) {
      await page.getByRole('button', { name: 'Zoom Out' }).click();
    }
    expect(pngSize(await exportPng(page, '1×'))).toEqual(fitted);
  });

  it('exports every node of a big diagram, also those culled off-screen while zoomed in, without mounting them', async () => {
    const app = await open();
    const { page } = app;
    const count = 450;
    const nodes = serviceGrid(count);
    await openText(app, JSON.stringify({ format: 'archflow', version: 1, title: 'Big', flow: 'bottom-up', nodes, edges: [] }));
    await expect.poll(async () => (await diagramOf(page)).nodes.length).toBe(count);
    const whole = pngSize(await exportPng(page, '1×'));
    // Zoom in on one corner: React Flow now draws only the few nodes in view.
    await page.evaluate(() => (window as unknown as { __archflow: { getState(): { focusElements(ids: string[]): void } } }).__archflow.getState().focusElements(['s0']));
    await expect.poll(() => page.locator('.react-flow__node').count()).toBeLessThan(count / 4);
    // Record how many nodes are in the DOM while the export runs: the PNG is painted from the records.
    await page.evaluate(() => {
      const w = window as unknown as { __maxDuringExport: number; __archflow: { subscribe(fn: (s: { exportStep: string | null }) => void): void } };
      w.__maxDuringExport = 0;
      w.__archflow.subscribe((s) => {
        if (s.exportStep !== null) w.__maxDuringExport = Math.max(w.__maxDuringExport, document.querySelectorAll('.react-flow__node').length);
      });
    });
    // The same picture as with every node in view: the whole diagram, not the part on screen.
    expect(pngSize(await exportPng(page, '1×'))).toEqual(whole);
    expect(await page.evaluate(() => (window as unknown as { __maxDuringExport: number }).__maxDuringExport)).toBeLessThan(count / 4);
  }, 180_000);

  it('shows how far a big export has drawn and stops it on Cancel export, with no file', async () => {
    const { page } = await openBigChain();
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: 'Export PNG' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export PNG' });
    await dialog.getByRole('radio', { name: '3×' }).check();
    await dialog.getByRole('button', { name: 'Download PNG' }).click();
    // The bar fills as bands are drawn: wait until it has a value, part of the way.
    const bar = dialog.getByRole('progressbar', { name: 'Export progress' });
    await expect.poll(async () => Number((await bar.getAttribute('value')) ?? 0), { timeout: 60_000, interval: 50 }).toBeGreaterThan(0);
    await dialog.getByRole('button', { name: 'Cancel export' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Export cancelled: no file was made.').waitFor();
    await page.waitForTimeout(3000);
    expect(downloads).toBe(0);
    // The app is usable again: a new export runs to its file.
    expect((await exportPng(page, '1×')).subarray(1, 4).toString()).toBe('PNG');
  }, 180_000);

  it('stops a big SVG export on Cancel export, with no file, and exports it afterwards', async () => {
    const { page, nodes } = await openBigChain();
    let downloads = 0;
    page.on('download', () => downloads++);
    await page.getByRole('button', { name: 'Export SVG' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export SVG' });
    // A slower CPU, so the export is still under way when Cancel is pressed.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    await dialog.getByRole('button', { name: 'Download SVG' }).click();
    await dialog.getByRole('button', { name: 'Cancel export' }).click();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await dialog.waitFor({ state: 'hidden' });
    await page.getByText('Export cancelled: no file was made.').waitFor();
    await page.waitForTimeout(2000);
    expect(downloads).toBe(0);
    // The app is usable again: the export runs to its file, every name in it as text.
    await page.getByRole('button', { name: 'Export SVG' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('dialog', { name: 'Export SVG' }).getByRole('button', { name: 'Download SVG' }).click();
    const svg = readFileSync((await (await download).path())!, 'utf8');
    const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ');
    for (const node of nodes) expect(texts).toContain(node.label);
  }, 180_000);

  it('exports an SVG with the diagram inside', async () => {
    const app = await open();
    const { page } = app;
    await openText(app, EXAMPLE);
    await expect.poll(async () => (await diagramOf(page)).nodes.length).toBe(7);
    await page.getByRole('button', { name: 'Export SVG' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('dialog', { name: 'Export SVG' }).getByRole('button', { name: 'Download SVG' }).click();
    const svg = readFileSync((await (await download).path())!, 'utf8');
    expect(svg).toMatch(/^<svg|<svg /);
    expect(svg).toContain('archflow-diagram');
    expect(svg).toContain('Shortener API');
    // Plain SVG any viewer draws: names are real text (selectable, searchable), no HTML inside,
    // and nothing to fetch (a viewer would refuse, or leak where the file is opened). Clips and
    // shadow filters are referenced within the file.
    // (The name wraps onto two lines, as on the canvas: one <text> each.)
    expect([...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]).join(' ')).toContain('Shortener API');
    expect(svg).not.toContain('<foreignObject');
    expect(svg.match(/url\((?!(["']|&quot;)?(#|data:))[^)]*\)/g) ?? []).toEqual([]);
    expect(svg).not.toMatch(/<script|\bon[a-z]+=|<link\b|@import/i);
  });

  it('exports PNG and SVG when a label holds a control character and half an emoji', async () => {
    const app = await open();
    const { page } = app;
    // A vertical tab and a lone high surrogate (the 1,000-character cut once split an emoji).
    const hostile = 'Orders\u000bAPI \ud83d';
    await openText(app, EXAMPLE.replace('"Shortener API"', JSON.stringify(hostile)));
    await expect.poll(async () => (await diagramOf(page)).nodes.length).toBe(7);
    // Whatever the way in leaves of it, the export must cope with the text as drawn: when the
    // parser cleaned the label, the raw text is put back into the page, as an older save might.
    const label = page.locator('.arch-node-label').filter({ hasText: /^Orders/ });
    await label.evaluate((element, text) => {
      if (element.textContent !== text) element.textContent = text;
    }, hostile);

    const png = await exportPng(page, '1×');
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(pngSize(png).width).toBeGreaterThan(600);

    await page.getByRole('button', { name: 'Export SVG' }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('dialog', { name: 'Export SVG' }).getByRole('button', { name: 'Download SVG' }).click();
    const svg = readFileSync((await (await download).path())!, 'utf8');
    // Well-formed XML, so an SVG viewer opens it.
    const problem = await page.evaluate(
      (text) => new DOMParser().parseFromString(text, 'image/svg+xml').querySelector('parsererror')?.textContent ?? null,
      svg,
    );
    expect(problem).toBeNull();
    expect(svg).toContain('Orders');
    expect(await page.getByRole('alert').allTextContents()).toEqual([]);
  });

  it('brings the diagram back after a reload', async () => {
    const app = await open();
    const { page } = app;
    await page.getByRole('textbox', { name: 'Diagram title' }).fill('Survives reloads');
    await page.getByRole('button', { name: 'Cache', exact: true }).click();
    await page.getByTestId('save-status').filter({ hasText: 'All changes saved' }).waitFor();
    await page.reload();
    await expect.poll(async () => (await diagramOf(page)).title).toBe('Survives reloads');
    expect((await diagramOf(page)).nodes.map((n) => n.kind)).toEqual(['cache']);
    await page.getByRole('region', { name: 'My diagrams' }).getByText('Survives reloads').waitFor();
  });

  // Three fresh pages: over a minute on a busy machine, which is not a failure.
  it('opens a share link in a fresh page as a copy', async () => {
    const app = await open();
    const { page } = app;
    await openText(app, EXAMPLE);
    await expect.poll(async () => (await diagramOf(page)).nodes.length).toBe(7);
    await page.getByRole('button', { name: 'Share link' }).click();
    const url = await page.getByRole('textbox', { name: 'Share link URL' }).inputValue();
    expect(url).toMatch(/#d=/);
    const expected = normalise(await diagramOf(page));
    const other = await open(new URL(url).pathname + new URL(url).hash);
    // The link renames ids compactly; everything else comes back as it was.
    await expect.poll(async () => {
      const opened = normalise(await diagramOf(other.page));
      return opened.nodes.length > 0 && JSON.stringify(opened) === JSON.stringify(withIdsOf(expected, opened));
    }).toBe(true);
    expect(other.page.url()).not.toContain('#d=');
    // A damaged link is refused with a message, and the page still works.
    const broken = await open(new URL(url).pathname + new URL(url).hash.slice(0, 40));
    await broken.page.getByRole('alert').filter({ hasText: /link/i }).waitFor();
    await node(broken.page, 'Browser').count();
  }, 180_000);
});
