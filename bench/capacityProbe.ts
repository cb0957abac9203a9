/**
 * Issue 13's interaction target: no frame over 50 ms while the load multiplier moves on a
 * 500-component diagram. The app opens the generated architecture, zooms to editing zoom 1.0
 * (where status badges, requests-per-second labels and traffic dots are all drawn), shows the
 * capacity analysis, then drags the multiplier's thumb across its whole range and back, one
 * pointer move every ~12 ms, while requestAnimationFrame timestamps and long tasks are recorded.
 * Each analysis step re-derives the loads and re-renders the badges and labels that changed.
 * The same sweep with the analysis hidden (the slider moves, nothing is derived) is the
 * baseline in the same run.
 */
import type { Browser } from 'playwright-core';
import { newPage, openDiagram, openPage, settle } from './browserPages';
import { readLongTasks, recordFrames, sleep, watchLongTasks, zoomTo } from './browserProbes';

const SWEEP_MOVES = 160;
const MOVE_GAP_MS = 12;

export interface MultiplierSweep {
  longestFrameMs: number;
  fps: number;
  longestTaskMs: number;
  /** Distinct multiplier values shown during the sweep: the analysis really followed the thumb. */
  steps: number;
}

export async function multiplierSweep(browser: Browser, url: string, file: Buffer, n: number, shown: boolean): Promise<MultiplierSweep> {
  const { context, page } = await newPage(browser);
  try {
    await openPage('app', page, url);
    await openDiagram(page, file, n);
    await settle('app', page);
    await zoomTo(page, 1);
    if (shown) {
      await page.getByRole('checkbox', { name: 'Show analysis' }).check();
      await page.getByRole('region', { name: 'Bottlenecks' }).waitFor();
    }
    if (process.env.SWEEP_CSS) await page.addStyleTag({ content: process.env.SWEEP_CSS });
    await sleep(500);
    const slider = page.getByRole('slider', { name: /Load multiplier/ });
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    const at = (fraction: number) => box.x + 8 + (box.width - 16) * fraction;
    await watchLongTasks(page);
    const seen = new Set<string>();
    const output = page.locator('output.capacity-multiplier');
    const frames = await recordFrames(page, async () => {
      // From ×1 (a third of the way) up to ×100, down to ×0.1, back to ×1.
      await page.mouse.move(at(1 / 3), y);
      await page.mouse.down();
      for (let i = 1; i <= SWEEP_MOVES; i++) {
        const t = i / SWEEP_MOVES;
        const fraction = t < 0.25 ? 1 / 3 + (t / 0.25) * (2 / 3) : t < 0.75 ? 1 - ((t - 0.25) / 0.5) : ((t - 0.75) / 0.25) * (1 / 3);
        await page.mouse.move(at(fraction), y);
        if (i % 20 === 0) seen.add((await output.textContent()) ?? '');
        await sleep(MOVE_GAP_MS);
      }
      await page.mouse.up();
      await sleep(300);
    });
    const tasks = await readLongTasks(page);
    return {
      longestFrameMs: frames.longestFrameMs,
      fps: frames.fps,
      longestTaskMs: Math.max(0, ...tasks.map((task) => task.duration)),
      steps: seen.size,
    };
  } finally {
    await context.close();
  }
}
