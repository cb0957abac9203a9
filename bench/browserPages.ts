/**
 * Opening the two pages the browser half compares (the built app, the bare React Flow page) and
 * what a user does on them beyond moving around: open a file, export a PNG, make a share link.
 * Shared by the suite and its probes, so every row drives the pages the same way.
 */
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { armLoadProbe, clickCanvasCorner, readLoadProbe, recordFrames, sleep, type LoadResult } from './browserProbes';
import { now } from './stats';

export type Kind = 'app' | 'bare';

export const VIEWPORT = { width: 1440, height: 900 };

export const log = (text: string) => process.stderr.write(`  ${text}\n`);

export function urlOf(server: PreviewServer): string {
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address');
  return url;
}

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
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

export async function openPage(kind: Kind, page: Page, url: string): Promise<void> {
  await page.goto(url);
  if (kind === 'app') {
    await page.getByRole('status').first().waitFor();
    await page.getByTestId('save-status').filter({ hasNotText: 'Opening' }).waitFor();
  } else {
    await page.waitForFunction(() => (window as unknown as { __bareReady?: boolean }).__bareReady === true);
  }
}

/** After opening: the app's autosave has written the diagram, then both pages idle a moment. */
export async function settle(kind: Kind, page: Page): Promise<void> {
  if (kind === 'app') {
    await page.getByTestId('save-status').filter({ hasText: /saved|memory/i }).waitFor({ timeout: 120_000 }).catch(() => log('app: save status never settled'));
  }
  await sleep(700);
}

/** Picks `file` in the hidden file input, as a user choosing a file; resolves when all is on screen. */
export async function openDiagram(page: Page, file: Buffer, n: number): Promise<LoadResult> {
  await armLoadProbe(page);
  await page.getByLabel('Diagram file to open').setInputFiles({ name: `architecture-${n}.archflow.json`, mimeType: 'application/json', buffer: file });
  await clickCanvasCorner(page);
  return readLoadProbe(page);
}

export interface PngExport {
  /** Click → the download event. */
  ms: number;
  bytes: number;
  width: number;
  height: number;
  longestFrameMs: number;
  /** The page's clock at the click and at the download, to match its long tasks. */
  pageClock: { clicked: number; downloaded: number };
}

/**
 * PNG at 2× from the fitted view (so visible-only rendering has every node in the DOM on both
 * pages). App: Export PNG → 2× → Download PNG; bare: React Flow's "download image" example.
 * `saveTo` keeps a copy of the file (the download's own is deleted with its context).
 */
export async function exportPng(kind: Kind, page: Page, saveTo?: string): Promise<PngExport> {
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
  const pageClock = { clicked: 0, downloaded: 0 };
  const frames = await recordFrames(page, async () => {
    const download = page.waitForEvent('download', { timeout: 600_000 });
    // If the click throws, that error is the one to report, not this wait's.
    download.catch(() => undefined);
    pageClock.clicked = await page.evaluate(() => performance.now());
    const started = now();
    // The click is acknowledged only when the page's main thread is free again, which a
    // blocking export can delay by many seconds.
    await button.click({ timeout: 600_000 });
    const file = await download;
    ms = now() - started;
    pageClock.downloaded = await page.evaluate(() => performance.now());
    path = await file.path();
    if (saveTo) await file.saveAs(saveTo);
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
  if (kind === 'app') await page.getByRole('dialog', { name: 'Export PNG' }).waitFor({ state: 'hidden' }).catch(() => undefined);
  return { ms, bytes, width, height, longestFrameMs: frames.longestFrameMs, pageClock };
}

/** App only: "Share link" → the link shown (or the message saying why not), in ms. */
export async function shareLink(page: Page): Promise<{ ms: number; length: number }> {
  const started = now();
  await page.getByRole('button', { name: 'Share link' }).click();
  const url = page.getByRole('textbox', { name: 'Share link URL' });
  const refused = page.getByRole('alert').filter({ hasText: /link/i });
  await url.or(refused).first().waitFor({ timeout: 120_000 });
  const ms = now() - started;
  const length = (await url.count()) ? (await url.inputValue()).length : 0;
  await page.keyboard.press('Escape');
  return { ms, length };
}
