import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../src/model/diagram';
import { createEditorStore } from '../../src/store/editorStore';
import type { LayoutOutcome } from '../../src/store/services';
import { createTestStore } from './testStore';

const CENTER = { center: { x: 0, y: 0 } };

function chain(): Diagram {
  return {
    title: 'Chain',
    flow: 'bottom-up',
    nodes: [
      { id: 'web', kind: 'web-client', label: 'Web', position: { x: 0, y: 400 } },
      { id: 'api', kind: 'api-server', label: 'API', position: { x: 0, y: 200 } },
      { id: 'db', kind: 'sql-database', label: 'DB', position: { x: 0, y: 0 } },
    ],
    edges: [
      { id: 'e1', source: 'web', target: 'api' },
      { id: 'e2', source: 'api', target: 'db' },
    ],
  };
}

describe('editing', () => {
  it('adds components at free spots with short unique ids, each one undoable step', () => {
    const { store } = createTestStore();
    const a = store.getState().addComponent('load-balancer', CENTER);
    const b = store.getState().addComponent('load-balancer', CENTER);
    expect(a).toBe('load-balancer-1');
    expect(b).toBe('load-balancer-2');
    const [na, nb] = store.getState().nodes;
    expect(na!.position).not.toEqual(nb!.position);
    expect(store.getState().history.past).toHaveLength(2);
    expect(store.getState().addComponent('no-such-kind', CENTER)).toBeNull();
  });

  it('connects nodes once, never to themselves', () => {
    const store = createEditorStore();
    const s = store.getState();
    const a = s.addComponent('web-client', CENTER)!;
    const b = s.addComponent('api-server', CENTER)!;
    s.connect({ source: a, target: b, sourceHandle: null, targetHandle: null });
    s.connect({ source: a, target: b, sourceHandle: null, targetHandle: null });
    s.connect({ source: a, target: a, sourceHandle: null, targetHandle: null });
    expect(store.getState().edges.map((e) => [e.source, e.target])).toEqual([[a, b]]);
    expect(store.getState().edges[0]!.markerEnd).toBeDefined();
  });

  it('deleting a node removes its edges, and undo brings both back', () => {
    const store = createEditorStore({ initial: chain() });
    store.getState().select(['api']);
    store.getState().deleteSelection();
    expect(store.getState().nodes.map((n) => n.id)).toEqual(['web', 'db']);
    expect(store.getState().edges).toEqual([]);
    store.getState().undo();
    expect(store.getState().getDiagram().edges.map((e) => e.id)).toEqual(['e1', 'e2']);
    store.getState().redo();
    expect(store.getState().edges).toEqual([]);
  });

  it('deleting a group deletes what it holds', () => {
    const store = createEditorStore({
      initial: {
        ...chain(),
        nodes: [
          { id: 'vpc', kind: 'group', label: 'VPC', position: { x: 0, y: 0 }, size: { width: 400, height: 300 } },
          { id: 'api', kind: 'api-server', label: 'API', parent: 'vpc', position: { x: 20, y: 40 } },
          { id: 'web', kind: 'web-client', label: 'Web', position: { x: 0, y: 500 } },
        ],
        edges: [{ id: 'e1', source: 'web', target: 'api' }],
      },
    });
    store.getState().select(['vpc']);
    store.getState().deleteSelection();
    expect(store.getState().getDiagram().nodes.map((n) => n.id)).toEqual(['web']);
    expect(store.getState().edges).toEqual([]);
  });

  it('records a whole drag as one step and drops the layout route of moved edges', () => {
    const initial = chain();
    initial.edges[0]!.route = [
      { x: 0, y: 0 },
      { x: 0, y: 10 },
    ];
    const store = createEditorStore({ initial });
    const s = store.getState();
    for (let i = 1; i <= 5; i++) s.onNodesChange([{ type: 'position', id: 'web', position: { x: i * 10, y: 400 }, dragging: true }]);
    s.onNodesChange([{ type: 'position', id: 'web', dragging: false }]);
    expect(store.getState().history.past).toHaveLength(1);
    expect(store.getState().getDiagram().nodes[0]!.position).toEqual({ x: 50, y: 400 });
    expect(store.getState().getDiagram().edges[0]!.route).toBeUndefined();
    store.getState().undo();
    expect(store.getState().getDiagram().nodes[0]!.position).toEqual({ x: 0, y: 400 });
    expect(store.getState().getDiagram().edges[0]!.route).toHaveLength(2);
  });

  it('a component dropped on a group joins it, and leaves it when dragged out, staying where it is on screen', () => {
    const store = createEditorStore({
      initial: {
        ...chain(),
        nodes: [
          { id: 'vpc', kind: 'group', label: 'VPC', position: { x: 400, y: 0 }, size: { width: 400, height: 300 } },
          { id: 'api', kind: 'api-server', label: 'API', position: { x: 0, y: 0 } },
        ],
        edges: [],
      },
    });
    const drag = (x: number, y: number) => {
      store.getState().onNodesChange([{ type: 'position', id: 'api', position: { x, y }, dragging: true }]);
      store.getState().onNodesChange([{ type: 'position', id: 'api', dragging: false }]);
    };
    drag(500, 100);
    expect(store.getState().getDiagram().nodes[1]).toMatchObject({ id: 'api', parent: 'vpc', position: { x: 100, y: 100 } });
    // Now the position is relative to the group; dragging it far outside takes it out.
    drag(-600, 0);
    expect(store.getState().getDiagram().nodes[1]).toMatchObject({ id: 'api', position: { x: -200, y: 0 } });
    expect(store.getState().getDiagram().nodes[1]!.parent).toBeUndefined();
    store.getState().undo();
    expect(store.getState().getDiagram().nodes[1]!.parent).toBe('vpc');
  });

  it('typing a label is one undo step, a selection change is none', () => {
    let now = 0;
    const store = createEditorStore({ initial: chain(), services: { now: () => now } });
    for (const label of ['A', 'Ap', 'App']) {
      now += 100;
      store.getState().updateNodeData('api', { label });
    }
    store.getState().select(['api']);
    expect(store.getState().history.past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().getDiagram().nodes[1]!.label).toBe('API');
  });

  it('paste gives fresh ids, keeps edges among the copied nodes, and offsets each paste', () => {
    const store = createEditorStore({ initial: chain() });
    store.getState().select(['api', 'db']);
    store.getState().copySelection();
    store.getState().paste();
    store.getState().paste();
    const d = store.getState().getDiagram();
    expect(d.nodes).toHaveLength(7);
    expect(new Set(d.nodes.map((n) => n.id)).size).toBe(7);
    expect(new Set(d.edges.map((e) => e.id)).size).toBe(d.edges.length);
    const pasted = d.nodes.slice(3);
    expect(pasted.map((n) => n.kind)).toEqual(['api-server', 'sql-database', 'api-server', 'sql-database']);
    expect(pasted[0]!.position).toEqual({ x: 40, y: 240 });
    expect(pasted[2]!.position).toEqual({ x: 80, y: 280 });
    // Only the edge between the copied nodes comes along, re-pointed at the copies.
    const copies = d.edges.filter((e) => !['e1', 'e2'].includes(e.id));
    expect(copies.map((e) => [e.source, e.target])).toEqual([
      [pasted[0]!.id, pasted[1]!.id],
      [pasted[2]!.id, pasted[3]!.id],
    ]);
    // The pasted nodes are the new selection.
    expect(store.getState().nodes.filter((n) => n.selected).map((n) => n.id)).toEqual([pasted[2]!.id, pasted[3]!.id]);
  });

  it('revalidates on every structural change', () => {
    const store = createEditorStore({ initial: chain() });
    expect(store.getState().validation.report.valid).toBe(true);
    store.getState().select([], ['e2']);
    store.getState().deleteSelection();
    expect(store.getState().validation.report.valid).toBe(false);
    expect(store.getState().validation.nodeSeverity.get('db')).toBe('error');
    store.getState().setFlow('top-down');
    expect(store.getState().meta.flow).toBe('top-down');
    store.getState().undo();
    store.getState().undo();
    expect(store.getState().validation.report.valid).toBe(true);
    expect(store.getState().validation.nodeSeverity.size).toBe(0);
  });
});

describe('auto layout', () => {
  const laidOut = (d: Diagram): LayoutOutcome => ({
    ok: true,
    direction: 'up',
    diagram: { ...d, nodes: d.nodes.map((n, i) => ({ ...n, position: { x: 7, y: i * 100 } })) },
  });

  it('applies positions as one undoable step', async () => {
    const store = createEditorStore({ initial: chain(), services: { layout: { layout: async (d) => laidOut(d) } } });
    expect(await store.getState().autoLayout()).toBe(true);
    expect(store.getState().getDiagram().nodes.map((n) => n.position)).toEqual([
      { x: 7, y: 0 },
      { x: 7, y: 100 },
      { x: 7, y: 200 },
    ]);
    // Laying out does not pin the direction: it keeps following the flow.
    expect(store.getState().meta.layout).toBeUndefined();
    store.getState().undo();
    expect(store.getState().getDiagram()).toEqual(chain());
  });

  it('a failed layout moves nothing and says why', async () => {
    const store = createEditorStore({
      initial: chain(),
      services: { layout: { layout: async () => ({ ok: false, error: { code: 'timeout', message: 'it took too long' } }) } },
    });
    expect(await store.getState().autoLayout()).toBe(false);
    expect(store.getState().getDiagram()).toEqual(chain());
    expect(store.getState().notices.at(-1)?.message).toMatch(/it took too long/);
    expect(store.getState().layoutBusy).toBe(false);
  });

  it('a layout that finishes after the user edited is not applied over the edit', async () => {
    let release: () => void = () => {};
    const store = createEditorStore({
      initial: chain(),
      services: {
        layout: {
          layout: (d) =>
            new Promise((resolve) => {
              release = () => resolve(laidOut(d));
            }),
        },
      },
    });
    const pending = store.getState().autoLayout();
    store.getState().updateNodeData('api', { label: 'Edited' });
    release();
    expect(await pending).toBe(false);
    expect(store.getState().getDiagram().nodes[1]).toMatchObject({ label: 'Edited', position: { x: 0, y: 200 } });
  });
});
