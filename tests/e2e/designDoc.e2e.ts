// Issue 12: "Export design doc" from the top bar, on an opened design: the Markdown the user
// gets is the design document of what is open, with its charts and the validator's verdict.
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { serializeDesignDoc } from '../../src/io/designDoc';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';
import { readExample } from '../examples';
import { diagramOf, openApp, type AppSession } from './app';

let app: AppSession;
beforeEach(async () => {
  app = await openApp();
});
afterEach(async () => {
  await app?.close();
});

describe('Export design doc', () => {
  it('downloads the opened design as Markdown: figures, APIs, data, charts and the checks', async () => {
    const { page } = app;
    const text = readExample('url-shortener-design-broken.archflow.json');
    await page.getByLabel('Diagram file to open').setInputFiles({ name: 'design.archflow.json', mimeType: 'application/json', buffer: Buffer.from(text) });
    await expect.poll(async () => (await diagramOf(page)).nodes.length).toBe(10);
    await expect.poll(() => page.getByTestId('validation-status').textContent()).toMatch(/1 error/);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export design doc' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('URL shortener (design, with a broken path).design.md');
    const doc = readFileSync((await file.path())!, 'utf8');
    const parsed = parseDiagramFile(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(doc).toBe(serializeDesignDoc(parsed.value));
    expect(doc).toContain('| Cache memory (hot 20%) | 9.9 GB |');
    expect(doc).toContain('The request path "Read click stats" is broken between');
  });
});
