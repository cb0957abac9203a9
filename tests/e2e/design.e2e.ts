// Issue 12 end to end, as a person designs: a requirement, an endpoint on the API server, an
// entity on the database, a request path recorded by clicking through them, the validator's
// verdict, a broken connection named in the Validation region, and a sticky note.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connect, diagramOf, node, openApp, type AppSession } from './app';

let app: AppSession;
beforeEach(async () => {
  app = await openApp();
});
afterEach(async () => {
  await app?.close();
});

interface Designed {
  requirements?: { text: string }[];
  endpoints?: { node: string; path: string }[];
  entities?: { node: string; name: string }[];
  paths?: { name: string; steps: string[] }[];
  notes?: { text: string }[];
}

describe('the design', () => {
  it('requirement → endpoint → entity → request path, checked live; a note on the canvas', async () => {
    const { page } = app;
    const status = page.getByTestId('validation-status');
    for (const name of ['Web Client', 'API Server', 'SQL Database']) await page.getByRole('button', { name, exact: true }).click();
    await connect(page, 'Web Client', 'API Server');
    await connect(page, 'API Server', 'SQL Database');
    await expect.poll(() => status.textContent()).toBe('Valid');

    const design = page.getByRole('region', { name: 'Design' });
    await design.getByRole('button', { name: /^Design/ }).click();
    // The steps come in the order of the flow, and switch with it.
    const steps = async () => (await design.getByRole('heading', { level: 3 }).allTextContents()).map((t) => t.replace(/^\d\s*/, ''));
    expect(await steps()).toEqual(['Requirements', 'APIs', 'Data']);
    await page.getByRole('radio', { name: 'Top-down' }).check();
    await expect.poll(steps).toEqual(['Data', 'APIs', 'Requirements']);
    await page.getByRole('radio', { name: 'Bottom-up' }).check();
    await design.getByRole('button', { name: 'Add requirement' }).click();
    await design.getByRole('textbox', { name: 'Requirement 1' }).fill('Users shorten a long URL');

    const inspector = page.getByRole('region', { name: 'Inspector' });
    await node(page, 'API Server').click();
    await inspector.getByRole('button', { name: 'Add endpoint' }).click();
    await inspector.getByRole('combobox', { name: 'Method of endpoint 1' }).selectOption('POST');
    await inspector.getByRole('textbox', { name: 'Path of endpoint 1' }).fill('/v1/urls');
    await node(page, 'SQL Database').click();
    await inspector.getByRole('button', { name: 'Add entity' }).click();
    await inspector.getByRole('textbox', { name: 'Name of entity 1' }).fill('Url');

    await page.getByRole('toolbar', { name: 'Canvas tools' }).getByRole('button', { name: 'Record path' }).click();
    for (const name of ['Web Client', 'API Server', 'SQL Database']) await node(page, name).click();
    await page.getByRole('region', { name: 'Recording a request path' }).getByRole('button', { name: 'Done' }).click();
    // The path is shown: its two connections flow, the badges say what each component holds.
    await expect.poll(() => page.locator('.arch-edge.on-path').count()).toBe(2);
    await expect.poll(() => node(page, 'API Server').getByRole('button', { name: /1 endpoint/ }).count()).toBe(1);
    await expect.poll(() => status.textContent()).toMatch(/^Valid/);

    const d = (await diagramOf(page)) as unknown as Designed;
    expect(d.requirements).toEqual([expect.objectContaining({ text: 'Users shorten a long URL' })]);
    expect(d.endpoints).toEqual([expect.objectContaining({ path: '/v1/urls', method: 'POST' })]);
    expect(d.entities).toEqual([expect.objectContaining({ name: 'Url' })]);
    expect(d.paths).toEqual([expect.objectContaining({ name: 'Path 1' })]);
    expect(d.paths![0]!.steps).toHaveLength(3);

    // Break the path: the API server's connection to the database goes.
    await page.locator('.react-flow__edge').filter({ has: page.locator('.on-path') }).last().click({ force: true });
    await page.keyboard.press('Delete');
    const validation = page.getByRole('region', { name: 'Validation' });
    await expect.poll(() => status.textContent()).toMatch(/error/);
    await expect.poll(() => validation.getByRole('button').filter({ hasText: 'Path 1' }).count()).toBeGreaterThan(0);

    // A note: N, then a click where it goes; type, and it is in the document.
    await page.locator('.react-flow__pane').click({ position: { x: 60, y: 300 } });
    await page.keyboard.press('n');
    await page.locator('.react-flow__pane').click({ position: { x: 120, y: 320 } });
    await page.getByRole('textbox', { name: 'Note text' }).fill('Cache hot URLs here');
    await page.keyboard.press('Escape');
    await expect.poll(async () => ((await diagramOf(page)) as unknown as Designed).notes?.map((n) => n.text)).toEqual(['Cache hot URLs here']);

    // Copy the API server and paste: the copy comes with an endpoint of its own.
    const designed = async () => (await diagramOf(page)) as unknown as Designed & { nodes: { id: string }[] };
    await node(page, 'API Server').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(async () => (await designed()).endpoints?.length).toBe(2);
    const pasted = await designed();
    expect(pasted.endpoints!.map((e) => e.path)).toEqual(['/v1/urls', '/v1/urls']);
    expect(new Set(pasted.endpoints!.map((e) => e.node)).size).toBe(2);
    await expect.poll(() => node(page, 'API Server').getByRole('button', { name: /1 endpoint/ }).count()).toBe(2);
    await page.screenshot({ path: '.tmp/design-pasted.png' });

    // Select all takes the note too; one Delete clears the canvas and one undo brings it all back.
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Delete');
    await expect.poll(async () => (await designed()).nodes.length).toBe(0);
    expect((await designed()).notes).toBeUndefined();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await designed()).nodes.length).toBe(4);
    expect((await designed()).notes?.map((n) => n.text)).toEqual(['Cache hot URLs here']);
    expect((await designed()).endpoints).toHaveLength(2);
    // One scene from requirement to paste (one browser start): 28 s alone, more than a minute on a loaded machine.
  }, 150_000);
});
