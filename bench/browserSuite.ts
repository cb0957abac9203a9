/**
 * The Chromium half of `npm run bench`: the built app (dist/, served by `vite preview`) against
 * the bare React Flow page (dist/bench-bare), same generated diagrams, same browser, same run.
 * Run as `node --import tsx bench/browserSuite.ts OUT.json [--quick] [--sizes=100,500]` after
 * both builds; bench/run.mjs does all of that.
 *
 * Each repetition opens a fresh browser context (empty storage) for each page, in alternating
 * order, and in it: opens the file through the hidden file input, waits for the page to settle,
 * pans for 2 s, zooms for 2 s, drags one node, and (on some repetitions) exports a PNG at 2×.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { serializeDiagramFile } from '../src/model/serializeDiagramFile';
import { BENCH_BUILD_DIR } from '../vite.bench.config';
import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM } from '../tests/e2e/chromium.mjs';
import { architectureDiagram } from './architecture';
import {
  armLoadProbe,
  dragTarget,
  emptyPanePoint,
  readLoadProbe,
  recordFrames,
  mainThread,
  mainThreadSince,
  sleep,
  type FrameStats,
  type MainThread,
  type LoadResult,
} from './browserProbes';
import { figure, median, now, type Figure } from './stats';
import { measureBigOpen, OPEN_SIZES } from './openProbe';

type Kind = 'app' | 'bare';

const out = process.argv[2];
if (!out) throw new Error('usage: browserSuite.ts OUT.json [--quick] [--sizes=100,500]');
const quick = process.argv.includes('--quick');
const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
const SIZES = sizesArg ? sizesArg.slice(8).split(',').map(Number) : quick ? [100, 500] : [100, 500, 1_000, 2_000];

/** Repetitions per size; the bare PNG export is minutes at the large sizes, so it runs fewer times. */
const REPS: Record<number, number> = quick ? {} : { 100: 3, 500: 3, 1000: 3, 2000: 2 };
const pngArg = process.argv.find((a) => a.startsWith('--png='));
const PNG_REPS: Record<number, number> = pngArg
  ? Object.fromEntries(SIZES.map((n) => [n, Number(pngArg.slice(6))]))
  : quick
    ? { 100: 1, 500: 1 }
    : { 100: 3, 500: 2, 1000: 1, 2000: 1 };
const LAYOUT_REPS = quick ? 1 : 3;
const VIEWPORT = { width: 1440, height: 900 };
const DRIVE_MS = 2_000;
const DRAG_MOVES = 60;
/** One input event per frame or so, as a mouse or trackpad sends them. */
const INPUT_GAP_MS = 12;

const log = (text: string) => process.stderr.write(`  ${text}\n`);

interface SessionResult {
  load: LoadResult;
  pan: FrameStats & { perSecond: MainThread };
  zoom: FrameStats & { perSecond: MainThread };
  drag: MainThread;
  png?: { ms: number; bytes: number; width: number; height: number; longestFrameMs: number };
}

function urlOf(server: PreviewServer): string {
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address');
  return url;
}

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT, acceptDownloads: true });
  // tsx compiles this file with esbuild's keepNames, which wraps functions handed to
  // page.evaluate in a `__name(...)` call the page does not have.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('close', () => {
    if (errors.length) log(`page errors: ${errors.join('; ')}`);
  });
  return { context, page };
}

async function openAppPage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('status').first().waitFor();
  await page.getByTestId('save-status').filter({ hasNotText: 'Opening' }).waitFor();
}

async function openBarePage(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __bareReady?: boolean }).__bareReady === true);
}

/** After opening: the app's autosave has written the diagram, then both pages idle a moment. */
async function settle(kind: Kind, page: Page): Promise<void> {
  if (kind === 'app') {
    await page.getByTestId('save-status').filter({ hasText: /saved|memory/i }).waitFor({ timeout: 60_000 }).catch(() => log('app: save status never settled'));
  }
  await sleep(700);
}

async function pan(page: Page, cdp: CDPSession): Promise<SessionResult['pan']> {
  const start = await emptyPanePoint(page);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  const before = await mainThread(cdp);
  const t0 = now();
  const stats = await recordFrames(page, async () => {
    const t = now();
    let a = 0;
    const r = 120;
    while (now() - t < DRIVE_MS) {
      a += 0.12;
      await page.mouse.move(start.x + r * (Math.cos(a) - 1), start.y + r * Math.sin(a));
      await sleep(INPUT_GAP_MS);
    }
  });
  const perSecond = mainThreadSince(before, await mainThread(cdp), (now() - t0) / 1000);
  await page.mouse.up();
  return { ...stats, perSecond };
}

async function zoom(page: Page, cdp: CDPSession): Promise<SessionResult['zoom']> {
  const box = (await page.locator('.react-flow').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const before = await mainThread(cdp);
  const t0 = now();
  const stats = await recordFrames(page, async () => {
    const t = now();
    let i = 0;
    // Six notches in, six out: the view ends where it started.
    while (now() - t < DRIVE_MS || i % 12 !== 0) {
      await page.mouse.wheel(0, i % 12 < 6 ? -100 : 100);
      i++;
      await sleep(INPUT_GAP_MS);
    }
  });
  return { ...stats, perSecond: mainThreadSince(before, await mainThread(cdp), (now() - t0) / 1000) };
}

/** Main-thread time per pointer move while one node is dragged (CDP metrics delta). */
async function drag(page: Page, cdp: CDPSession, candidates: string[]): Promise<MainThread> {
  const target = await dragTarget(page, candidates);
  await page.mouse.move(target.x, target.y);
  await page.mouse.down();
  // Start the drag (past React Flow's threshold) before the clock starts.
  await page.mouse.move(target.x + 4, target.y + 4, { steps: 2 });
  await sleep(100);
  const before = await mainThread(cdp);
  const r = 40;
  for (let i = 1; i <= DRAG_MOVES; i++) {
    const a = (i / DRAG_MOVES) * Math.PI * 2;
    await page.mouse.move(target.x + 4 + r * Math.sin(a), target.y + 4 + r * (1 - Math.cos(a)));
    await sleep(INPUT_GAP_MS);
  }
  await sleep(50);
  const after = await mainThread(cdp);
  await page.mouse.up();
  return mainThreadSince(before, after, DRAG_MOVES);
}

async function exportPng(kind: Kind, page: Page): Promise<NonNullable<SessionResult['png']>> {
  // Back to the fitted view, so visible-only rendering has every node in the DOM on both pages.
  await page.locator('.react-flow__controls-fitview').click();
  await sleep(700);
  let button;
  if (kind === 'app') {
    await page.getByRole('button', { name: 'Export PNG' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export PNG' });
    await dialog.getByRole('radio', { name: '2×' }).check();
    button = dialog.getByRole('button', { name: 'Download PNG' });
  } else {
    button = page.getByRole('button', { name: 'Download image' });
  }
  let ms = 0;
  let path: string | null = null;
  const frames = await recordFrames(page, async () => {
    const download = page.waitForEvent('download', { timeout: 600_000 });
    // If the click throws, that error is the one to report, not this wait's.
    download.catch(() => undefined);
    const started = now();
    // The click is acknowledged only when the page's main thread is free again, which a
    // blocking export can delay by many seconds.
    await button.click({ timeout: 600_000 });
    const file = await download;
    ms = now() - started;
    path = await file.path();
  });
  let width = 0;
  let height = 0;
  let bytes = 0;
  if (path) {
    const png = readFileSync(path);
    bytes = png.length;
    width = png.readUInt32BE(16);
    height = png.readUInt32BE(20);
  }
  return { ms, bytes, width, height, longestFrameMs: frames.longestFrameMs };
}

async function session(browser: Browser, kind: Kind, url: string, n: number, file: Buffer, candidates: string[], withPng: boolean): Promise<SessionResult> {
  const { context, page } = await newPage(browser);
  try {
    if (kind === 'app') await openAppPage(page, url);
    else await openBarePage(page, url);
    await armLoadProbe(page, n);
    await page.getByLabel('Diagram file to open').setInputFiles({ name: `architecture-${n}.archflow.json`, mimeType: 'application/json', buffer: file });
    const load = await readLoadProbe(page, n);
    await settle(kind, page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const panStats = await pan(page, cdp);
    await sleep(300);
    const zoomStats = await zoom(page, cdp);
    await sleep(300);
    const dragStats = await drag(page, cdp, candidates);
    await cdp.detach();
    await sleep(kind === 'app' ? 1_200 : 300);
    const png = withPng ? await exportPng(kind, page) : undefined;
    return { load, pan: panStats, zoom: zoomStats, drag: dragStats, ...(png ? { png } : {}) };
  } finally {
    await context.close();
  }
}

interface LayoutProbe {
  tasks: { start: number; duration: number }[];
  frames: number[];
  busy: { t: number; busy: boolean }[];
  /** The first store change the worker's answer makes (the view starting to move, or nodes). */
  answerAt: number;
  /** The last time any node's position changed. */
  movedAt: number;
  clickAt: number;
}

interface LayoutView {
  layoutBusy: boolean;
  nodes: { position: unknown }[];
  fitViewRequest: unknown;
}

/**
 * The app's auto layout of a 500-node diagram: longest main-thread task and frame while it runs.
 * A big layout is applied over many frames (the view glides, then the nodes move a few at a
 * time), so "applied" is when the store is no longer busy and no node has moved since; the
 * window runs 1.5 s past that, through the autosave that follows.
 */
async function layoutLongTask(browser: Browser, url: string, file: Buffer, n: number) {
  const { context, page } = await newPage(browser);
  try {
    await openAppPage(page, url);
    await armLoadProbe(page, n);
    await page.getByLabel('Diagram file to open').setInputFiles({ name: 'layout.archflow.json', mimeType: 'application/json', buffer: file });
    await readLoadProbe(page, n);
    await settle('app', page);
    await page.evaluate(() => {
      const w = window as unknown as {
        __layout: LayoutProbe;
        __archflow: { subscribe(fn: (s: LayoutView, p: LayoutView) => void): void };
      };
      const probe: LayoutProbe = { tasks: [], frames: [], busy: [], answerAt: 0, movedAt: 0, clickAt: 0 };
      w.__layout = probe;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) probe.tasks.push({ start: e.startTime, duration: e.duration });
      }).observe({ type: 'longtask' });
      w.__archflow.subscribe((s, p) => {
        const t = performance.now();
        if (s.layoutBusy !== p.layoutBusy) probe.busy.push({ t, busy: s.layoutBusy });
        if (probe.clickAt === 0) return;
        if (probe.answerAt === 0 && (s.fitViewRequest !== p.fitViewRequest || s.nodes !== p.nodes)) probe.answerAt = t;
        if (s.nodes !== p.nodes && (s.nodes.length !== p.nodes.length || s.nodes.some((node, i) => node.position !== p.nodes[i]?.position))) {
          probe.movedAt = t;
        }
      });
      const tick = (t: number) => {
        probe.frames.push(t);
        if (probe.frames.length < 100_000) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      document.querySelector('button[aria-label="Auto layout"]')!.addEventListener('click', () => (probe.clickAt = performance.now()), { capture: true });
    });
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await page.waitForFunction(
      () => (window as unknown as { __layout: LayoutProbe }).__layout.busy.some((b) => !b.busy),
      null,
      { timeout: 120_000, polling: 200 },
    );
    // Then 1.5 s more with no node moving (a layout still settling would move them).
    const quietFor = () =>
      page.evaluate(() => {
        const p = (window as unknown as { __layout: LayoutProbe }).__layout;
        const done = Math.max(p.busy.find((b) => !b.busy)!.t, p.movedAt);
        return performance.now() - done;
      });
    for (let quiet = await quietFor(); quiet < 1_500; quiet = await quietFor()) await sleep(1_500 - quiet + 20);
    const probe = await page.evaluate(() => (window as unknown as { __layout: LayoutProbe }).__layout);
    const doneAt = Math.max(probe.busy.find((b) => !b.busy)!.t, probe.movedAt);
    const answerAt = probe.answerAt || doneAt;
    const end = doneAt + 1_500;
    const longest = (from: number, to: number) =>
      Math.max(0, ...probe.tasks.filter((task) => task.start + task.duration > from && task.start < to).map((task) => task.duration));
    const frameGap = (from: number, to: number) => {
      let gap = 0;
      const frames = probe.frames.filter((t) => t >= from && t <= to);
      for (let i = 1; i < frames.length; i++) gap = Math.max(gap, frames[i]! - frames[i - 1]!);
      return gap;
    };
    return {
      totalMs: answerAt - probe.clickAt,
      longestTaskMs: longest(probe.clickAt, end),
      longestTaskWhileRunningMs: longest(probe.clickAt, answerAt),
      longestTaskApplyingMs: longest(answerAt, end),
      longestFrameWhileRunningMs: frameGap(probe.clickAt, answerAt),
      longestFrameApplyingMs: frameGap(answerAt, end),
      appliedMs: doneAt - answerAt,
    };
  } finally {
    await context.close();
  }
}

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING_CHROMIUM);
  const appServer = await preview({ build: { outDir: `${BENCH_BUILD_DIR}/app` }, preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const bareServer = await preview({ configFile: 'vite.bench.config.ts', preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  const figures: Figure[] = [];
  const details: Record<string, unknown> = { chromium: browser.version() };
  try {
    // The bare page gets the app's canvas rectangle, so both draw the same area.
    const { context, page } = await newPage(browser);
    await openAppPage(page, urlOf(appServer));
    const canvas = (await page.locator('.react-flow').boundingBox())!;
    await context.close();
    const bareUrl = `${urlOf(bareServer)}?x=${Math.round(canvas.x)}&y=${Math.round(canvas.y)}&w=${Math.round(canvas.width)}&h=${Math.round(canvas.height)}`;
    details.canvas = canvas;
    const urls: Record<Kind, string> = { app: urlOf(appServer), bare: bareUrl };

    for (const n of SIZES) {
      const diagram = architectureDiagram(n);
      const file = Buffer.from(serializeDiagramFile(diagram));
      const candidates = diagram.nodes.filter((d) => d.kind !== 'group' && d.parent === undefined).map((d) => d.id);
      const results: Record<Kind, SessionResult[]> = { app: [], bare: [] };
      const reps = REPS[n] ?? 1;
      for (let rep = 0; rep < reps; rep++) {
        const order: Kind[] = rep % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'];
        for (const kind of order) {
          const t = now();
          const result = await session(browser, kind, urls[kind], n, file, candidates, rep < (PNG_REPS[n] ?? 0));
          results[kind].push(result);
          log(
            `${n} ${kind} #${rep + 1}: on screen ${result.load.onScreenMs.toFixed(0)} ms, pan ${result.pan.fps.toFixed(1)} fps, zoom ${result.zoom.fps.toFixed(1)} fps, drag ${result.drag.task.toFixed(2)} ms/move` +
              (result.png ? `, png ${(result.png.ms / 1000).toFixed(1)} s (${result.png.width}×${result.png.height})` : '') +
              ` [${((now() - t) / 1000).toFixed(0)} s]`,
          );
        }
      }
      details[`sessions-${n}`] = results;
      const pick = (kind: Kind, f: (r: SessionResult) => number | undefined) => results[kind].map(f).filter((v): v is number => v !== undefined);
      const section = `Chromium, ${n.toLocaleString('en-US')} nodes`;
      // Where the main-thread time went (script / style / layout / the rest: paint, GC, ...).
      const split = (kind: Kind, f: (r: SessionResult) => MainThread) => {
        const m = (g: (t: MainThread) => number) => median(results[kind].map((r) => g(f(r))));
        return `script ${m((t) => t.script).toFixed(1)} / style ${m((t) => t.style).toFixed(1)} / layout ${m((t) => t.layout).toFixed(1)} / other ${m((t) => t.task - t.script - t.style - t.layout).toFixed(1)} ms`;
      };
      const runs = `${reps} run${reps === 1 ? '' : 's'} each`;
      const at1000 = n === 1_000;
      figures.push(
        figure(section, 'open file → all nodes on screen', 'ms', pick('app', (r) => r.load.onScreenMs), { bareSamples: pick('bare', (r) => r.load.onScreenMs), note: `${runs}; all rendered (any view) after ${median(pick('app', (r) => r.load.renderedMs)).toFixed(0)} vs ${median(pick('bare', (r) => r.load.renderedMs)).toFixed(0)} ms` }),
        figure(section, 'pan, frames per second', 'fps', pick('app', (r) => r.pan.fps), { bareSamples: pick('bare', (r) => r.pan.fps), better: 'higher', note: `${runs}; main thread per second: ${split('app', (r) => r.pan.perSecond)} vs bare ${split('bare', (r) => r.pan.perSecond)}`, ...(at1000 ? { target: { text: '≥ 0.9× bare', minRatio: 0.9 } } : {}) }),
        figure(section, 'pan, longest frame', 'ms', pick('app', (r) => r.pan.longestFrameMs), { bareSamples: pick('bare', (r) => r.pan.longestFrameMs) }),
        figure(section, 'zoom, frames per second', 'fps', pick('app', (r) => r.zoom.fps), { bareSamples: pick('bare', (r) => r.zoom.fps), better: 'higher', note: `${runs}; main thread per second: ${split('app', (r) => r.zoom.perSecond)} vs bare ${split('bare', (r) => r.zoom.perSecond)}`, ...(at1000 ? { target: { text: '≥ 0.9× bare', minRatio: 0.9 } } : {}) }),
        figure(section, 'zoom, longest frame', 'ms', pick('app', (r) => r.zoom.longestFrameMs), { bareSamples: pick('bare', (r) => r.zoom.longestFrameMs) }),
        figure(section, 'drag one node, main thread per move', 'ms', pick('app', (r) => r.drag.task), { bareSamples: pick('bare', (r) => r.drag.task), note: `${runs}, ${DRAG_MOVES} moves; ${split('app', (r) => r.drag)} vs bare ${split('bare', (r) => r.drag)}`, ...(at1000 ? { target: { text: '≤ 1.5× bare', maxRatio: 1.5 } } : {}) }),
      );
      const appPng = pick('app', (r) => r.png?.ms);
      const barePng = pick('bare', (r) => r.png?.ms);
      if (appPng.length) {
        const size = (kind: Kind) => results[kind].find((r) => r.png)?.png;
        const a = size('app');
        const b = size('bare');
        figures.push(
          figure(section, 'PNG export at 2×', 'ms', appPng, {
            bareSamples: barePng,
            note: `${appPng.length} run${appPng.length === 1 ? '' : 's'} each; image app ${a?.width}×${a?.height} px, bare ${b?.width}×${b?.height} px; longest frame during export app ${median(pick('app', (r) => r.png?.longestFrameMs)).toFixed(0)} ms, bare ${median(pick('bare', (r) => r.png?.longestFrameMs)).toFixed(0)} ms`,
            ...(n === 500 ? { target: { text: '≥ 3× faster (≤ 0.33× bare)', maxRatio: 1 / 3 } } : {}),
          }),
        );
      }
    }

    const layoutN = 500;
    if (SIZES.includes(layoutN) || quick) {
      const file = Buffer.from(serializeDiagramFile(architectureDiagram(layoutN)));
      const runs: Awaited<ReturnType<typeof layoutLongTask>>[] = [];
      for (let i = 0; i < LAYOUT_REPS; i++) {
        const r = await layoutLongTask(browser, urls.app, file, layoutN);
        log(`layout ${layoutN} in the app: ${r.totalMs.toFixed(0)} ms, longest task ${r.longestTaskMs.toFixed(0)} ms (running ${r.longestTaskWhileRunningMs.toFixed(0)}, applying ${r.longestTaskApplyingMs.toFixed(0)}), longest frame running ${r.longestFrameWhileRunningMs.toFixed(0)} / applying ${r.longestFrameApplyingMs.toFixed(0)} ms`);
        runs.push(r);
      }
      details.layout = runs;
      const m = (f: (r: (typeof runs)[number]) => number) => runs.map(f);
      const section = 'Chromium, auto layout of 500 nodes (app)';
      figures.push(
        figure(section, 'longest main-thread task, click → applied + 1.5 s', 'ms', m((r) => r.longestTaskMs), {
          target: { text: '< 50 ms', max: 49.999 },
          note: `${LAYOUT_REPS} run${LAYOUT_REPS === 1 ? '' : 's'}; long tasks are those ≥ 50 ms, 0 = none. From the click to the worker's answer: ${median(m((r) => r.longestTaskWhileRunningMs)).toFixed(0)} ms; after the answer (render, fit-view animation, autosave): ${median(m((r) => r.longestTaskApplyingMs)).toFixed(0)} ms`,
        }),
        figure(section, 'longest frame while the worker runs', 'ms', m((r) => r.longestFrameWhileRunningMs)),
        figure(section, 'longest frame while the result is applied', 'ms', m((r) => r.longestFrameApplyingMs)),
        figure(section, 'click → layout result back', 'ms', m((r) => r.totalMs)),
      );
    }
    // Opening a big diagram (issue 17): bench/openProbe.ts. `--open=5000` picks the sizes, `--open=` skips it.
    const openArg = process.argv.find((a) => a.startsWith('--open='));
    const openSizes = openArg ? openArg.slice(7).split(',').filter(Boolean).map(Number) : quick ? [OPEN_SIZES[0]!] : OPEN_SIZES;
    const opened = await measureBigOpen(browser, urls.app, openSizes, quick ? 1 : 2, log);
    figures.push(...opened.figures);
    details.open = opened.runs;
  } finally {
    await browser.close();
    await appServer.close();
    await bareServer.close();
  }
  writeFileSync(out!, JSON.stringify({ figures, details }, null, 2));
}

await main();
