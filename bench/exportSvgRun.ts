/**
 * The SVG export's click → file and its longest page task on the 1,000-node architecture, once
 * per slowdown given (the SVG is painted from the records in a worker, as the PNG is).
 * Usage: `npx vite build --mode test && npx tsx bench/exportSvgRun.ts dist 1 4`
 * (`NODES=500 npx tsx …` for another size of the architecture; 1,000 unless given).
 */
import { statSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';
import { architectureDiagram } from './architecture';
import { newPage, openDiagram, openPage, settle } from './browserPages';
import { readLongTasks, watchLongTasks } from './browserProbes';
import { serializeDiagramFile } from '../src/model/serializeDiagramFile';
import { serveDir } from './serveDir';

const [dir, ...slowdowns] = process.argv.slice(2);
const server = await serveDir(dir!);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
const nodes = Number(process.env.NODES ?? 1000);
const file = Buffer.from(serializeDiagramFile(architectureDiagram(nodes)));
for (const s of slowdowns) {
  const { context, page } = await newPage(browser);
  await openPage('app', page, server.url);
  await openDiagram(page, file, nodes);
  await settle('app', page);
  const cdp = await context.newCDPSession(page);
  if (Number(s) > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(s) });
  await watchLongTasks(page);
  await page.getByRole('button', { name: 'Export SVG' }).click();
  const button = page.getByRole('dialog', { name: 'Export SVG' }).getByRole('button', { name: /Download SVG/ });
  const download = page.waitForEvent('download', { timeout: 600_000 });
  const clicked = await page.evaluate(() => performance.now());
  const started = Date.now();
  await button.click({ timeout: 600_000 });
  const svg = await download;
  const ms = Date.now() - started;
  const downloaded = await page.evaluate(() => performance.now());
  const tasks = (await readLongTasks(page)).filter((t) => t.start + t.duration > clicked && t.start < downloaded);
  const bytes = statSync((await svg.path())!).size;
  console.log(
    `${dir} ${nodes} nodes SVG ${s}x: click→file ${ms} ms, longest task ${Math.max(0, ...tasks.map((t) => t.duration)).toFixed(0)} ms, ` +
      `tasks>100ms ${tasks.filter((t) => t.duration > 100).length}, ${(bytes / 1e6).toFixed(1)} MB, load ${loadavg()[0]!.toFixed(1)}`,
  );
  await context.close();
}
await browser.close();
server.close();
