/**
 * Pixel diff of the 2× PNG export between two builds of the app, per example file (examples/,
 * ../shared/examples) and per generated architecture (`--big=200,1000`): decoded and compared
 * pixel by pixel, with a crop around the first pixel off by more than 30 levels written to .tmp/.
 * Usage (a base commit built into .tmp/old/dist, this tree into dist):
 *   git archive <base> | tar -x -C .tmp/old && ln -s "$PWD/node_modules" .tmp/old/ &&
 *   (cd .tmp/old && npx vite build --mode test) && npx vite build --mode test &&
 *   npx tsx bench/exportPixelDiff.ts [--big=200] [--only=url-shortener]
 */
import { readFileSync, readdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';
import { architectureDiagram } from './architecture';
import { serializeDiagramFile } from '../src/model/serializeDiagramFile';
import { serveDir } from './serveDir';

async function exportOnce(url: string, name: string, file: Buffer, nodes: number): Promise<{ png: Buffer; ms: number }> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'pixdiff-')), { executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true, viewport: { width: 1440, height: 900 }, acceptDownloads: true });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => console.error('pageerror', e.message));
  await page.goto(url);
  await page.getByTestId('save-status').filter({ hasNotText: 'Opening' }).waitFor();
  await page.getByLabel('Diagram file to open').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: file });
  await page.waitForFunction((n) => (window as unknown as { __archflow: { getState(): { nodes: unknown[] } } }).__archflow.getState().nodes.length === n, nodes, { timeout: 120_000 });
  await page.waitForTimeout(1500);
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export PNG' });
  await dialog.getByRole('radio', { name: '2×' }).check();
  const download = page.waitForEvent('download', { timeout: 900_000 });
  const t0 = Date.now();
  await dialog.getByRole('button', { name: 'Download PNG' }).click();
  const png = readFileSync((await (await download).path())!);
  const ms = Date.now() - t0;
  await context.close();
  return { png, ms };
}

async function diff(page: Page, a: Buffer, b: Buffer) {
  return page.evaluate(async ([a64, b64]) => {
    const load = async (s: string) => {
      const blob = await (await fetch(`data:image/png;base64,${s}`)).blob();
      const bitmap = await createImageBitmap(blob, { premultiplyAlpha: 'none', colorSpaceConversion: 'none' });
      const c = new OffscreenCanvas(bitmap.width, bitmap.height);
      const x = c.getContext('2d')!;
      x.drawImage(bitmap, 0, 0);
      return { w: bitmap.width, h: bitmap.height, d: x.getImageData(0, 0, bitmap.width, bitmap.height).data };
    };
    const [A, B] = [await load(a64), await load(b64)];
    if (A.w !== B.w || A.h !== B.h) return { size: `${A.w}×${A.h} vs ${B.w}×${B.h}`, differing: -1, maxDelta: -1, rows: [] as number[] };
    let differing = 0, maxDelta = 0;
    const rows = new Set<number>();
    for (let i = 0; i < A.d.length; i += 4) {
      let m = 0;
      for (let k = 0; k < 4; k++) m = Math.max(m, Math.abs(A.d[i + k]! - B.d[i + k]!));
      if (m > 0) { differing++; maxDelta = Math.max(maxDelta, m); if (rows.size < 20) rows.add(Math.floor(i / 4 / A.w)); }
    }
    let fx = -1, fy = -1;
    for (let i = 0; i < A.d.length && fx < 0; i += 4) for (let k = 0; k < 4; k++) if (Math.abs(A.d[i + k]! - B.d[i + k]!) > 30) { fx = (i / 4) % A.w; fy = Math.floor(i / 4 / A.w); break; }
    const crop = async (X: typeof A) => {
      const c = new OffscreenCanvas(240, 120); const x = c.getContext('2d')!;
      const id = new ImageData(240, 120);
      for (let y = 0; y < 120; y++) for (let xx = 0; xx < 240; xx++) { const sx = fx - 120 + xx, sy = fy - 60 + y; if (sx < 0 || sy < 0 || sx >= X.w || sy >= X.h) continue; for (let k = 0; k < 4; k++) id.data[(y * 240 + xx) * 4 + k] = X.d[(sy * X.w + sx) * 4 + k]!; }
      x.putImageData(id, 0, 0);
      const b = await c.convertToBlob(); const buf = new Uint8Array(await b.arrayBuffer()); let str = ''; for (const v of buf) str += String.fromCharCode(v); return btoa(str);
    };
    return { size: `${A.w}×${A.h}`, differing, maxDelta, rows: [...rows], first: [fx, fy], cropA: fx >= 0 ? await crop(A) : '', cropB: fx >= 0 ? await crop(B) : '' };
  }, [a.toString('base64'), b.toString('base64')] as const);
}

const big = (process.argv.find((a) => a.startsWith('--big='))?.slice(6) ?? '').split(',').filter(Boolean).map(Number);
const files: { name: string; text: Buffer }[] = [];
for (const dir of ['examples', '/work/shared/examples']) for (const f of readdirSync(dir)) if (f.endsWith('.json')) files.push({ name: `${dir}/${f}`, text: readFileSync(join(dir, f)) });
for (const n of big) files.push({ name: `architecture-${n}`, text: Buffer.from(serializeDiagramFile(architectureDiagram(n))) });
const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
const oldServer = await serveDir('.tmp/old/dist');
const newServer = await serveDir('dist');
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
const cmp = await browser.newPage();
await cmp.evaluate('window.__name = (f) => f');
for (const f of files) {
  if (only && !f.name.includes(only)) continue;
  const nodes = JSON.parse(f.text.toString()).nodes?.length ?? JSON.parse(f.text.toString()).diagram?.nodes?.length;
  const count = typeof nodes === 'number' ? nodes : 0;
  try {
    const before = await exportOnce(oldServer.url, 'd.archflow.json', f.text, count);
    const after = await exportOnce(newServer.url, 'd.archflow.json', f.text, count);
    const short = f.name.replace(/\W+/g, '_');
    writeFileSync(`.tmp/px-${short}-old.png`, before.png);
    writeFileSync(`.tmp/px-${short}-new.png`, after.png);
    const d = await diff(cmp, before.png, after.png);
    if ('cropA' in d && d.cropA) { writeFileSync(`.tmp/crop-${short}-old.png`, Buffer.from(d.cropA, 'base64')); writeFileSync(`.tmp/crop-${short}-new.png`, Buffer.from(d.cropB!, 'base64')); }
    console.log(f.name, JSON.stringify({ ...d, cropA: undefined, cropB: undefined }), `old ${before.ms} ms ${before.png.length} B, new ${after.ms} ms ${after.png.length} B`);
  } catch (e) {
    console.log(f.name, 'FAILED', (e as Error).message.split('\n')[0]);
  }
}
await browser.close();
oldServer.close();
newServer.close();
