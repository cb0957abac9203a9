/**
 * Leaving a diagram never loses its changes (issue 17, item 1), and opening a file replaces only
 * a diagram nobody changed (item 3). Plus My diagrams' rename, delete and undo delete.
 */
import { describe, expect, it, vi } from 'vitest';
import { serializeDiagramFile } from '../../src/model/serializeDiagramFile';
import { chain } from '../fixtures/diagramBuilder';
import { fakeWorkspace, file } from '../fixtures/fakeWorkspace';
import { createTestStore } from './testStore';

async function started() {
  const fake = fakeWorkspace();
  const editor = createTestStore({ workspace: fake.services });
  await editor.s.start();
  return { fake, editor };
}

const other = () => file(serializeDiagramFile({ ...chain(), title: 'Other' }));
const titles = (editor: ReturnType<typeof createTestStore>) => editor.s.items.map((i) => i.title).sort();

describe('leaving a diagram with unsaved changes', () => {
  it('opening a file first saves the open diagram, so going back shows every change', async () => {
    const { editor } = await started();
    const first = editor.s.currentId!;
    editor.add('cache', 'cache', 'cache');
    expect(await editor.s.openFile(other())).toBe(true);
    expect(await editor.s.openStored(first)).toBe(true);
    expect(editor.diagram().nodes).toHaveLength(3);
  });

  it('when the changes cannot be saved, the diagram stays open with them, and the user is told in a sentence', async () => {
    const { editor, fake } = await started();
    const first = editor.s.currentId!;
    fake.failSaves = 'nodes[0].id: is 202 characters long; the limit is 200';
    editor.add('cache', 'cache', 'cache');
    expect(await editor.s.openFile(other())).toBe(false);
    expect(editor.s.currentId).toBe(first);
    expect(editor.diagram().nodes).toHaveLength(3);
    const notice = editor.s.notices.at(-1)!;
    expect(notice.tone).toBe('error');
    expect(notice.message).toMatch(/could not be saved, so it stays open\. .*the limit is 200\.$/);
    expect(await editor.s.createStored()).toBeUndefined();
    expect(editor.s.currentId).toBe(first);
    // Once saving works again, leaving works too, and nothing was lost.
    fake.failSaves = null;
    expect(await editor.s.openFile(other())).toBe(true);
    expect(await editor.s.openStored(first)).toBe(true);
    expect(editor.diagram().nodes).toHaveLength(3);
  });

  it('autosave failures are reported as sentences', async () => {
    const { editor, fake } = await started();
    fake.failSaves = 'the limit is 200';
    editor.add('cache');
    await vi.waitFor(() => expect(editor.s.notices.some((n) => /^Autosave failed: the limit is 200\. /.test(n.message))).toBe(true));
  });
});

describe('opening a file over a new diagram', () => {
  it('replaces a new diagram nobody changed', async () => {
    const { editor } = await started();
    expect(await editor.s.openFile(other())).toBe(true);
    expect(titles(editor)).toEqual(['Other']);
  });

  it('keeps a new diagram whose title was typed', async () => {
    const { editor } = await started();
    editor.s.setTitle('Payments');
    await editor.s.openFile(other());
    expect(titles(editor)).toEqual(['Other', 'Payments']);
  });

  it('keeps a new diagram whose components were all deleted again (the deletion can still be undone)', async () => {
    const { editor } = await started();
    editor.add('cache');
    editor.s.selectAll();
    editor.s.deleteSelection();
    await editor.s.openFile(other());
    expect(titles(editor)).toEqual(['Other', 'Untitled diagram']);
  });

  it('keeps an empty diagram opened from My diagrams: it was made in another session', async () => {
    const { editor } = await started();
    const plan = editor.s.currentId!;
    editor.s.setTitle('Plan');
    await editor.s.createStored();
    await editor.s.openStored(plan);
    await editor.s.openFile(other());
    expect(titles(editor)).toEqual(['Other', 'Plan', 'Untitled diagram']);
  });
});

describe('My diagrams', () => {
  it('renames the open diagram through its title, and another one in storage', async () => {
    const { editor } = await started();
    const first = editor.s.currentId!;
    editor.s.setTitle('First');
    await editor.s.openFile(file(serializeDiagramFile({ ...chain(), title: 'Second' })));
    await editor.s.renameStored(editor.s.currentId!, 'Second, renamed');
    expect(editor.diagram().title).toBe('Second, renamed');
    await editor.s.renameStored(first, 'First, renamed');
    await vi.waitFor(() => expect(titles(editor)).toEqual(['First, renamed', 'Second, renamed']));
  });

  it('deleting the open diagram opens another, and undo delete brings it back with its last changes', async () => {
    const { editor } = await started();
    editor.s.setTitle('Keep me');
    await editor.s.openFile(other());
    const current = editor.s.currentId!;
    editor.add('cache');
    await editor.s.deleteStored(current);
    expect(editor.s.currentId).not.toBe(current);
    expect(editor.diagram().title).toBe('Keep me');
    expect(titles(editor)).toEqual(['Keep me']);
    expect(editor.s.deleted?.title).toBe('Other');
    await editor.s.undoDelete();
    expect(titles(editor)).toEqual(['Keep me', 'Other']);
    expect(await editor.s.openStored(current)).toBe(true);
    expect(editor.diagram().nodes).toHaveLength(4);
  });

  it('does not delete the open diagram while its changes cannot be saved', async () => {
    const { editor, fake } = await started();
    const current = editor.s.currentId!;
    fake.failSaves = 'Storage is full.';
    editor.add('cache');
    await editor.s.deleteStored(current);
    expect(editor.s.currentId).toBe(current);
    expect(editor.s.deleted).toBeNull();
    expect(editor.s.notices.at(-1)!.message).toMatch(/stays open\. Storage is full\.$/);
  });
});
