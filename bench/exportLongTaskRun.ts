/**
 * The slowed-CPU PNG row on its own: `exportLongTask` (longTaskProbes.ts) on the 1,000-node
 * architecture against a build, once per slowdown given, without the rest of the suite.
 * Usage: `npx vite build --mode test && npx tsx bench/exportLongTaskRun.ts dist 4 1`
 * (`NODES=500 npx tsx …` for another size of the architecture; 1,000 unless given).
 */
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';
import { architectureDiagram } from './architecture';
import { exportLongTask } from './longTaskProbes';
import { serializeDiagramFile } from '../src/model/serializeDiagramFile';
import { serveDir } from './serveDir';
const [dir, ...slowdowns] = process.argv.slice(2);
const server = await serveDir(dir!);
const url = server.url;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
const nodes = Number(process.env.NODES ?? 1000);
const file = Buffer.from(serializeDiagramFile(architectureDiagram(nodes)));
for (const s of slowdowns) {
  const load = loadavg()[0]!.toFixed(1);
  const e = await exportLongTask(browser, url, file, nodes, Number(s));
  console.log(`${dir} ${nodes} nodes ${s}x: click→file ${e.ms.toFixed(0)} ms, longest task ${e.longestTaskMs.toFixed(0)} ms, tasks>100ms ${e.tasksOver100}, ${e.width}×${e.height} px, load ${load}`);
}
await browser.close();
server.close();
