// axe-core over what a person sees: a loaded diagram with the capacity analysis shown, a selection in the inspector, the export
// and share dialogs and My diagrams, in both themes. Serious and critical findings (and a missing
// h1) must stay at zero. ARCHFLOW_SCREENSHOTS=DIR also saves each scene as a PNG to look at.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { diagramOf, node, openApp, type AppSession } from './app';
import { seriousFindings } from './axe';

const EXAMPLE = readFileSync('examples/url-shortener.archflow.json', 'utf8');

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe('accessibility (axe-core)', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`finds nothing serious in the ${theme} theme, with each panel and dialog open`, async () => {
      app = await openApp();
      const { page } = app;
      const isDark = async () => (await page.locator('html').getAttribute('data-theme')) === 'dark';
      if ((await isDark()) !== (theme === 'dark')) await page.getByRole('button', { name: 'Dark theme' }).click();
      await expect.poll(isDark).toBe(theme === 'dark');

      await page.getByLabel('Diagram file to open').setInputFiles({ name: 'u.archflow.json', mimeType: 'application/json', buffer: Buffer.from(EXAMPLE) });
      await expect.poll(async () => (await diagramOf(page)).nodes.length).toBe(7);
      // My diagrams lists the opened file, with its rename and delete buttons.
      await page.getByRole('region', { name: 'My diagrams' }).getByRole('button', { name: /^Delete / }).first().waitFor();
      // The capacity analysis on: its panel, the canvas overlay and the Inspector's figures are in every scene below.
      await page.getByRole('checkbox', { name: 'Show analysis' }).check();
      await page.getByRole('region', { name: 'Bottlenecks' }).waitFor();
      const findings = await seriousFindings(page, `${theme}-diagram`);

      await node(page, 'Shortener API').click();
      await page.getByRole('form', { name: 'Component properties' }).waitFor();
      findings.push(...(await seriousFindings(page, `${theme}-inspector`)));

      // The design: the drawer open, an endpoint in the Inspector, a path shown, a note selected.
      await page.getByRole('region', { name: 'Design' }).getByRole('button', { name: /^Design/ }).click();
      await page.getByRole('region', { name: 'Inspector' }).getByRole('button', { name: 'Add endpoint' }).click();
      await page.getByRole('region', { name: 'Design' }).getByRole('button', { name: 'Add requirement' }).click();
      await page.getByRole('region', { name: 'Request paths' }).getByRole('button', { name: 'New path' }).click();
      await page.getByRole('button', { name: /^Show Path 1/ }).click();
      await page.keyboard.press('n');
      await page.locator('.react-flow__pane').click({ position: { x: 80, y: 200 } });
      await page.getByRole('textbox', { name: 'Note text' }).fill('A note');
      await page.locator('.react-flow__node-note').click();
      await page.getByRole('toolbar', { name: 'Note' }).waitFor();
      findings.push(...(await seriousFindings(page, `${theme}-design`)));

      await page.getByRole('button', { name: 'Export PNG' }).click();
      const exportDialog = page.getByRole('dialog', { name: 'Export PNG' });
      await exportDialog.waitFor();
      findings.push(...(await seriousFindings(page, `${theme}-export`)));
      await page.keyboard.press('Escape');
      await exportDialog.waitFor({ state: 'hidden' });

      await page.getByRole('button', { name: 'Share link' }).click();
      const shareDialog = page.getByRole('dialog', { name: 'Share link' });
      await shareDialog.getByRole('textbox', { name: 'Share link URL' }).waitFor();
      findings.push(...(await seriousFindings(page, `${theme}-share`)));
      await shareDialog.getByRole('button', { name: 'Done' }).click();
      await shareDialog.waitFor({ state: 'hidden' });

      expect(findings).toEqual([]);
      // Four full axe passes took 30–45 s with the two cores shared eight ways: room to spare.
    }, 180_000);
  }
});
