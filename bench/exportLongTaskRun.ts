/**
 * The slowed-CPU PNG row on its own: `exportLongTask` (longTaskProbes.ts) on the 1,000-node
 * architecture against a build, once per slowdown given, without the rest of the suite.
 * Usage: `npx vite build --mode test && npx tsx bench/exportLongTaskRun.ts dist 4 1`
 * (`NODES=500 npx tsx …` for another size of the architecture; 1,000 unless given).
 */
import { createServer } from 'node:http';
import { readFileSync, existsSync } from 'node:fs';
import { join, extname } from 'node:path';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';
import { architectureDiagram } from './architecture';
import { exportLongTask } from './longTaskProbes';
import { serializeDiagramFile } from '../src/model/serializeDiagramFile';
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.json': 'application/json', '.wasm': 'application/wasm' };
const [dir, ...slowdowns] = process.argv.slice(2);
const server = createServer((req, res) => {
  let path = join(dir!, decodeURIComponent(new URL(req.url!, 'http://x').pathname));
  if (!existsSync(path) || path.endsWith('/')) path = join(dir!, 'index.html');
  res.setHeader('content-type', TYPES[extname(path)] ?? 'application/octet-stream');
  res.end(readFileSync(path));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
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
