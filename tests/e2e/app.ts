/** Opens the built app in a fresh Chromium profile and offers what a person does with it. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';
import { CHROMIUM_ARGS } from './chromium.mjs';

export interface AppSession {
  context: BrowserContext;
  page: Page;
  baseUrl: string;
  close(): Promise<void>;
}

/** A fresh browser profile (empty storage) with the app open. */
export async function openApp(path = '/'): Promise<AppSession> {
  const baseUrl = inject('baseUrl');
  const userDataDir = mkdtempSync(join(tmpdir(), 'archflow-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: inject('chromiumPath'),
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1440, height: 900 },
    acceptDownloads: true,
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(new URL(path, baseUrl).href);
  await page.getByRole('status').first().waitFor();
  await page.getByTestId('save-status').filter({ hasNotText: 'Opening' }).waitFor();
  return {
    context,
    page,
    baseUrl,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
      if (errors.length > 0) throw new Error(`The page threw: ${errors.join('; ')}`);
    },
  };
}

/** The component nodes on the canvas, by their visible label. */
export function node(page: Page, label: string) {
  return page.locator('.react-flow__node').filter({ has: page.locator('.arch-node-label', { hasText: new RegExp(`^${label}$`) }) });
}

export async function nodeCount(page: Page): Promise<number> {
  return page.locator('.react-flow__node').count();
}

/** The open document, as the app would save it. */
export async function diagramOf(page: Page): Promise<{ title: string; flow: string; nodes: { id: string; kind: string; label: string; position?: { x: number; y: number } }[]; edges: { id: string; source: string; target: string }[] }> {
  return page.evaluate(() => (window as unknown as { __archflow: { getState(): { getDiagram(): never } } }).__archflow.getState().getDiagram());
}

/** Drags from the source handle of one node and releases over another, away from its handles. */
export async function connect(page: Page, from: string, to: string): Promise<void> {
  const source = node(page, from);
  await source.hover();
  const handle = source.locator('.react-flow__handle.source').first();
  const hb = await handle.boundingBox();
  const tb = await node(page, to).boundingBox();
  if (!hb || !tb) throw new Error(`cannot connect ${from} to ${to}: not on screen`);
  await page.mouse.move(hb.x + hb.width / 2, hb.y + hb.height / 2);
  await page.mouse.down();
  // Release near the far edge of the target, away from its handles: anywhere on a node connects.
  const x = tb.x + tb.width - 10;
  const y = tb.y + tb.height / 2;
  await page.mouse.move(x - 30, y, { steps: 8 });
  await page.mouse.move(x, y, { steps: 4 });
  await page.mouse.up();
}
