/**
 * The app's long paths, click to result, on a normal and on a throttled CPU (CDP
 * `Emulation.setCPUThrottlingRate`, as a laptop busy with a video call): the longest main-thread
 * tasks while an auto layout is applied and while a PNG export encodes.
 *
 * Auto layout: longest task and frame while the worker runs and while its result is applied. A big
 * layout may be applied over many frames (the nodes revealed a slice at a time where they mount),
 * so "applied" is when the store is no longer busy, no node has moved since, and what the view
 * shows is the laid-out document: the far view's picture painted at the store's revision, or
 * nodes mounted. The window runs 1.5 s past that, through the autosave that follows.
 */
import type { Browser } from 'playwright-core';
import { exportPng, newPage, openDiagram, openPage, settle } from './browserPages';
import { readLongTasks, sleep, watchLongTasks } from './browserProbes';

interface LayoutProbe {
  tasks: { start: number; duration: number }[];
  frames: number[];
  busy: { t: number; busy: boolean }[];
  /** The first store change the worker's answer makes (the view starting to move, or nodes). */
  answerAt: number;
  /** The last time any node's position changed. */
  movedAt: number;
  /** The frame the far view's picture was last painted at a new revision after the click (0: never). */
  pictureAt: number;
  pictureRevision: string;
  clickAt: number;
}

interface LayoutView {
  revision: number;
  layoutBusy: boolean;
  nodes: { position: unknown }[];
  fitViewRequest: unknown;
}

export type LayoutRun = Awaited<ReturnType<typeof layoutLongTask>>;

/** The app in a fresh context with the file open and saved, its CPU then slowed `cpuSlowdown` times. */
async function openSlowed(browser: Browser, url: string, file: Buffer, n: number, cpuSlowdown: number) {
  const { context, page } = await newPage(browser);
  await openPage('app', page, url);
  await openDiagram(page, file, n);
  await settle('app', page);
  const cdp = await context.newCDPSession(page);
  if (cpuSlowdown > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuSlowdown });
  return { context, page };
}

/** `cpuSlowdown` > 1 throttles the page's CPU (CDP) from just before the click to the end. */
export async function layoutLongTask(browser: Browser, url: string, file: Buffer, n: number, cpuSlowdown = 1) {
  const { context, page } = await openSlowed(browser, url, file, n, cpuSlowdown);
  try {
    await page.evaluate(() => {
      const w = window as unknown as {
        __layout: LayoutProbe;
        __archflow: { subscribe(fn: (s: LayoutView, p: LayoutView) => void): void };
      };
      const probe: LayoutProbe = { tasks: [], frames: [], busy: [], answerAt: 0, movedAt: 0, pictureAt: 0, pictureRevision: '', clickAt: 0 };
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
        const drawn = document.querySelector<HTMLCanvasElement>('canvas[data-testid="diagram-picture"]')?.dataset.drawnRevision ?? '';
        if (probe.clickAt > 0 && drawn !== probe.pictureRevision) probe.pictureAt = t;
        probe.pictureRevision = drawn;
        if (probe.frames.length < 100_000) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      document.querySelector('button[aria-label="Auto layout"]')!.addEventListener('click', () => (probe.clickAt = performance.now()), { capture: true });
    });
    await page.getByRole('button', { name: 'Auto layout' }).click();
    await page.waitForFunction(
      () => (window as unknown as { __layout: LayoutProbe }).__layout.busy.some((b) => !b.busy),
      null,
      { timeout: 600_000, polling: 500 },
    );
    // Then 1.5 s more with no node moving (a layout still settling would move them).
    const quietFor = () =>
      page.evaluate(() => {
        const p = (window as unknown as { __layout: LayoutProbe }).__layout;
        const done = Math.max(p.busy.find((b) => !b.busy)!.t, p.movedAt, p.pictureAt);
        return performance.now() - done;
      });
    for (let quiet = await quietFor(); quiet < 1_500; quiet = await quietFor()) await sleep(1_500 - quiet + 20);
    const probe = await page.evaluate(() => (window as unknown as { __layout: LayoutProbe }).__layout);
    // Nothing moved: the layout failed (on a very busy machine, the app's 20 s timeout).
    // Nothing shown: neither a node mounted nor the picture painted at the store's revision.
    const shown = await page.evaluate(() => {
      const state = (window as unknown as { __archflow: { getState(): LayoutView } }).__archflow.getState();
      const picture = document.querySelector<HTMLCanvasElement>('canvas[data-testid="diagram-picture"]');
      const pictured = picture !== null && picture.dataset.drawnRevision === String(state.revision) && Number(picture.dataset.drawnNodes) === state.nodes.length;
      return pictured || document.querySelectorAll('.react-flow__node').length > 0;
    });
    const failure =
      probe.answerAt === 0 && probe.movedAt === 0
        ? await page.evaluate(() => /Auto layout[^.]*\./.exec(document.body.innerText)?.[0] ?? 'nothing moved')
        : shown
          ? null
          : 'the laid-out diagram was never drawn';
    const doneAt = Math.max(probe.busy.find((b) => !b.busy)!.t, probe.movedAt, probe.pictureAt);
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
    const over = (limit: number, from: number, to: number) => probe.tasks.filter((task) => task.duration > limit && task.start + task.duration > from && task.start < to).length;
    return {
      failure,
      totalMs: answerAt - probe.clickAt,
      settledMs: doneAt - probe.clickAt,
      tasksOver100Applying: over(100, answerAt, end),
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

/** The app's PNG export at 2× of an open diagram, on a CPU slowed `cpuSlowdown` times: click → file, longest task. */
export async function exportLongTask(browser: Browser, url: string, file: Buffer, n: number, cpuSlowdown: number) {
  const { context, page } = await openSlowed(browser, url, file, n, cpuSlowdown);
  try {
    await watchLongTasks(page);
    const png = await exportPng('app', page);
    const tasks = (await readLongTasks(page)).filter((t) => t.start + t.duration > png.pageClock.clicked && t.start < png.pageClock.downloaded);
    return {
      ms: png.ms,
      longestTaskMs: Math.max(0, ...tasks.map((t) => t.duration)),
      tasksOver100: tasks.filter((t) => t.duration > 100).length,
      width: png.width,
      height: png.height,
    };
  } finally {
    await context.close();
  }
}
