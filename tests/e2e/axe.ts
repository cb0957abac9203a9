/**
 * axe-core for the e2e tests: the serious and critical findings (and a missing h1) on the page as
 * it is now. ARCHFLOW_SCREENSHOTS=DIR also saves each scene as a PNG to look at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCREENSHOTS = process.env.ARCHFLOW_SCREENSHOTS;

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** axe's serious and critical violations on the page as it is now, one line per element. */
export async function seriousFindings(page: Page, scene: string): Promise<string[]> {
  // Evaluated through the debugging protocol, so a Content-Security-Policy cannot block it.
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}${n.failureSummary ? ` — ${n.failureSummary.split('\n').slice(1).join(' ').trim().slice(0, 200)}` : ''}`) }));
  });
  if (SCREENSHOTS) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, `${scene}.png`) });
  }
  return (violations as Finding[])
    // A missing h1 is only "moderate" to axe, but screen-reader users jump to it: kept at zero too.
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || v.id === 'page-has-heading-one')
    .flatMap((v) => v.nodes.map((target) => `${scene}: ${v.id} (${v.impact}) ${v.help}: ${target}`));
}
