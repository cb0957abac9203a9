/**
 * Issue 13's interaction target: no frame over 50 ms while the load multiplier moves on a
 * 500-component diagram. The app opens the generated architecture, shows the capacity analysis,
 * sets an explicit view (a zoom about the diagram's centre, where React Flow's nodes are mounted
 * and every overlay detail is drawn: status badges, ρ, rate pills, traffic dots), then drags the
 * multiplier's thumb across its whole range and back several times, the same pattern each time,
 * resting between sweeps so every sweep starts from the rested state (numbers and dots drawn),
 * as a user's first grab does.
 *
 * Per sweep it reports the longest frame (requestAnimationFrame gaps) and when it came, the
 * longest task, and each long animation frame (≥ 50 ms, the LoAF API) split into script and
 * rendering (style, layout, paint) with the script that ran longest, so a slow sweep says which
 * frame was slow and why. Times are from the pointer-down on the thumb. The same sweeps with
 * the analysis hidden (the slider moves, nothing is derived) are the baseline in the same run.
 */
import type { Browser, Page } from 'playwright-core';
import { newPage, openDiagram, openPage, settle } from './browserPages';
import { mainThread, mainThreadSince, sleep, zoomTo, type MainThread } from './browserProbes';

const SWEEP_MOVES = 160;
const MOVE_GAP_MS = 12;
/** Longer than the app's rest (400 ms), so each sweep starts with the numbers and dots back. */
const REST_BETWEEN_MS = 1_200;

/**
 * The sweep's view: zoom 0.46 about the fitted view's centre. Just above the zoom below which
 * the canvas drops the overlay's numbers and dots (0.45, Canvas.tsx), so it is the view with the
 * most of them drawn: on the 500-component diagram about 100 nodes, 280 connections with their
 * rate pills and 1,000 traffic strips. Set explicitly, not left to the fitted view, whose zoom
 * and drawing depend on the diagram's size and on how far views are drawn.
 */
export const SWEEP_ZOOM = 0.46;

/** A long animation frame, as the page's LoAF entry describes it, from the pointer-down. */
export interface SlowFrame {
  atMs: number;
  durationMs: number;
  /** Script and the task before rendering: start → renderStart (or the whole frame without one). */
  scriptMs: number;
  /** Style and layout forced or run in the frame's rendering step. */
  styleLayoutMs: number;
  /** The rest of rendering (rAF callbacks, paint, commit to the compositor). */
  renderMs: number;
  /** The script that ran longest in it: "event-listener input … 12 ms", or "" if none was attributed. */
  topScript: string;
}

export interface Sweep {
  /** The longest frame from the pointer-down to 100 ms after the pointer-up: the target's figure. */
  longestFrameMs: number;
  /** When it ended, ms after the pointer-down. */
  longestFrameAtMs: number;
  /** The longest frame after that, through the rest, when the numbers come back (400 ms later). */
  longestFrameAfterMs: number;
  /** The pointer-up, ms after the pointer-down. */
  upAtMs: number;
  fps: number;
  longestTaskMs: number;
  longestTaskAtMs: number;
  slowFrames: SlowFrame[];
  /** Distinct multiplier values shown during the sweep: the analysis really followed the thumb. */
  steps: number;
  /** The renderer's main-thread time over the whole sweep (CDP): less at the mercy of other load than frame times. */
  mainThread: MainThread;
}

/** What the view had mounted when the sweeps began. */
export interface SweepView {
  zoom: number;
  nodes: number;
  edges: number;
  ratePills: number;
  trafficStrips: number;
  rho: number;
}

export interface MultiplierSweeps {
  view: SweepView;
  sweeps: Sweep[];
}

interface SweepWindow {
  __sweep: { down: number; up: number; frames: number[]; recording: boolean; tasks: { start: number; duration: number }[]; loafs: PerformanceEntry[] };
}

/** Page side: one observer each for long tasks and long animation frames, a pointer-down clock, rAF stamps on demand. */
async function armPage(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as SweepWindow;
    w.__sweep = { down: 0, up: 0, frames: [], recording: false, tasks: [], loafs: [] };
    const s = w.__sweep;
    document.addEventListener('pointerdown', () => (s.down = performance.now()), { capture: true });
    document.addEventListener('pointerup', () => (s.up = performance.now()), { capture: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) s.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
    if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
      new PerformanceObserver((list) => s.loafs.push(...list.getEntries())).observe({ type: 'long-animation-frame' });
    }
  });
}

async function startRecording(page: Page): Promise<void> {
  await page.evaluate(() => {
    const s = (window as unknown as SweepWindow).__sweep;
    s.frames = [];
    s.tasks = [];
    s.loafs = [];
    s.recording = true;
    const tick = (t: number) => {
      if (!s.recording) return;
      s.frames.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

interface LoafEntry extends PerformanceEntry {
  renderStart: number;
  styleAndLayoutStart: number;
  scripts: { invoker: string; invokerType: string; duration: number; sourceFunctionName?: string; sourceURL?: string }[];
}

async function stopRecording(page: Page): Promise<Omit<Sweep, 'steps' | 'mainThread'>> {
  return page.evaluate(() => {
    const s = (window as unknown as SweepWindow).__sweep;
    s.recording = false;
    const from = s.down;
    const moving = s.up + 100;
    let longest = 0;
    let longestAt = 0;
    let after = 0;
    for (let i = 1; i < s.frames.length; i++) {
      const gap = s.frames[i]! - s.frames[i - 1]!;
      if (s.frames[i]! <= from) continue;
      if (s.frames[i]! > moving) after = Math.max(after, gap);
      else if (gap > longest) [longest, longestAt] = [gap, s.frames[i]! - from];
    }
    const span = s.frames.length > 1 ? s.frames.at(-1)! - s.frames[0]! : Number.NaN;
    const task = s.tasks.reduce((a, b) => (b.duration > a.duration ? b : a), { start: from, duration: 0 });
    const slowFrames = (s.loafs as unknown as LoafEntry[]).map((e) => {
      const end = e.startTime + e.duration;
      const renderStart = e.renderStart > 0 ? e.renderStart : end;
      const styleStart = e.styleAndLayoutStart > 0 ? e.styleAndLayoutStart : end;
      const top = [...e.scripts].sort((a, b) => b.duration - a.duration)[0];
      return {
        atMs: Math.round(e.startTime - from),
        durationMs: Math.round(e.duration),
        scriptMs: Math.round(renderStart - e.startTime),
        styleLayoutMs: Math.round(end - styleStart),
        renderMs: Math.round(styleStart - renderStart),
        topScript: top ? `${top.invokerType} ${top.invoker} ${top.sourceFunctionName ?? ''} ${Math.round(top.duration)} ms`.replace(/\s+/g, ' ') : '',
      };
    });
    return {
      longestFrameMs: longest,
      longestFrameAtMs: Math.round(longestAt),
      longestFrameAfterMs: after,
      upAtMs: Math.round(s.up - from),
      fps: ((s.frames.length - 1) / span) * 1000,
      longestTaskMs: task.duration,
      longestTaskAtMs: Math.round(task.start - from),
      slowFrames,
    };
  });
}

async function countView(page: Page, zoom: number): Promise<SweepView> {
  return page.evaluate((z) => {
    const count = (selector: string) => document.querySelectorAll(selector).length;
    return {
      zoom: z,
      nodes: count('.react-flow__node'),
      edges: count('.react-flow__edge'),
      ratePills: count('.rate-pill'),
      trafficStrips: count('.traffic-run'),
      rho: count('.cap-rho'),
    };
  }, zoom);
}

/** `sweeps` sweeps of the multiplier on one page, at SWEEP_ZOOM (or `zoom`), analysis shown or hidden. */
export async function multiplierSweeps(
  browser: Browser,
  url: string,
  file: Buffer,
  n: number,
  options: { shown: boolean; sweeps: number; zoom?: number },
): Promise<MultiplierSweeps> {
  const { context, page } = await newPage(browser);
  try {
    await openPage('app', page, url);
    await openDiagram(page, file, n);
    await settle('app', page);
    if (options.shown) {
      await page.getByRole('checkbox', { name: 'Show analysis' }).check();
      await page.getByRole('region', { name: 'Bottlenecks' }).waitFor();
    }
    const zoom = await zoomTo(page, options.zoom ?? SWEEP_ZOOM);
    await sleep(1_000);
    const view = await countView(page, zoom);
    if (view.nodes === 0) throw new Error(`multiplier sweep: no node mounted at zoom ${zoom}`);
    const slider = page.getByRole('slider', { name: /Load multiplier/ });
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    const at = (fraction: number) => box.x + 8 + (box.width - 16) * fraction;
    const output = page.locator('output.capacity-multiplier');
    await armPage(page);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const sweeps: Sweep[] = [];
    for (let k = 0; k < options.sweeps; k++) {
      await page.mouse.move(at(1 / 3), y);
      await sleep(REST_BETWEEN_MS);
      const seen = new Set<string>();
      await startRecording(page);
      await sleep(100);
      const before = await mainThread(cdp);
      // From ×1 (a third of the way) up to ×100, down to ×0.1, back to ×1.
      await page.mouse.down();
      for (let i = 1; i <= SWEEP_MOVES; i++) {
        const t = i / SWEEP_MOVES;
        const fraction = t < 0.25 ? 1 / 3 + (t / 0.25) * (2 / 3) : t < 0.75 ? 1 - (t - 0.25) / 0.5 : ((t - 0.75) / 0.25) * (1 / 3);
        await page.mouse.move(at(fraction), y);
        if (i % 20 === 0) seen.add((await output.textContent()) ?? '');
        await sleep(MOVE_GAP_MS);
      }
      await page.mouse.up();
      // Through the rest, when the numbers and dots come back (that frame counts too).
      await sleep(800);
      const after = await mainThread(cdp);
      sweeps.push({ ...(await stopRecording(page)), steps: seen.size, mainThread: mainThreadSince(before, after, 1) });
    }
    return { view, sweeps };
  } finally {
    await context.close();
  }
}
