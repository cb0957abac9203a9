/**
 * The Chromium half of `npm run bench`: the built app (dist/, served by `vite preview`) against
 * the bare React Flow page (dist/bench-bare), same generated diagrams, same browser, same run.
 * Run as `node --import tsx bench/browserSuite.ts OUT.json [--quick] [--sizes=100,500]
 * [--reps=N] [--png=N] [--no-layout] [--no-loaded]` after both builds; bench/run.mjs does all of that.
 *
 * Each repetition opens a fresh browser context (empty storage) for each page, in alternating
 * order, and in it: opens the file through the hidden file input, waits for the page to settle,
 * then pans, zooms and drags one node twice: in the fitted view (zoomed out, where the app drops
 * details) and at editing zoom 1.0; then (app) makes a share link and (on some repetitions)
 * exports a PNG at 2×. Then the app's long paths (auto layout, export) on a normal and on a 4×
 * throttled CPU (bench/longTaskProbes.ts).
 */
import { writeFileSync } from 'node:fs';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { preview } from 'vite';
import { serializeDiagramFile } from '../src/model/serializeDiagramFile';
import { BENCH_BUILD_DIR } from '../vite.bench.config';
import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM } from '../tests/e2e/chromium.mjs';
import { architectureDiagram } from './architecture';
import { exportPng, log, newPage, openDiagram, openPage, settle, shareLink, urlOf, type Kind, type PngExport } from './browserPages';
import { dragTarget, emptyPanePoint, recordFrames, mainThread, mainThreadSince, sleep, zoomLevel, zoomTo, type FrameStats, type MainThread, type LoadResult } from './browserProbes';
import { exportLongTask, layoutLongTask, type LayoutRun } from './longTaskProbes';
import { measureExportContent, type ExportContent, type ExportImage, type SideContent } from './exportContent';
import { figure, median, now, ratioSpread, type Figure } from './stats';
import { measureBigOpen, OPEN_SIZES } from './openProbe';
import { multiplierSweeps } from './capacityProbe';
import { parseInChromiumFigure } from './parseInChromium';

const out = process.argv[2];
if (!out) throw new Error('usage: browserSuite.ts OUT.json [--quick] [--sizes=100,500] [--reps=N] [--png=N] [--no-layout] [--no-loaded]');
const quick = process.argv.includes('--quick');
const sizesArg = process.argv.find((a) => a.startsWith('--sizes='));
const SIZES = sizesArg ? sizesArg.slice(8).split(',').map(Number) : quick ? [100, 500] : [100, 500, 1_000, 2_000];

/**
 * Repetitions per size. 1,000 nodes carries the targets, so it gets the most runs, and the table
 * gives the spread of the per-run ratios. The bare PNG export is minutes at the large sizes, so
 * it runs fewer times.
 */
const repsArg = process.argv.find((a) => a.startsWith('--reps='));
const REPS: Record<number, number> = repsArg
  ? Object.fromEntries(SIZES.map((n) => [n, Number(repsArg.slice(7))]))
  : quick
    ? {}
    : { 100: 3, 500: 3, 1000: 5, 2000: 2 };
const pngArg = process.argv.find((a) => a.startsWith('--png='));
const PNG_REPS: Record<number, number> = pngArg
  ? Object.fromEntries(SIZES.map((n) => [n, Number(pngArg.slice(6))]))
  : quick
    ? { 100: 1, 500: 1 }
    : { 100: 3, 500: 2, 1000: 1, 2000: 1 };
/** Auto layout click → settled, per size (500 carries the long-task target on a normal CPU). */
const LAYOUT_REPS: Record<number, number> = quick ? { 500: 1 } : { 100: 2, 500: 3, 1000: 1 };
/** The app's long paths again on a CPU this many times slower (CDP throttling). */
const CPU_SLOWDOWN = 4;
const LOADED = !process.argv.includes('--no-loaded');
const LAYOUT = !process.argv.includes('--no-layout');
const DRIVE_MS = 2_000;
const DRAG_MOVES = 60;
/** Zoom: the same wheel pattern every run, four times six notches in and six out. */
const ZOOM_NOTCHES = 48;
const EDITING_ZOOM = 1;
/** One input event per frame or so, as a mouse or trackpad sends them. */
const INPUT_GAP_MS = 12;

interface Motion {
  zoomLevel: number;
  pan: FrameStats & { perSecond: MainThread };
  zoom: FrameStats & { perSecond: MainThread };
  drag: MainThread;
}

interface SessionResult {
  load: LoadResult;
  fitted: Motion;
  editing: Motion;
  share?: { ms: number; length: number };
  png?: PngExport;
}

async function pan(page: Page, cdp: CDPSession): Promise<Motion['pan']> {
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

async function zoom(page: Page, cdp: CDPSession): Promise<Motion['zoom']> {
  const box = (await page.locator('.react-flow').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  const before = await mainThread(cdp);
  const t0 = now();
  const stats = await recordFrames(page, async () => {
    // Six notches in, six out: the view ends where it started.
    for (let i = 0; i < ZOOM_NOTCHES; i++) {
      await page.mouse.wheel(0, i % 12 < 6 ? -100 : 100);
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

async function motion(page: Page, cdp: CDPSession, candidates: string[], zoomLevel: number): Promise<Motion> {
  const panStats = await pan(page, cdp);
  await sleep(300);
  const zoomStats = await zoom(page, cdp);
  await sleep(300);
  const dragStats = await drag(page, cdp, candidates);
  await sleep(300);
  return { zoomLevel, pan: panStats, zoom: zoomStats, drag: dragStats };
}

interface Candidates {
  /** Top-level components: in the fitted view the one nearest the middle is outside the groups. */
  topLevel: string[];
  /** Any component: at zoom 1 the middle of the diagram is inside a team's group. */
  any: string[];
}

async function session(browser: Browser, kind: Kind, url: string, n: number, file: Buffer, candidates: Candidates, withPng: boolean): Promise<SessionResult> {
  const { context, page } = await newPage(browser);
  try {
    await openPage(kind, page, url);
    const load = await openDiagram(page, file, n);
    await settle(kind, page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const fitted = await motion(page, cdp, candidates.topLevel, await zoomLevel(page));
    const level = await zoomTo(page, EDITING_ZOOM);
    await sleep(kind === 'app' ? 1_000 : 500);
    const editing = await motion(page, cdp, candidates.any, level);
    await cdp.detach();
    await sleep(kind === 'app' ? 1_200 : 300);
    const share = kind === 'app' ? await shareLink(page) : undefined;
    const png = withPng ? await exportPng(kind, page) : undefined;
    return { load, fitted, editing, ...(share ? { share } : {}), ...(png ? { png } : {}) };
  } finally {
    await context.close();
  }
}

/**
 * A layout that never applied (the app's timeout) has no settle time: the row fails. Those rows'
 * target is `min: 0`, which only NaN misses; `max: Infinity` became `null` on its way through the
 * suite's JSON and failed every run.
 */
const settledOrFailed = (r: LayoutRun) => (r.failure ? Number.NaN : r.settledMs);
/** Settle times of runs, or a single NaN (a failing row) when any run failed. */
const settledTimes = (runs: LayoutRun[]) => (runs.some((r) => r.failure) ? [Number.NaN] : runs.map((r) => r.settledMs));
const failures = (runs: LayoutRun[]) => {
  const failed = runs.filter((r) => r.failure);
  return failed.length ? { note: `${failed.length} of ${runs.length} runs FAILED: ${failed[0]!.failure}` } : {};
};

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

/** The figures of one size's sessions: motion at both zooms, open, export. */
const megabytes = (bytes: number | undefined) => (bytes === undefined ? '? MB' : `${(bytes / 1024 ** 2).toFixed(1)} MB`);

/** The size whose export is checked for content (bench/exportContent.ts): it carries the export target. */
const CONTENT_SIZE = 500;

/** Labels read from both sides' images; passes when the app's holds ≥ 95 % of the bare page's. */
function contentFigure(section: string, c: ExportContent): Figure {
  const count = (side: SideContent) => (side.labels.ok ? side.labels.labels : Number.NaN);
  const image = (i: ExportImage) => `${i.width}×${i.height} px, ${megabytes(i.bytes)}`;
  return figure(section, `PNG export: edge labels found in the image (${c.labelledEdges} labelled edges)`, 'count', [count(c.app)], {
    bareSamples: [count(c.bare)],
    better: 'higher',
    target: { text: '≥ 0.95× bare, both > 0', min: 1, minRatio: 0.95 },
    note:
      `each side exported with and without its edge labels; labels = clusters of pixels that differ (bench/imageLabels.ts), overlapping labels count once; ` +
      `image app ${image(c.app.labelled)}, bare ${image(c.bare.labelled)}` +
      (c.same.same ? '' : `; ${c.same.reason}`),
  });
}

function sessionFigures(n: number, results: Record<Kind, SessionResult[]>, content: ExportContent | undefined): Figure[] {
  const figures: Figure[] = [];
  const pick = (kind: Kind, f: (r: SessionResult) => number | undefined) => results[kind].map(f).filter((v): v is number => v !== undefined);
  const section = `Chromium, ${n.toLocaleString('en-US')} nodes`;
  // Where the main-thread time went (script / style / layout / the rest: paint, GC, ...).
  const split = (kind: Kind, f: (r: SessionResult) => MainThread) => {
    const m = (g: (t: MainThread) => number) => median(results[kind].map((r) => g(f(r))));
    return `script ${m((t) => t.script).toFixed(1)} / style ${m((t) => t.style).toFixed(1)} / layout ${m((t) => t.layout).toFixed(1)} / other ${m((t) => t.task - t.script - t.style - t.layout).toFixed(1)} ms`;
  };
  const runs = plural(results.app.length, 'run') + ' each';
  const at1000 = n === 1_000;
  const mounted = (kind: Kind) => median(pick(kind, (r) => r.load.mountedNodes)).toFixed(0);
  figures.push(
    figure(section, 'open file → view drawn (nodes and connections in view mounted, still)', 'ms', pick('app', (r) => r.load.viewDrawnMs), {
      bareSamples: pick('bare', (r) => r.load.viewDrawnMs),
      note: `${runs}; nodes mounted then: app ${mounted('app')}, bare ${mounted('bare')} (the app mounts what is in view above 400 nodes, the bare page all)`,
    }),
    figure(section, 'open file → a click on the canvas answered', 'ms', pick('app', (r) => r.load.clickAnsweredMs), {
      bareSamples: pick('bare', (r) => r.load.clickAnsweredMs),
      note: `${runs}; the click is sent right after the file is picked and counts when the page handles it`,
    }),
  );
  for (const view of ['fitted', 'editing'] as const) {
    const at = (r: SessionResult) => r[view];
    const zoomText = view === 'fitted' ? `fitted view (zoom ${median(pick('app', (r) => r.fitted.zoomLevel)).toFixed(2)})` : `zoom ${EDITING_ZOOM.toFixed(1)}`;
    const fps = (which: 'pan' | 'zoom') => {
      const app = pick('app', (r) => at(r)[which].fps);
      const bare = pick('bare', (r) => at(r)[which].fps);
      return figure(section, `${which}, frames per second, ${zoomText}`, 'fps', app, {
        bareSamples: bare,
        better: 'higher',
        note: `${runs}; per-run ratio ${ratioSpread(app, bare)}; main thread per second: ${split('app', (r) => at(r)[which].perSecond)} vs bare ${split('bare', (r) => at(r)[which].perSecond)}`,
        ...(at1000 ? { target: { text: '≥ 0.9× bare', minRatio: 0.9 } } : {}),
      });
    };
    const longest = (which: 'pan' | 'zoom') => figure(section, `${which}, longest frame, ${zoomText}`, 'ms', pick('app', (r) => at(r)[which].longestFrameMs), { bareSamples: pick('bare', (r) => at(r)[which].longestFrameMs) });
    const appDrag = pick('app', (r) => at(r).drag.task);
    const bareDrag = pick('bare', (r) => at(r).drag.task);
    figures.push(
      fps('pan'),
      longest('pan'),
      fps('zoom'),
      longest('zoom'),
      figure(section, `drag one node, main thread per move, ${zoomText}`, 'ms', appDrag, {
        bareSamples: bareDrag,
        note: `${runs}, ${DRAG_MOVES} moves; per-run ratio ${ratioSpread(appDrag, bareDrag)}; ${split('app', (r) => at(r).drag)} vs bare ${split('bare', (r) => at(r).drag)}`,
        ...(at1000 ? { target: { text: '≤ 1.5× bare', maxRatio: 1.5 } } : {}),
      }),
    );
  }
  const appPng = pick('app', (r) => r.png?.ms);
  if (appPng.length) {
    const png = (kind: Kind) => results[kind].find((r) => r.png)?.png;
    const a = png('app');
    const b = png('bare');
    const sameText = !content ? `content checked at ${CONTENT_SIZE} nodes` : content.same.same ? 'same content (edge labels read from both images)' : `NOT the same content: ${content.same.reason}`;
    figures.push(
      figure(section, 'PNG export at 2×', 'ms', appPng, {
        bareSamples: pick('bare', (r) => r.png?.ms),
        note:
          `${plural(appPng.length, 'run')} each; image app ${a?.width}×${a?.height} px, ${megabytes(a?.bytes)}, bare ${b?.width}×${b?.height} px, ${megabytes(b?.bytes)}; ${sameText}; ` +
          `longest frame during export app ${median(pick('app', (r) => r.png?.longestFrameMs)).toFixed(0)} ms, bare ${median(pick('bare', (r) => r.png?.longestFrameMs)).toFixed(0)} ms`,
        // The speed comparison counts only when both images hold the same drawing: with
        // different content (or none checked) no ratio can pass.
        ...(n === CONTENT_SIZE ? { target: { text: '≥ 3× faster (≤ 0.33× bare), same content', maxRatio: content?.same.same ? 1 / 3 : Number.NEGATIVE_INFINITY } } : {}),
      }),
    );
  }
  if (content) figures.push(contentFigure(section, content));
  return figures;
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
    await openPage('app', page, urlOf(appServer));
    const canvas = (await page.locator('.react-flow').boundingBox())!;
    await context.close();
    const bareUrl = `${urlOf(bareServer)}?x=${Math.round(canvas.x)}&y=${Math.round(canvas.y)}&w=${Math.round(canvas.width)}&h=${Math.round(canvas.height)}`;
    details.canvas = canvas;
    const urls: Record<Kind, string> = { app: urlOf(appServer), bare: bareUrl };

    for (const n of SIZES) {
      const diagram = architectureDiagram(n);
      const file = Buffer.from(serializeDiagramFile(diagram));
      const components = diagram.nodes.filter((d) => d.kind !== 'group');
      const candidates = { topLevel: components.filter((d) => d.parent === undefined).map((d) => d.id), any: components.map((d) => d.id) };
      const results: Record<Kind, SessionResult[]> = { app: [], bare: [] };
      const reps = REPS[n] ?? 1;
      if (reps === 0) continue;
      for (let rep = 0; rep < reps; rep++) {
        const order: Kind[] = rep % 2 === 0 ? ['app', 'bare'] : ['bare', 'app'];
        for (const kind of order) {
          const t = now();
          const r = await session(browser, kind, urls[kind], n, file, candidates, rep < (PNG_REPS[n] ?? 0));
          results[kind].push(r);
          log(
            `${n} ${kind} #${rep + 1}: view drawn ${r.load.viewDrawnMs.toFixed(0)} ms (${r.load.mountedNodes} nodes), click answered ${r.load.clickAnsweredMs.toFixed(0)} ms; fitted (${r.fitted.zoomLevel.toFixed(2)}) pan ${r.fitted.pan.fps.toFixed(1)} / zoom ${r.fitted.zoom.fps.toFixed(1)} fps, drag ${r.fitted.drag.task.toFixed(1)} ms; ` +
              `zoom ${r.editing.zoomLevel.toFixed(2)} pan ${r.editing.pan.fps.toFixed(1)} / zoom ${r.editing.zoom.fps.toFixed(1)} fps, drag ${r.editing.drag.task.toFixed(1)} ms` +
              (r.share ? `; share ${r.share.ms.toFixed(0)} ms` : '') +
              (r.png ? `; png ${(r.png.ms / 1000).toFixed(1)} s (${r.png.width}×${r.png.height})` : '') +
              ` [${((now() - t) / 1000).toFixed(0)} s]`,
          );
        }
      }
      details[`sessions-${n}`] = results;
      // Issue 16: the export comparison counts only with the same content, read from the images.
      const content = n === CONTENT_SIZE && (PNG_REPS[n] ?? 0) > 0 ? await measureExportContent(browser, urls, n, log) : undefined;
      if (content) details.exportContent = content;
      figures.push(...sessionFigures(n, results, content));
    }

    // Auto layout, click → settled, on a normal CPU.
    const layoutRuns: Record<number, LayoutRun[]> = {};
    for (const n of SIZES.filter((size) => LAYOUT && LAYOUT_REPS[size])) {
      const file = Buffer.from(serializeDiagramFile(architectureDiagram(n)));
      layoutRuns[n] = [];
      for (let i = 0; i < LAYOUT_REPS[n]!; i++) {
        const r = await layoutLongTask(browser, urls.app, file, n);
        if (r.failure) log(`layout ${n} FAILED: ${r.failure}`);
        log(`layout ${n}: answer ${r.totalMs.toFixed(0)} ms, settled ${r.settledMs.toFixed(0)} ms, longest task ${r.longestTaskMs.toFixed(0)} ms (running ${r.longestTaskWhileRunningMs.toFixed(0)}, applying ${r.longestTaskApplyingMs.toFixed(0)}), longest frame running ${r.longestFrameWhileRunningMs.toFixed(0)} / applying ${r.longestFrameApplyingMs.toFixed(0)} ms`);
        layoutRuns[n].push(r);
      }
    }
    details.layout = layoutRuns;
    const runs500 = layoutRuns[500];
    if (runs500) {
      const m = (f: (r: LayoutRun) => number) => runs500.map(f);
      const section = 'Chromium, auto layout of 500 nodes (app)';
      figures.push(
        figure(section, 'longest main-thread task, click → applied + 1.5 s', 'ms', m((r) => r.longestTaskMs), {
          target: { text: '< 50 ms', max: 49.999 },
          note: `${plural(runs500.length, 'run')}; long tasks are those ≥ 50 ms, 0 = none. From the click to the worker's answer: ${median(m((r) => r.longestTaskWhileRunningMs)).toFixed(0)} ms; after the answer (render, view glide, autosave): ${median(m((r) => r.longestTaskApplyingMs)).toFixed(0)} ms`,
        }),
        figure(section, 'longest frame while the worker runs', 'ms', m((r) => r.longestFrameWhileRunningMs)),
        figure(section, 'longest frame while the result is applied', 'ms', m((r) => r.longestFrameApplyingMs)),
        figure(section, 'click → layout result back', 'ms', runs500.some((r) => r.failure) ? [Number.NaN] : m((r) => r.totalMs)),
        figure(section, 'click → all nodes settled', 'ms', settledTimes(runs500), { target: { text: 'every run applied', min: 0 }, ...failures(runs500) }),
      );
    }
    // Issue 13: the load multiplier dragged across its range on 500 components, analysis shown,
    // against the same sweeps with the analysis hidden (bench/capacityProbe.ts): several sweeps
    // per page, pages alternating, each sweep's longest frame a sample.
    if (SIZES.includes(500)) {
      const file = Buffer.from(serializeDiagramFile(architectureDiagram(500)));
      const shown: number[] = [];
      const hidden: number[] = [];
      const after: number[] = [];
      const tasks: number[] = [];
      let view = '';
      for (let i = 0; i < (quick ? 1 : 2); i++) {
        for (const on of i % 2 === 0 ? [true, false] : [false, true]) {
          const r = await multiplierSweeps(browser, urls.app, file, 500, { shown: on, sweeps: 3 });
          if (on) view = `zoom ${r.view.zoom.toFixed(2)}: ${r.view.nodes} nodes, ${r.view.edges} connections, ${r.view.ratePills} rate pills, ${r.view.trafficStrips} traffic strips mounted`;
          for (const s of r.sweeps) {
            const slow = s.slowFrames.map((f) => `${f.durationMs} ms @${f.atMs} (script ${f.scriptMs}, style/layout ${f.styleLayoutMs}, other rendering ${f.renderMs}${f.topScript ? `; ${f.topScript}` : ''})`);
            log(`multiplier sweep 500 (${on ? 'analysis shown' : 'hidden'}): longest frame ${s.longestFrameMs.toFixed(0)} ms @${s.longestFrameAtMs} ms (up @${s.upAtMs}), after ${s.longestFrameAfterMs.toFixed(0)} ms, ${s.fps.toFixed(1)} fps, longest task ${s.longestTaskMs.toFixed(0)} ms @${s.longestTaskAtMs}, ${s.steps} values seen${slow.length ? `; long frames: ${slow.join('; ')}` : ''}`);
            (on ? shown : hidden).push(s.longestFrameMs);
            if (on) {
              tasks.push(s.longestTaskMs);
              after.push(s.longestFrameAfterMs);
            }
          }
        }
      }
      const section = 'Chromium, capacity analysis of 500 nodes (app)';
      figures.push(
        figure(section, 'longest frame while the multiplier moves', 'ms', shown, {
          bareSamples: hidden,
          target: { text: '< 50 ms', max: 49.999 },
          note: `${plural(shown.length, 'sweep')} (3 per page); "Bare" is the same sweep with the analysis hidden; longest task ${median(tasks).toFixed(0)} ms; view ${view}`,
        }),
        figure(section, 'longest frame as the numbers come back (after the thumb rests)', 'ms', after),
      );
    }

    // Issue 11: parse + check against the hand-written parser, in a page (zod without eval).
    figures.push(await parseInChromiumFigure(browser, quick ? 5 : 31));

    // Opening a big diagram (issue 17): bench/openProbe.ts. `--open=5000` picks the sizes, `--open=` skips it.
    const openArg = process.argv.find((a) => a.startsWith('--open='));
    const openSizes = openArg ? openArg.slice(7).split(',').filter(Boolean).map(Number) : quick ? [OPEN_SIZES[0]!] : OPEN_SIZES;
    const opened = await measureBigOpen(browser, urls.app, openSizes, quick ? 1 : 2, log);
    figures.push(...opened.figures);
    details.open = opened.runs;

    // The same long paths on a CPU four times slower.
    if (LOADED) {
      const section = `Chromium, CPU slowed ${CPU_SLOWDOWN}× (app)`;
      for (const n of SIZES.filter((size) => size === 500 || size === 1_000)) {
        const file = Buffer.from(serializeDiagramFile(architectureDiagram(n)));
        const r = await layoutLongTask(browser, urls.app, file, n, CPU_SLOWDOWN);
        if (r.failure) log(`layout ${n} at ${CPU_SLOWDOWN}× slower FAILED: ${r.failure}`);
        log(`layout ${n} at ${CPU_SLOWDOWN}× slower: settled ${r.settledMs.toFixed(0)} ms, longest task applying ${r.longestTaskApplyingMs.toFixed(0)} ms (${r.tasksOver100Applying} over 100 ms), running ${r.longestTaskWhileRunningMs.toFixed(0)} ms`);
        details[`layout-slowed-${n}`] = r;
        figures.push(
          figure(section, `auto layout ${n.toLocaleString('en-US')} nodes: click → all nodes settled`, 'ms', [settledOrFailed(r)], {
            target: { text: 'applied', min: 0 },
            note: r.failure ? `1 run; FAILED: ${r.failure}` : `1 run; worker's answer after ${r.totalMs.toFixed(0)} ms`,
          }),
          figure(section, `auto layout ${n.toLocaleString('en-US')} nodes: longest task while applied`, 'ms', [r.longestTaskApplyingMs], {
            target: { text: '≤ 100 ms', max: 100 },
            note: `1 run; from the worker's answer to 1.5 s after the last node moved; ${plural(r.tasksOver100Applying, 'task')} over 100 ms; longest task from the click to the answer ${r.longestTaskWhileRunningMs.toFixed(0)} ms`,
          }),
        );
        if (n === 1_000) {
          const e = await exportLongTask(browser, urls.app, file, n, CPU_SLOWDOWN);
          log(`export ${n} at ${CPU_SLOWDOWN}× slower: ${e.ms.toFixed(0)} ms, longest task ${e.longestTaskMs.toFixed(0)} ms (${e.tasksOver100} over 100 ms)`);
          details[`export-slowed-${n}`] = e;
          figures.push(
            figure(section, `PNG export 2×, ${n.toLocaleString('en-US')} nodes: click → file`, 'ms', [e.ms], { note: `1 run; image ${e.width}×${e.height} px` }),
            figure(section, `PNG export 2×, ${n.toLocaleString('en-US')} nodes: longest task`, 'ms', [e.longestTaskMs], { target: { text: '≤ 100 ms', max: 100 }, note: `1 run; ${plural(e.tasksOver100, 'task')} over 100 ms` }),
          );
        }
      }
    }
  } finally {
    await browser.close();
    await appServer.close();
    await bareServer.close();
  }
  writeFileSync(out!, JSON.stringify({ figures, details }, null, 2));
}

await main();
