/**
 * "What a user feels" (issue 16): the app driven as a person drives it, through its buttons by
 * their accessible names, each path timed from the click to the result a person waits for:
 *
 * - open: the file chosen in the Open dialog (playwright's file chooser) → the diagram drawn in
 *   view (bench/viewDrawn.ts) and a click on the canvas, sent right after the pick, handled;
 * - auto layout: click → node positions changed in the document and the canvas still (no DOM
 *   change inside `.react-flow`, no finite CSS animation running in it and no node moved for
 *   QUIET_MS);
 * - export: "Download PNG" at 2× → the downloaded file saved;
 * - share: "Share link" → the link shown in the dialog (bench/browserPages.ts `shareLink`).
 *
 * Each also gives the longest main-thread task between click and result. A path that does not
 * finish gives NaN and the reason, never a time that measured nothing.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { shareLink } from './browserPages';
import { clickCanvasCorner } from './browserProbes';
import { now } from './stats';
import { viewDrawnState } from './viewDrawn';

export interface Feel {
  ms: number;
  /** Longest main-thread task between the click and the result (0 = none ≥ 50 ms). */
  longestTaskMs: number;
  /** Why `ms` is NaN. */
  failure?: string;
  /** Where the time went, for the log. */
  detail?: string;
}

interface FeelProbe {
  tasks: { start: number; duration: number }[];
  /** Last DOM change inside the canvas. */
  mutatedAt: number;
  pickedAt: number;
  clickedAt: number;
  drawnAt: number;
  openDone: boolean;
  openReason: string;
  layoutClickAt: number;
  movedAt: number;
  lastMovedAt: number;
}

interface StoreView {
  nodes: { id: string; position: { x: number; y: number } }[];
  layoutBusy?: boolean;
}

type FeelWindow = Window & {
  __feel: FeelProbe;
  __viewDrawnState: typeof viewDrawnState;
  __archflow: { getState(): StoreView; subscribe(fn: (s: StoreView, p: StoreView) => void): () => void };
};

/** How long the view must hold still to count as drawn, or as settled after a layout. */
const QUIET_MS = 500;
/** Give up on a path after this long: it failed. */
const GIVE_UP_MS = 240_000;

/** Installs the probe in a freshly opened app page: long tasks, and the canvas's DOM changes. */
export async function installFeelProbe(page: Page): Promise<void> {
  await page.evaluate(`window.__viewDrawnState = ${viewDrawnState.toString()}`);
  await page.evaluate(() => {
    const w = window as unknown as FeelWindow;
    const probe: FeelProbe = { tasks: [], mutatedAt: 0, pickedAt: 0, clickedAt: 0, drawnAt: 0, openDone: false, openReason: '', layoutClickAt: 0, movedAt: 0, lastMovedAt: 0 };
    w.__feel = probe;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) probe.tasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
    const inCanvas = (node: Node) => Boolean((node instanceof Element ? node : node.parentElement)?.closest('.react-flow'));
    new MutationObserver((records) => {
      if (records.some((r) => inCanvas(r.target))) probe.mutatedAt = performance.now();
    }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    // On the window in the capture phase, registered before the app's own: the far view's
    // picture takes a press on a drawn node there (selects it) and keeps its click from the page.
    window.addEventListener(
      'click',
      (event) => {
        if (probe.pickedAt > 0 && probe.clickedAt === 0 && event.target instanceof Node && inCanvas(event.target)) probe.clickedAt = performance.now();
      },
      { capture: true },
    );
  });
}

const pageClock = (page: Page) => page.evaluate(() => performance.now());

/**
 * The longest long task overlapping [from, to] on the page's clock, counted from `from` when it
 * began earlier: the task that dispatches a picked file's `change` event is Playwright's own
 * script decoding the file inside the page (64–90 ms for 1.3 MB), which a real file chooser does
 * not run; only what follows the event is the app's.
 */
async function longestTask(page: Page, from: number, to: number): Promise<number> {
  return page.evaluate(
    ([a, b]) =>
      Math.max(
        0,
        ...(window as unknown as FeelWindow).__feel.tasks.filter((t) => t.start + t.duration > a! && t.start < b!).map((t) => t.start + t.duration - Math.max(t.start, a!)),
      ),
    [from, to],
  );
}

/** Open → choose the file → drawn in view and a canvas click handled. */
export async function feelOpen(page: Page, file: Buffer, name: string, expectedNodes: number): Promise<Feel> {
  await page.evaluate(
    ([quiet, expected, giveUp]) => {
      const w = window as unknown as FeelWindow;
      const probe = w.__feel;
      const input = document.querySelector('input[type="file"][aria-label="Diagram file to open"]');
      if (!input) throw new Error('no file input labelled "Diagram file to open"');
      input.addEventListener(
        'change',
        () => {
          probe.pickedAt = performance.now();
          let last = '';
          let since = 0;
          const tick = (t: number) => {
            const state = w.__viewDrawnState(expected!);
            if (state.signature !== last) {
              last = state.signature;
              since = t;
            }
            probe.openReason = state.reason;
            if (state.drawn && t - since >= quiet!) {
              probe.drawnAt = since;
              probe.openDone = true;
            } else if (t - probe.pickedAt > giveUp!) {
              probe.openDone = true;
            } else {
              requestAnimationFrame(tick);
            }
          };
          requestAnimationFrame(tick);
        },
        { capture: true, once: true },
      );
    },
    [QUIET_MS, expectedNodes, GIVE_UP_MS],
  );
  const chooser = page.waitForEvent('filechooser', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Open', exact: true }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: file }, { timeout: 600_000 });
  await clickCanvasCorner(page);
  await page.waitForFunction(() => (window as unknown as FeelWindow).__feel.openDone, null, { timeout: GIVE_UP_MS + 60_000, polling: 200 });
  const p = await page.evaluate(() => (window as unknown as FeelWindow).__feel);
  const failure = !p.drawnAt ? `view never drawn: ${p.openReason}` : !p.clickedAt ? 'the canvas click was never handled' : undefined;
  const doneAt = Math.max(p.drawnAt, p.clickedAt);
  return {
    ms: failure ? Number.NaN : doneAt - p.pickedAt,
    longestTaskMs: await longestTask(page, p.pickedAt, doneAt || p.pickedAt + GIVE_UP_MS),
    detail: `drawn ${(p.drawnAt - p.pickedAt).toFixed(0)} ms, click ${(p.clickedAt - p.pickedAt).toFixed(0)} ms`,
    ...(failure ? { failure } : {}),
  };
}

/** Auto layout → positions changed in the store and the canvas still for QUIET_MS. */
export async function feelLayout(page: Page): Promise<Feel> {
  await page.evaluate(() => {
    const w = window as unknown as FeelWindow;
    const probe = w.__feel;
    const before = new Map(w.__archflow.getState().nodes.map((n) => [n.id, n.position]));
    probe.layoutClickAt = 0;
    probe.movedAt = 0;
    probe.lastMovedAt = 0;
    w.__archflow.subscribe((s, p) => {
      if (probe.layoutClickAt === 0 || s.nodes === p.nodes) return;
      const t = performance.now();
      if (s.nodes.length !== p.nodes.length || s.nodes.some((n, i) => n.position !== p.nodes[i]?.position)) probe.lastMovedAt = t;
      if (probe.movedAt === 0 && s.nodes.some((n) => {
        const was = before.get(n.id);
        return !was || was.x !== n.position.x || was.y !== n.position.y;
      })) probe.movedAt = t;
    });
    document.querySelector('button[aria-label="Auto layout"]')?.addEventListener('click', () => (probe.layoutClickAt = performance.now()), { capture: true, once: true });
  });
  await page.getByRole('button', { name: 'Auto layout' }).click();
  await page.waitForFunction(
    ([quiet, giveUp]) => {
      const w = window as unknown as FeelWindow;
      const p = w.__feel;
      const t = performance.now();
      if (p.layoutClickAt > 0 && t - p.layoutClickAt > giveUp!) return true;
      // A CSS transition or animation in the canvas paints without changing the DOM: it counts
      // as a change while it runs (endless ones, such as traffic dots, do not).
      const moving = document.getAnimations().some((a) => {
        const target = (a.effect as KeyframeEffect | null)?.target;
        return a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity && target instanceof Element && target.closest('.react-flow');
      });
      if (moving) p.mutatedAt = t;
      return p.movedAt > 0 && !w.__archflow.getState().layoutBusy && t - Math.max(p.lastMovedAt, p.mutatedAt) >= quiet!;
    },
    [QUIET_MS, GIVE_UP_MS],
    { timeout: GIVE_UP_MS + 60_000, polling: 100 },
  );
  const p = await page.evaluate(() => (window as unknown as FeelWindow).__feel);
  const settledAt = Math.max(p.lastMovedAt, p.mutatedAt);
  const failure = p.movedAt === 0 ? `no node moved: ${await page.evaluate(() => /Auto layout[^.]*\./.exec(document.body.innerText)?.[0] ?? 'no message')}` : undefined;
  return {
    ms: failure ? Number.NaN : settledAt - p.layoutClickAt,
    longestTaskMs: await longestTask(page, p.layoutClickAt, failure ? p.layoutClickAt + GIVE_UP_MS : settledAt),
    detail: `first move ${(p.movedAt - p.layoutClickAt).toFixed(0)} ms, last move ${(p.lastMovedAt - p.layoutClickAt).toFixed(0)} ms, last canvas change ${(p.mutatedAt - p.layoutClickAt).toFixed(0)} ms`,
    ...(failure ? { failure } : {}),
  };
}

export interface PngFeel extends Feel {
  bytes: number;
  width: number;
  height: number;
}

/** Export PNG → 2× → Download PNG → the downloaded file saved. */
export async function feelExport(page: Page): Promise<PngFeel> {
  await page.getByRole('button', { name: 'Export PNG' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export PNG' });
  await dialog.getByRole('radio', { name: '2×' }).check();
  const download = page.waitForEvent('download', { timeout: GIVE_UP_MS });
  // If the click throws, that error is the one to report, not this wait's.
  download.catch(() => undefined);
  const from = await pageClock(page);
  const started = now();
  try {
    await dialog.getByRole('button', { name: 'Download PNG' }).click({ timeout: GIVE_UP_MS });
    const path = await (await download).path();
    const ms = now() - started;
    const to = await pageClock(page);
    const header = Buffer.alloc(24);
    const fd = openSync(path, 'r');
    readSync(fd, header, 0, 24, 0);
    closeSync(fd);
    await dialog.waitFor({ state: 'hidden', timeout: 60_000 }).catch(() => page.keyboard.press('Escape'));
    return { ms, longestTaskMs: await longestTask(page, from, to), bytes: statSync(path).size, width: header.readUInt32BE(16), height: header.readUInt32BE(20) };
  } catch (error) {
    const shown = await page.getByRole('alert').allInnerTexts().catch(() => []);
    await page.keyboard.press('Escape').catch(() => undefined);
    return { ms: Number.NaN, longestTaskMs: Number.NaN, bytes: 0, width: 0, height: 0, failure: `${(error as Error).message.split('\n')[0]}${shown.length ? `; page says: ${shown.join(' / ')}` : ''}` };
  }
}

export interface ShareFeel extends Feel {
  /** Characters in the link; 0 when the app refused to make one (and said why). */
  length: number;
}

/** Share link → the link shown (or the message saying why not). */
export async function feelShare(page: Page): Promise<ShareFeel> {
  const from = await pageClock(page);
  const r = await shareLink(page);
  const to = await pageClock(page);
  return { ms: r.ms, length: r.length, longestTaskMs: await longestTask(page, from, to) };
}
