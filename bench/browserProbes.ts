/**
 * What the browser half measures inside a page, each the same way on the app and on the bare
 * React Flow page: frame timestamps from requestAnimationFrame, the load probe, and the CDP
 * main-thread clock. The functions passed to `page.evaluate` run in the page, so they use only
 * what a page has.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface LoadFrame {
  t: number;
  nodes: number;
  edges: number;
  hidden: number;
  transform: string;
  /** Nodes the app's far-view picture painted (0 when it is not shown or not painted yet). */
  pictured: number;
}

export interface LoadResult {
  /**
   * Change event → the first frame of the view as it then stayed for QUIET_MS: the nodes and
   * connections in view mounted, none waiting to be measured, the view still. Above 400 nodes the
   * app mounts only what is in view (and its connections a slice per frame after); the bare page
   * mounts every node. (It was "every node on screen", which the app never does above 400 nodes.)
   * Zoomed out past its view budget (a fitted big diagram) the app mounts none and paints the
   * whole diagram as one picture: drawn then means the picture was painted from every node the
   * store holds, at the store's current revision.
   */
  viewDrawnMs: number;
  /** Change event → a click on the canvas, sent right after the file was picked, reaching the page. */
  clickAnsweredMs: number;
  /** Nodes mounted once the view was drawn. */
  mountedNodes: number;
  /** Nodes painted in the app's far-view picture once the view was drawn (0 when nodes were mounted instead). */
  picturedNodes: number;
}

interface ProbeWindow {
  __probe?: { t0: number; clickedAt: number; frames: LoadFrame[]; done: boolean };
  __frames?: number[];
  __recording?: boolean;
}

/** How long the drawn view must stay unchanged to count as drawn. */
const QUIET_MS = 600;

/** Arms the load probe: it starts on the file input's change event and records every frame. */
export async function armLoadProbe(page: Page): Promise<void> {
  await page.evaluate((quiet) => {
    const w = window as unknown as ProbeWindow;
    w.__probe = { t0: 0, clickedAt: 0, frames: [], done: false };
    const probe = w.__probe;
    /**
     * Nodes in the app's picture, if it painted every node the store holds at its current
     * revision and something of it is in view; else 0 (a picture of an older document, or none).
     */
    const picturedNodes = () => {
      const picture = document.querySelector<HTMLCanvasElement>('canvas[data-testid="diagram-picture"]');
      const app = (window as unknown as { __archflow?: { getState(): { nodes: unknown[]; revision: number } } }).__archflow;
      if (!picture || !app) return 0;
      const { nodes, revision } = app.getState();
      const drawn = Number(picture.dataset.drawnNodes ?? 0);
      const current = drawn === nodes.length && Number(picture.dataset.drawnRevision ?? -1) === revision && Number(picture.dataset.inView ?? 0) > 0;
      return current ? drawn : 0;
    };
    const input = document.querySelector('input[type="file"][aria-label="Diagram file to open"]');
    if (!input) throw new Error('no file input labelled "Diagram file to open"');
    window.addEventListener('click', () => (probe.clickedAt ||= probe.t0 > 0 ? performance.now() : 0), { capture: true });
    input.addEventListener(
      'change',
      () => {
        probe.t0 = performance.now();
        let last = '';
        let since = 0;
        const tick = (t: number) => {
          const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
          let hidden = 0;
          for (const el of nodes) if (el.style.visibility === 'hidden') hidden++;
          const edges = document.querySelectorAll('.react-flow__edge').length;
          const transform = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
          const pictured = picturedNodes();
          probe.frames.push({ t, nodes: nodes.length, edges, hidden, transform, pictured });
          const state = `${nodes.length}|${edges}|${hidden}|${transform}|${pictured}`;
          if (state !== last) {
            last = state;
            since = t;
          }
          // Drawn: something mounted (or pictured), nothing waiting to be measured, no change for `quiet` ms (or give up after 2 min).
          if (((nodes.length > 0 || pictured > 0) && hidden === 0 && t - since > quiet) || t - probe.t0 > 120_000) {
            probe.done = true;
            return;
          }
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      },
      { capture: true, once: true },
    );
  }, QUIET_MS);
}

/** Sends the click the probe times: at the canvas's top right corner, where neither page draws controls. */
export async function clickCanvasCorner(page: Page): Promise<void> {
  const box = (await page.locator('.react-flow').boundingBox())!;
  await page.mouse.click(box.x + box.width - 12, box.y + 12);
}

/** Waits for the armed probe to settle; the view counts as drawn from the first frame of its final state. */
export async function readLoadProbe(page: Page): Promise<LoadResult> {
  await page.waitForFunction(() => (window as unknown as ProbeWindow).__probe?.done === true, null, { timeout: 180_000, polling: 200 });
  return page.evaluate(() => {
    const probe = (window as unknown as ProbeWindow).__probe!;
    const final = probe.frames.at(-1)!;
    const same = (f: LoadFrame) => f.nodes === final.nodes && f.edges === final.edges && f.hidden === final.hidden && f.transform === final.transform && f.pictured === final.pictured;
    let i = probe.frames.length - 1;
    while (i > 0 && same(probe.frames[i - 1]!)) i--;
    const settled = (final.nodes > 0 || final.pictured > 0) && final.hidden === 0;
    return {
      viewDrawnMs: settled ? probe.frames[i]!.t - probe.t0 : Number.NaN,
      clickAnsweredMs: probe.clickedAt > 0 ? probe.clickedAt - probe.t0 : Number.NaN,
      mountedNodes: final.nodes,
      picturedNodes: final.pictured,
    };
  });
}

export interface FrameStats {
  fps: number;
  longestFrameMs: number;
  frames: number;
}

/** Records rAF timestamps while `drive` runs: frames per second and the longest frame. */
export async function recordFrames(page: Page, drive: () => Promise<void>): Promise<FrameStats> {
  await page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    w.__frames = [];
    w.__recording = true;
    const tick = (t: number) => {
      if (!w.__recording) return;
      w.__frames!.push(t);
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await drive();
  const frames = await page.evaluate(() => {
    const w = window as unknown as ProbeWindow;
    w.__recording = false;
    return w.__frames!;
  });
  let longest = 0;
  for (let i = 1; i < frames.length; i++) longest = Math.max(longest, frames[i]! - frames[i - 1]!);
  const span = frames.length > 1 ? frames.at(-1)! - frames[0]! : Number.NaN;
  return { fps: ((frames.length - 1) / span) * 1000, longestFrameMs: longest, frames: frames.length };
}

/** Main-thread time of the page's renderer so far, in ms, split as Chromium counts it. */
export interface MainThread {
  task: number;
  script: number;
  style: number;
  layout: number;
}

/** From CDP Performance.getMetrics (Performance.enable first): cumulative since the page started. */
export async function mainThread(cdp: CDPSession): Promise<MainThread> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const get = (name: string) => {
    const metric = metrics.find((m) => m.name === name);
    if (!metric) throw new Error(`CDP reported no ${name}`);
    return metric.value * 1000;
  };
  return { task: get('TaskDuration'), script: get('ScriptDuration'), style: get('RecalcStyleDuration'), layout: get('LayoutDuration') };
}

export function mainThreadSince(before: MainThread, after: MainThread, per: number): MainThread {
  return {
    task: (after.task - before.task) / per,
    script: (after.script - before.script) / per,
    style: (after.style - before.style) / per,
    layout: (after.layout - before.layout) / per,
  };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** An empty spot of canvas near its middle, where a drag pans instead of moving a node. */
export async function emptyPanePoint(page: Page): Promise<{ x: number; y: number }> {
  const point = await page.evaluate(() => {
    // Hit testing a big diagram is slow, so search outwards from the middle and stop at the first hit.
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    const step = 24;
    // The app's far view paints the diagram under the pane: empty there means an unpainted pixel.
    const picture = document.querySelector<HTMLCanvasElement>('canvas[data-testid="diagram-picture"]');
    const pictureBox = picture?.getBoundingClientRect();
    const ctx = picture?.getContext('2d');
    const painted = (x: number, y: number) => {
      if (!picture || !pictureBox || !ctx) return false;
      const ratio = picture.width / pictureBox.width;
      return ctx.getImageData(Math.floor((x - pictureBox.left) * ratio), Math.floor((y - pictureBox.top) * ratio), 1, 1).data[3]! > 0;
    };
    for (let ring = 0; ring * step < Math.max(pane.width, pane.height) / 2; ring++) {
      for (let i = -ring; i <= ring; i++) {
        for (const [dx, dy] of [[i, -ring], [i, ring], [-ring, i], [ring, i]] as const) {
          const x = cx + dx * step;
          const y = cy + dy * step;
          if (x < pane.left + 8 || x > pane.right - 8 || y < pane.top + 8 || y > pane.bottom - 8) continue;
          if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane') && !painted(x, y)) return { x, y };
        }
      }
    }
    return null;
  });
  if (!point) throw new Error('no empty canvas to pan from');
  return point;
}

/** The top-level component nearest the canvas middle, not covered by anything, and its centre (mounted, or painted in the app's far view). */
export async function dragTarget(page: Page, candidateIds: string[]): Promise<{ id: string; x: number; y: number }> {
  const found = await page.evaluate((ids) => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const cx = pane.left + pane.width / 2;
    const cy = pane.top + pane.height / 2;
    const placed: { id: string; el: Element; x: number; y: number; d: number }[] = [];
    for (const id of ids) {
      const el = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`);
      if (!el) continue;
      const r = el.getBoundingClientRect();
      const x = r.left + r.width / 2;
      const y = r.top + r.height / 2;
      placed.push({ id, el, x, y, d: Math.hypot(x - cx, y - cy) });
    }
    placed.sort((a, b) => a.d - b.d);
    for (const { id, el, x, y } of placed) {
      const hit = document.elementFromPoint(x, y);
      if (hit && el.contains(hit) && !hit.classList.contains('react-flow__handle')) return { id, x, y };
    }
    // The app's far view mounts no node: its picture is painted from the store, so the store and
    // the view's transform say where a component is (the drag then goes through the picture).
    type StoreNode = { id: string; parentId?: string; position: { x: number; y: number }; measured?: { width?: number; height?: number } };
    const app = (window as unknown as { __archflow?: { getState(): { nodes: StoreNode[] } } }).__archflow;
    if (!app || !document.querySelector('canvas[data-testid="diagram-picture"]')) return null;
    const byId = new Map(app.getState().nodes.map((n) => [n.id, n]));
    const m = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform);
    const pictured: { id: string; x: number; y: number; d: number }[] = [];
    for (const id of ids) {
      const node = byId.get(id);
      if (!node) continue;
      let ax = 0;
      let ay = 0;
      for (let n: StoreNode | undefined = node; n; n = n.parentId ? byId.get(n.parentId) : undefined) {
        ax += n.position.x;
        ay += n.position.y;
      }
      const x = pane.left + m.e + (ax + (node.measured?.width ?? 180) / 2) * m.a;
      const y = pane.top + m.f + (ay + (node.measured?.height ?? 64) / 2) * m.a;
      pictured.push({ id, x, y, d: Math.hypot(x - cx, y - cy) });
    }
    pictured.sort((a, b) => a.d - b.d);
    for (const { id, x, y } of pictured) {
      if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { id, x, y };
    }
    return null;
  }, candidateIds);
  if (!found) throw new Error('no node to drag');
  return found;
}

/** The canvas's zoom, read from React Flow's viewport transform (the same on both pages). */
export async function zoomLevel(page: Page): Promise<number> {
  return page.evaluate(() => {
    const m = /scale\(([-\d.e]+)\)/.exec(document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '');
    return m ? Number(m[1]) : Number.NaN;
  });
}

/**
 * Zooms to `level` around the canvas middle with wheel events, as a user would, on either page.
 * React Flow scales by 2^(-deltaY × 0.002) per pixel-mode wheel event, so one event of the right
 * size lands on the level (a second corrects rounding or a clamp).
 */
export async function zoomTo(page: Page, level: number): Promise<number> {
  const box = (await page.locator('.react-flow').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  for (let i = 0; i < 4; i++) {
    const current = await zoomLevel(page);
    if (Math.abs(current / level - 1) < 0.01) break;
    await page.mouse.wheel(0, Math.log2(current / level) / 0.002);
    await sleep(250);
  }
  return zoomLevel(page);
}

/** Long tasks (≥ 50 ms) the page reports from now on; read them with `readLongTasks`. */
export async function watchLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __longTasks: { start: number; duration: number }[] };
    w.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask' });
  });
}

export async function readLongTasks(page: Page): Promise<{ start: number; duration: number }[]> {
  return page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
}
