/**
 * Every document change is a diff that listeners (autosave; later live collaboration) receive,
 * undo is its inverse, and React Flow's objects are derived so that unchanged records keep them.
 */
import { describe, expect, it } from 'vitest';
import { invertDiff } from '../../src/model/recordsDiff';
import { chain } from '../fixtures/diagramBuilder';
import { createTestStore } from './testStore';

describe('diffs', () => {
  it('an edit reaches listeners as one settled diff naming before and after', () => {
    const editor = createTestStore({ initial: chain() });
    editor.s.updateNodeData('api', { label: 'Orders' });
    expect(editor.diffs).toHaveLength(1);
    const { diff, info } = editor.diffs[0]!;
    expect(info).toEqual({ origin: 'edit', settled: true });
    expect(diff.nodes.updated.get('api')?.map((n) => n.label)).toEqual(['API', 'Orders']);
    expect(diff.nodes.added.size + diff.nodes.removed.size + diff.edges.updated.size).toBe(0);
  });

  it('a drag sends unsettled diffs while it moves and a settled one when it ends: one undo step, one revision', () => {
    const editor = createTestStore({ initial: chain() });
    const revision = editor.s.revision;
    editor.drag('web', { x: 300, y: 400 });
    expect(editor.diffs.map((d) => d.info.settled)).toEqual([false, false, false, true]);
    expect(editor.s.history.past).toHaveLength(1);
    expect(editor.s.revision).toBe(revision + 1);
    editor.s.undo();
    expect(editor.diagram()).toEqual(chain());
    expect(editor.diffs.at(-1)!.info).toEqual({ origin: 'undo', settled: true });
  });

  it('undo applies the inverse of the step, redo the step again', () => {
    const editor = createTestStore({ initial: chain() });
    editor.select('api');
    editor.s.deleteSelection();
    const step = editor.s.history.past[0]!;
    editor.s.undo();
    expect(editor.diffs.at(-1)!.diff).toEqual(invertDiff(step));
    expect(editor.diagram()).toEqual(chain());
    editor.s.redo();
    expect(editor.diffs.at(-1)!.diff).toEqual(step);
    expect(editor.diagram().nodes.map((n) => n.id)).toEqual(['web', 'db']);
  });

  it('a burst of typing is one step; a pause of more than a second starts another', () => {
    let now = 0;
    const editor = createTestStore({ initial: chain(), services: { now: () => now } });
    for (const title of ['S', 'Sh', 'Sho']) {
      now += 300;
      editor.s.setTitle(title);
    }
    now += 1500;
    editor.s.setTitle('Shop');
    expect(editor.s.history.past).toHaveLength(2);
    editor.s.undo();
    expect(editor.diagram().title).toBe('Sho');
    editor.s.undo();
    expect(editor.diagram().title).toBe('Chain');
  });

  it('opening a diagram is not an edit: history starts afresh and the diagram counts as untouched', () => {
    const editor = createTestStore();
    expect(editor.s.untouched).toBe(true);
    editor.add('cache');
    expect(editor.s.untouched).toBe(false);
    editor.s.loadDiagram(chain());
    expect(editor.s.untouched).toBe(true);
    expect(editor.s.history.past).toHaveLength(0);
    expect(editor.diffs.at(-1)!.info.origin).toBe('load');
  });

  it('a typed title, or components all deleted again, make a diagram touched even when it looks empty', () => {
    const titled = createTestStore();
    titled.s.setTitle('Payments');
    expect(titled.s.untouched).toBe(false);
    const emptied = createTestStore();
    emptied.add('cache', 'message-queue');
    emptied.s.selectAll();
    emptied.s.deleteSelection();
    expect(emptied.diagram().nodes).toEqual([]);
    expect(emptied.s.untouched).toBe(false);
  });
});

describe("React Flow's objects, derived from the records", () => {
  it('a drag makes a new object for the dragged node only', () => {
    const editor = createTestStore({ initial: chain() });
    const before = editor.s.nodes;
    editor.s.onNodesChange([{ type: 'position', id: 'api', position: { x: 50, y: 200 }, dragging: true }]);
    const after = editor.s.nodes;
    expect(after).not.toBe(before);
    expect(after.find((n) => n.id === 'web')).toBe(before.find((n) => n.id === 'web'));
    expect(after.find((n) => n.id === 'db')).toBe(before.find((n) => n.id === 'db'));
    expect(after.find((n) => n.id === 'api')).toMatchObject({ position: { x: 50, y: 200 }, dragging: true });
    // The panels read `data`, which a move leaves alone.
    expect(after.find((n) => n.id === 'api')!.data).toBe(before.find((n) => n.id === 'api')!.data);
    expect(editor.s.edges).toBe(editor.s.edges);
  });

  it('selecting touches only the objects whose selection changed; session changes elsewhere touch none', () => {
    const editor = createTestStore({ initial: chain() });
    const { nodes, edges } = editor.s;
    editor.select('db');
    expect(editor.s.nodes.find((n) => n.id === 'web')).toBe(nodes.find((n) => n.id === 'web'));
    expect(editor.s.nodes.find((n) => n.id === 'db')!.selected).toBe(true);
    expect(editor.s.edges).toBe(edges);
    const selected = editor.s.nodes;
    editor.s.toggleTheme();
    editor.s.notify('info', 'Hello.');
    editor.s.requestFitView();
    expect(editor.s.nodes).toBe(selected);
    expect(editor.s.edges).toBe(edges);
  });

  it('measured sizes ride along on the node objects, and are not part of the document', () => {
    const editor = createTestStore({ initial: chain() });
    editor.s.onNodesChange([{ type: 'dimensions', id: 'api', dimensions: { width: 181, height: 65 } }]);
    expect(editor.s.nodes.find((n) => n.id === 'api')!.measured).toEqual({ width: 181, height: 65 });
    expect(editor.diffs).toHaveLength(0);
    expect(editor.s.history.past).toHaveLength(0);
  });

  it('children come after their group, whatever the file order', () => {
    const editor = createTestStore({
      initial: {
        title: 'T',
        flow: 'bottom-up',
        nodes: [
          { id: 'api', kind: 'api-server', label: 'API', parent: 'vpc', position: { x: 10, y: 10 } },
          { id: 'vpc', kind: 'group', label: 'VPC', position: { x: 0, y: 0 }, size: { width: 300, height: 200 } },
        ],
        edges: [],
      },
    });
    expect(editor.s.nodes.map((n) => n.id)).toEqual(['vpc', 'api']);
    expect(editor.diagram().nodes.map((n) => n.id)).toEqual(['api', 'vpc']);
  });
});
