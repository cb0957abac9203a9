/**
 * Issue 11 in the browser: the same parse + check comparison as the Node row (the record schemas
 * against the hand-written parser of 7c1c644, interleaved in one page), in Chromium, where zod
 * cannot compile its parsers with `new Function` (the app's content security policy), so the
 * records' fast path matters most. bench/parseInChromiumEntry.ts is bundled with esbuild from
 * node_modules and run in a blank page; no server.
 *
 * Part of the browser suite; alone: `node --import tsx bench/parseInChromium.ts [rounds]`.
 */
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, MISSING_CHROMIUM } from '../tests/e2e/chromium.mjs';
import { parseRatioFigure, type ParseSamples } from './parseRatio';
import type { Figure } from './stats';

async function pageScript(): Promise<string> {
  const bundle = await build({
    entryPoints: ['bench/parseInChromiumEntry.ts'],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'error',
  });
  return bundle.outputFiles[0]!.text;
}

/** Both parsers' samples in a fresh page of `browser`. */
export async function parseInChromium(browser: Browser, rounds: number): Promise<ParseSamples & { chars: number }> {
  const script = await pageScript();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.addScriptTag({ content: script });
    return await page.evaluate((n) => window.parseBench!(n), rounds);
  } finally {
    await context.close();
  }
}

/** The table row, for the browser suite. */
export async function parseInChromiumFigure(browser: Browser, rounds: number): Promise<Figure> {
  const samples = await parseInChromium(browser, rounds);
  return parseRatioFigure('File (Chromium)', samples.chars, samples);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(MISSING_CHROMIUM);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  try {
    const f = await parseInChromiumFigure(browser, Number(process.argv[2] ?? 31));
    console.log(`${f.name}: ${f.value.toFixed(1)} ms vs ${f.bare!.value.toFixed(1)} ms, ${(f.value / f.bare!.value).toFixed(2)}× (${f.note})`);
  } finally {
    await browser.close();
  }
}
