/**
 * The capacity analysis as a person uses it: moving the load multiplier turns the API server
 * overloaded on the canvas; marking the only database down lists the client cut off.
 */
import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { serializeDiagramFile } from '../../src/model/serializeDiagramFile';
import type { Diagram } from '../../src/model/diagram';
import { chain, diagram } from '../fixtures/diagramBuilder';
import { diagramOf, node, openApp, type AppSession } from './app';

let app: AppSession | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

/** Web → API → DB with the analysis shown, at the default 100 requests/s. */
async function openChain(page: Page, design: Diagram = chain()) {
  await page.getByLabel('Diagram file to open').setInputFiles({ name: 'c.archflow.json', mimeType: 'application/json', buffer: Buffer.from(serializeDiagramFile(design)) });
  await expect.poll(async () => (await diagramOf(page)).nodes.length).toBe(design.nodes.length);
  await page.getByRole('region', { name: 'Capacity' }).getByRole('checkbox', { name: 'Show analysis' }).check();
}

describe('capacity analysis', () => {
  it('moving the multiplier turns the API server overloaded on the canvas and in the panel', async () => {
    app = await openApp();
    const { page } = app;
    await openChain(page);
    const badge = node(page, 'API').getByTestId('capacity-badge');
    await expect.poll(() => badge.textContent()).toBe('OK ρ 0.1 SPOF');
    // Requests per second ride on each edge as a pill (ConnectionEdge's RatePill); edges near the
    // view mount over a few frames, so the check waits for them.
    const rates = page.locator('.rate-pill text');
    await expect.poll(() => rates.allTextContents()).toEqual(['100/s', '100/s']);

    // The slider is log10 of the multiplier: 1 is ×10, 1,000 requests/s on a 1,000/s instance.
    const slider = page.getByRole('slider', { name: /Load multiplier/ });
    await slider.fill('1');
    await expect.poll(() => badge.textContent()).toBe('Overloaded ρ 1 SPOF');
    await expect.poll(() => node(page, 'API').locator('.arch-node').getAttribute('class')).toContain('cap-overloaded');
    const bottlenecks = page.getByRole('region', { name: 'Bottlenecks' });
    await expect.poll(() => bottlenecks.textContent()).toContain('"API" (API Server): 1,000/s over 1 × 1,000/s → ρ 1, overloaded; 2 instances keep it under 70%');
    await expect.poll(() => rates.allTextContents()).toEqual(['1,000/s', '1,000/s']);
    // A what-if, not an edit: nothing to undo, nothing saved.
    expect(await page.getByRole('button', { name: 'Undo' }).isDisabled()).toBe(true);
  });

  it('while the thumb is held the canvas numbers wait, even when it stops; they come back when it is let go', async () => {
    app = await openApp();
    const { page } = app;
    await openChain(page);
    const api = node(page, 'API');
    const badge = api.getByTestId('capacity-badge');
    await expect.poll(() => badge.textContent()).toBe('OK ρ 0.1 SPOF');
    const rates = page.locator('.rate-pill text');
    await expect.poll(() => rates.allTextContents()).toEqual(['100/s', '100/s']);
    const box = (await page.getByRole('slider', { name: /Load multiplier/ }).boundingBox())!;
    const y = box.y + box.height / 2;
    // Grab the thumb at ×1 (a third of the way) and drag it past the end (×100).
    await page.mouse.move(box.x + 8 + (box.width - 16) / 3, y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + 8 + (box.width - 16) / 3 + ((box.width * 2) / 3 + 20) * (i / 10), y);
    // The status follows the thumb; ρ and the rate pills wait, and keep waiting while it is held still.
    await expect.poll(() => api.locator('.arch-node').getAttribute('class')).toContain('cap-overloaded');
    await page.waitForTimeout(900);
    expect(await api.locator('.cap-rho').isVisible()).toBe(false);
    expect(await page.locator('.rate-pill').first().isVisible()).toBe(false);
    await page.mouse.up();
    await expect.poll(() => badge.textContent()).toBe('Overloaded ρ 10 SPOF');
    await expect.poll(() => api.locator('.cap-rho').isVisible()).toBe(true);
    await expect.poll(() => rates.allTextContents()).toEqual(['10,000/s', '10,000/s']);
    expect(await page.locator('.rate-pill').first().isVisible()).toBe(true);
  });

  it('marking the only database down lists the client cut off, and bringing it back clears it', async () => {
    app = await openApp();
    const { page } = app;
    await openChain(page);
    await node(page, 'DB').click();
    await page.getByRole('form', { name: 'Component properties' }).getByRole('button', { name: 'Mark as down' }).click();
    const cutOff = page.getByRole('list', { name: 'Clients cut off' });
    await expect.poll(() => cutOff.textContent()).toContain('Web');
    await expect.poll(() => node(page, 'DB').getByTestId('capacity-badge').textContent()).toBe('Down');
    await expect.poll(() => node(page, 'Web').getByTestId('capacity-badge').textContent()).toBe('Cut off');
    await page.getByRole('region', { name: 'Marked down' }).getByRole('button', { name: 'Bring back up' }).click();
    await expect.poll(() => cutOff.count()).toBe(0);
  });

  it('marking a zone down takes what is inside it down: from the context menu, and back from the Inspector', async () => {
    app = await openApp();
    const { page } = app;
    const zoned = diagram('Zones')
      .group('zone', { label: 'Zone B', at: { x: 300, y: -40 }, size: { width: 260, height: 160 } })
      .client('web', { label: 'Web', at: { x: 0, y: 400 } })
      .server('api', { label: 'API', at: { x: 0, y: 200 } })
      .datastore('db', { label: 'DB', in: 'zone', at: { x: 40, y: 50 } })
      .edge('web', 'api')
      .edge('api', 'db')
      .build();
    await openChain(page, zoned);
    const zone = node(page, 'Zone B');
    await zone.locator('.arch-group-title').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Mark the group as down' }).click();
    await expect.poll(() => node(page, 'DB').getByTestId('capacity-badge').textContent()).toBe('Down');
    await expect.poll(() => node(page, 'Web').getByTestId('capacity-badge').textContent()).toBe('Cut off');
    await expect.poll(() => zone.locator('.arch-group').getAttribute('class')).toContain('cap-down');
    await expect.poll(() => page.getByRole('list', { name: 'Clients cut off' }).textContent()).toContain('Web');
    expect(await page.getByRole('region', { name: 'Marked down' }).textContent()).toContain('Zone B');

    await zone.locator('.arch-group-title').click();
    await page.getByRole('form', { name: 'Group properties' }).getByRole('button', { name: 'Bring the group back up' }).click();
    await expect.poll(() => node(page, 'DB').getByTestId('capacity-badge').textContent()).toBe('OK ρ 0.02 SPOF');
    await expect.poll(() => zone.locator('.arch-group').getAttribute('class')).not.toContain('cap-down');
  });
});
