/**
 * "What a user feels" (issue 16), the `feels` part of `npm run bench` (`--only=feels`): click →
 * result in the built app for open, auto layout, PNG export and share link, at 100 / 500 / 1,000
 * nodes of bench/architecture.ts, as bench/feelsProbes.ts measures them. Each run is a fresh
 * browser context doing the four in a person's order (open, auto layout, export, share); three
 * runs per size on a normal CPU (median and spread), then one 1,000-node run with the page's CPU
 * slowed 4× (CDP `Emulation.setCPUThrottlingRate`, set once the app has loaded, before the file
 * is chosen). Reported figures, no targets: the targets live in the rows that compare.
 *
 * Run as `node --import tsx bench/feelsSuite.ts OUT.json [--quick] [--sizes=100,500] [--reps=N]
 * [--no-loaded]` after the bench build; bench/main.ts does that.
 */
import { writeFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { preview } from 'vite';
import { serializeDiagramFile } from '../src/model/serializeDiagramFile';
import { BENCH_BUILD_DIR } from '../vite.bench.config';
import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM } from '../tests/e2e/chromium.mjs';
import { architectureDiagram } from './architecture';
import { log, newPage, openPage, settle, urlOf } from './browserPages';
import { feelExport, feelLayout, feelOpen, feelShare, installFeelProbe, type Feel, type PngFeel, type ShareFeel } from './feelsProbes';
import { figure, median, type Figure } from './stats';

const out = process.argv[2];
if (!out) throw new Error('usage: feelsSuite.ts OUT.json [--quick] [--sizes=100,500] [--reps=N] [--no-loaded]');
const quick = process.argv.includes('--quick');
const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
const SIZES = sizesArg ? sizesArg.slice(8).split(',').map(Number) : quick ? [100, 500] : [100, 500, 1_000];
const repsArg = process.argv.find((a) => a.startsWith('--reps='));
const REPS = repsArg ? Number(repsArg.slice(7)) : quick ? 1 : 3;
const CPU_SLOWDOWN = 4;
/** The slowed run: the largest size, once. */
const SLOWED_SIZE = 1_000;
const LOADED = !process.argv.includes('--no-loaded') && !quick && SIZES.includes(SLOWED_SIZE);

const SECTION = 'What a user feels (app, click → result)';
const PATHS = ['open', 'layout', 'export', 'share'] as const;
type PathName = (typeof PATHS)[number];
const WHAT: Record<PathName, string> = {
  open: 'Open, file chosen → drawn in view, click answered',
  layout: 'Auto layout → positions changed, canvas still 0.5 s',
  export: 'Export PNG 2× → file saved',
  share: 'Share link → link shown',
};

interface Run {
  open: Feel;
  layout: Feel;
  export: PngFeel;
  share: ShareFeel;
}

/** One person's session: a fresh context, the app loaded, then the four paths in order. */
async function session(browser: Browser, url: string, n: number, file: Buffer, nodes: number, cpuSlowdown: number): Promise<Run> {
  const { context, page } = await newPage(browser);
  try {
    await openPage('app', page, url);
    await installFeelProbe(page);
    if (cpuSlowdown > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
    const open = await feelOpen(page, file, `architecture-${n}.archflow.json`, nodes);
    await settle('app', page);
    const layout = await feelLayout(page);
    await settle('app', page);
    const png = await feelExport(page);
    await settle('app', page);
    const share = await feelShare(page);
    return { open, layout, export: png, share };
  } finally {
    await context.close();
  }
}

const seconds = (ms: number) => (Number.isFinite(ms) ? (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : `${(ms / 1000).toFixed(2)} s`) : 'n/a');

/** "1.23 s (1.10–1.40)": the median and the spread of the runs. */
function spread(values: number[]): string {
  const ok = values.filter(Number.isFinite);
  if (ok.length === 0) return 'FAILED';
  const failed = values.length - ok.length;
  const range = ok.length > 1 ? ` (${seconds(Math.min(...ok))}–${seconds(Math.max(...ok))})` : '';
  return `${seconds(median(ok))}${range}${failed ? `, ${failed} failed` : ''}`;
}

function pathFigure(name: string, runs: Run[], path: PathName): Figure {
  const feels = runs.map((r) => r[path]);
  const failures = feels.flatMap((f) => (f.failure ? [f.failure] : []));
  const extra: string[] = [];
  if (path === 'export') {
    const png = runs.find((r) => r.export.bytes > 0)?.export;
    if (png) extra.push(`file ${(png.bytes / 1024 ** 2).toFixed(1)} MB, ${png.width}×${png.height} px`);
  }
  if (path === 'share') {
    const length = median(runs.map((r) => r.share.length));
    extra.push(length > 0 ? `link ${Math.round(length).toLocaleString('en-US')} characters` : 'no link: the app said why');
  }
  return figure(SECTION, name, 'ms', feels.map((f) => f.ms), {
    note: [
      `${runs.length} run${runs.length === 1 ? '' : 's'}: ${spread(feels.map((f) => f.ms))}`,
      `longest task ${median(feels.map((f) => f.longestTaskMs)).toFixed(0)} ms`,
      ...extra,
      ...(failures.length ? [`FAILED: ${failures[0]}`] : []),
    ].join('; '),
  });
}

/** The small table: one line per path, one column per size, median (spread). */
function table(bySize: Map<string, Run[]>): string {
  const columns = [...bySize.keys()];
  const header = ['Click → result', ...columns];
  const lines = PATHS.map((path) => [WHAT[path], ...columns.map((c) => spread(bySize.get(c)!.map((r) => r[path].ms)))]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  return [row(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(row)].join('\n');
}

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING_CHROMIUM);
  const server = await preview({ build: { outDir: `${BENCH_BUILD_DIR}/app` }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const figures: Figure[] = [];
  const bySize = new Map<string, Run[]>();
  const chromiumVersion = browser.version();
  try {
    const url = urlOf(server);
    const plan = [...SIZES.map((n) => ({ n, slowdown: 1, reps: REPS })), ...(LOADED ? [{ n: SLOWED_SIZE, slowdown: CPU_SLOWDOWN, reps: 1 }] : [])];
    for (const { n, slowdown, reps } of plan) {
      if (reps === 0) continue;
      const diagram = architectureDiagram(n);
      const file = Buffer.from(serializeDiagramFile(diagram));
      const label = `${n.toLocaleString('en-US')} nodes${slowdown > 1 ? `, CPU ${slowdown}× slower` : ''}`;
      const runs: Run[] = [];
      for (let rep = 0; rep < reps; rep++) {
        const r = await session(browser, url, n, file, diagram.nodes.length, slowdown);
        log(`feels ${label} #${rep + 1}: ${PATHS.map((p) => `${p} ${seconds(r[p].ms)} (task ${r[p].longestTaskMs.toFixed(0)} ms${r[p].detail ? `; ${r[p].detail}` : ''})${r[p].failure ? ` FAILED: ${r[p].failure}` : ''}`).join(', ')}`);
        runs.push(r);
      }
      bySize.set(label, runs);
      for (const path of PATHS) figures.push(pathFigure(`${WHAT[path]}, ${label}`, runs, path));
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const small = table(bySize);
  process.stderr.write(`\n${SECTION}, median (spread of ${REPS} runs; one run when slowed):\n${small}\n\n`);
  writeFileSync(out!, JSON.stringify({ figures, details: { chromium: chromiumVersion, table: small, runs: Object.fromEntries(bySize) } }, null, 2));
}

await main();
