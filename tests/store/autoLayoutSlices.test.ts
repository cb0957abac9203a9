/**
 * A big diagram's auto layout lands as one document change with its nodes hidden, and they are
 * revealed a slice per frame (src/store/layoutSlices.ts). What the user relies on: it is one
 * undoable step, an edit made while it is revealed is neither lost nor applied to a half laid-out
 * diagram, the view fits the whole new layout, and what is saved is always a whole document.
 */
import { describe, expect, it, vi } from 'vitest';
import { createMemoryLibrary } from '../../src/io/memoryLibrary';
import type { Diagram } from '../../src/model/diagram';
import { createEditorStore } from '../../src/store/editorStore';
import { LAYOUT_REVEAL_UP_TO, LAYOUT_SLICES_FROM_NODES, layoutTarget } from '../../src/store/layoutSlices';
import type { LayoutOutcome } from '../../src/store/services';
import type { WorkspaceServices } from '../../src/store/workspaceTypes';
import { fakeWorkspace } from './fakeWorkspace';

/** Groups of six chained services, a client in front of each, a shared database: 8 nodes a team. */
function company(teams: number): Diagram {
  const nodes: Diagram['nodes'] = [{ id: 'db', kind: 'sql-database', label: 'DB', position: { x: 0, y: -400 } }];
  const edges: Diagram['edges'] = [];
  for (let t = 1; t <= teams; t++) {
    nodes.push({ id: `web-${t}`, kind: 'web-client', label: `Web ${t}`, position: { x: t * 700, y: 600 } });
    nodes.push({ id: `team-${t}`, kind: 'group', label: `Team ${t}`, position: { x: t * 700, y: 0 }, size: { width: 600, height: 500 } });
    for (let i = 1; i <= 6; i++) {
      const id = `svc-${t}-${i}`;
      nodes.push({ id, kind: 'api-server', label: `Service ${t}.${i}`, parent: `team-${t}`, position: { x: 20, y: i * 70 } });
      const source = i === 1 ? `web-${t}` : `svc-${t}-${i - 1}`;
      // Routes from an earlier layout, which the new one must replace.
      edges.push({ id: `e-${t}-${i}`, source, target: id, route: [{ x: 1, y: 1 }, { x: 2, y: 2 }] });
    }
    edges.push({ id: `e-${t}-db`, source: `svc-${t}-6`, target: 'db' });
  }
  return { title: 'Company', flow: 'bottom-up', nodes, edges };
}

function laidOut(d: Diagram): LayoutOutcome {
  return {
    ok: true,
    direction: 'up',
    diagram: {
      ...d,
      nodes: d.nodes.map((n, i) => ({
        ...n,
        position: { x: (i % 20) * 250, y: Math.floor(i / 20) * 150 },
        size: n.kind === 'group' ? { width: 520.5, height: 480 } : { width: 180, height: 64 },
      })),
      edges: d.edges.map((e, i) => ({ ...e, route: [{ x: i, y: 0 }, { x: i, y: 100 }] })),
    },
  };
}

/** Frames the test hands out one at a time; the clock moves 20 ms a frame. */
function frames() {
  const queue: ((hurry: boolean) => void)[] = [];
  let clock = 0;
  return {
    services: {
      now: () => clock,
      frame: (run: (hurry: boolean) => void) => void queue.push(run),
    },
    pending: () => queue.length,
    next(hurry = false) {
      clock += 20;
      const runs = queue.splice(0);
      for (const run of runs) run(hurry);
    },
    all() {
      for (let i = 0; i < 10_000 && queue.length > 0; i++) this.next();
    },
  };
}

const original = company(20);

function setup(workspace?: WorkspaceServices) {
  const f = frames();
  const outcome = laidOut(original);
  const store = createEditorStore({
    initial: original,
    services: { ...f.services, layout: { layout: async () => outcome } },
    ...(workspace ? { workspace } : {}),
  });
  return { store, f, outcome };
}

const positions = (d: Diagram) => d.nodes.map((n) => [n.id, n.position]);

/** Starts a layout and lets its answer arrive; the application then waits for frames. */
async function startLayout(store: ReturnType<typeof setup>['store']): Promise<{ pending: Promise<boolean> }> {
  const pending = store.getState().autoLayout();
  await vi.waitFor(() => expect(store.getState().fitViewRequest.bounds).toBeDefined());
  // Wrapped: an async function returning the promise itself would wait for it.
  return { pending };
}

/** Frames until some, but not all, nodes are shown. */
function halfway(store: ReturnType<typeof setup>['store'], f: ReturnType<typeof frames>) {
  const shown = () => store.getState().nodes.filter((n) => !n.hidden).length;
  for (let i = 0; i < 200 && shown() < 30; i++) f.next();
  expect(shown()).toBeGreaterThanOrEqual(30);
  expect(shown()).toBeLessThan(original.nodes.length - 30);
}

describe('auto layout of a big diagram, applied across frames', () => {
  it('lands as one undoable step with every node hidden, fits the view to all of it, then shows the nodes over several frames', async () => {
    // Big enough to be revealed in slices at all.
    expect(original.nodes.length).toBeGreaterThanOrEqual(LAYOUT_SLICES_FROM_NODES);
    const { store, f, outcome } = setup();
    let reveals = 0;
    store.subscribe((s, prev) => {
      if (s.layoutHidden !== prev.layoutHidden && s.layoutHidden.size > 0) reveals++;
    });
    const revision = store.getState().revision;
    const { pending } = await startLayout(store);
    let s = store.getState();
    expect(s.layoutBusy).toBe(true);
    // The whole layout at once: one step, one revision, every node in its place but not shown.
    expect(s.history.past).toHaveLength(1);
    expect(s.revision).toBe(revision + 1);
    expect(positions(s.getDiagram())).toEqual(positions(outcome.ok ? outcome.diagram : original));
    expect(s.nodes.every((n) => n.hidden)).toBe(true);
    // The view goes to the whole laid-out extent, without a glide.
    expect(s.fitViewRequest.animate).toBe(false);
    // (layoutTarget's extent is checked in layoutSlices.test.ts.)
    expect(s.fitViewRequest.bounds).toEqual(layoutTarget(outcome.ok ? outcome.diagram : original).bounds);
    halfway(store, f);
    f.all();
    expect(reveals).toBeGreaterThanOrEqual(2);
    expect(await pending).toBe(true);
    s = store.getState();
    expect(s.layoutBusy).toBe(false);
    expect(s.nodes.some((n) => n.hidden)).toBe(false);
    expect(s.history.past).toHaveLength(1);
    expect(s.revision).toBe(revision + 1);
    const diagram = s.getDiagram();
    expect(diagram.edges.map((e) => e.route)).toEqual(outcome.ok ? outcome.diagram.edges.map((e) => e.route) : []);
    expect(diagram.nodes.find((n) => n.id === 'team-3')!.size).toEqual({ width: 520.5, height: 480 });
    store.getState().undo();
    expect(store.getState().getDiagram()).toEqual(original);
  });

  it('an edit while it is revealed shows every node, and the edit is its own step on top', async () => {
    const { store, f, outcome } = setup();
    const { pending } = await startLayout(store);
    halfway(store, f);
    store.getState().updateNodeData('svc-4-2', { label: 'Renamed' });
    expect(await pending).toBe(true);
    expect(store.getState().nodes.some((n) => n.hidden)).toBe(false);
    const after = store.getState().getDiagram();
    expect(positions(after)).toEqual(positions(outcome.ok ? outcome.diagram : original));
    expect(after.nodes.find((n) => n.id === 'svc-4-2')!.label).toBe('Renamed');
    // Frames still queued change nothing.
    f.all();
    expect(store.getState().getDiagram()).toEqual(after);
    store.getState().undo();
    expect(store.getState().getDiagram().nodes.find((n) => n.id === 'svc-4-2')!.label).toBe('Service 4.2');
    expect(positions(store.getState().getDiagram())).toEqual(positions(after));
    store.getState().undo();
    expect(store.getState().getDiagram()).toEqual(original);
  });

  it('a drag while it is revealed moves the node from its laid-out place, and undo takes back the drag only', async () => {
    const { store, f } = setup();
    const { pending } = await startLayout(store);
    halfway(store, f);
    store.getState().onNodesChange([{ type: 'position', id: 'web-7', position: { x: 9000, y: 9000 }, dragging: true }]);
    expect(await pending).toBe(true);
    store.getState().onNodesChange([{ type: 'position', id: 'web-7', position: { x: 9000, y: 9000 }, dragging: false }]);
    const dragged = store.getState().getDiagram();
    expect(dragged.nodes.find((n) => n.id === 'web-7')!.position).toEqual({ x: 9000, y: 9000 });
    store.getState().undo();
    const laid = store.getState().getDiagram();
    expect(laid.nodes.find((n) => n.id === 'web-7')!.position).not.toEqual({ x: 9000, y: 9000 });
    expect(positions(laid).filter(([id]) => id !== 'web-7')).toEqual(positions(dragged).filter(([id]) => id !== 'web-7'));
    store.getState().undo();
    expect(store.getState().getDiagram()).toEqual(original);
  });

  it('undo while it is revealed takes the whole layout back', async () => {
    const { store, f } = setup();
    const { pending } = await startLayout(store);
    halfway(store, f);
    store.getState().undo();
    expect(await pending).toBe(true);
    expect(store.getState().getDiagram()).toEqual(original);
    expect(store.getState().history.future).toHaveLength(1);
  });

  it('selecting while it is revealed neither finishes nor disturbs it, and the selection stays', async () => {
    const { store, f } = setup();
    const { pending } = await startLayout(store);
    halfway(store, f);
    store.getState().select(['svc-20-6']);
    store.getState().onNodesChange([{ type: 'dimensions', id: 'web-20', dimensions: { width: 181, height: 65 } }]);
    expect(store.getState().layoutBusy).toBe(true);
    expect(store.getState().history.past).toHaveLength(1);
    f.all();
    expect(await pending).toBe(true);
    expect(store.getState().nodes.filter((n) => n.selected).map((n) => n.id)).toEqual(['svc-20-6']);
    expect(store.getState().nodes.find((n) => n.id === 'web-20')!.measured).toEqual({ width: 181, height: 65 });
  });

  it('reading the document while it is revealed gives the whole laid-out diagram, and does not cut the reveal short', async () => {
    const { store, f, outcome } = setup();
    const { pending } = await startLayout(store);
    halfway(store, f);
    expect(positions(store.getState().getDiagram())).toEqual(positions(outcome.ok ? outcome.diagram : original));
    expect(store.getState().layoutBusy).toBe(true);
    f.all();
    expect(await pending).toBe(true);
    expect(store.getState().history.past).toHaveLength(1);
  });

  it('opening another diagram while it is revealed drops the reveal, and nothing of it stays hidden', async () => {
    const { store, f } = setup();
    const { pending } = await startLayout(store);
    halfway(store, f);
    const other = company(2);
    store.getState().loadDiagram(other);
    expect(await pending).toBe(false);
    f.all();
    expect(store.getState().getDiagram()).toEqual(other);
    expect(store.getState().layoutBusy).toBe(false);
    expect(store.getState().layoutHidden.size).toBe(0);
    expect(store.getState().history.past).toHaveLength(0);
  });

  it('a small diagram is laid out in one go, with the usual animated fit', async () => {
    const f = frames();
    const small = company(2);
    const store = createEditorStore({ initial: small, services: { ...f.services, layout: { layout: async (d) => laidOut(d) } } });
    const fits = store.getState().fitViewRequest.seq;
    expect(await store.getState().autoLayout()).toBe(true);
    expect(f.pending()).toBe(0);
    expect(store.getState().fitViewRequest).toEqual({ seq: fits + 1, animate: true });
    expect(store.getState().history.past).toHaveLength(1);
  });

  it('a diagram too big to see whole as nodes lands at once, nothing hidden, with the view fitted to it in the same change', async () => {
    const f = frames();
    // 8 nodes a team: 51 teams are 409 nodes, above LAYOUT_REVEAL_UP_TO (the canvas draws that fit as a picture).
    const big = company(51);
    expect(big.nodes.length).toBeGreaterThan(LAYOUT_REVEAL_UP_TO);
    const outcome = laidOut(big);
    const store = createEditorStore({ initial: big, services: { ...f.services, layout: { layout: async () => outcome } } });
    const fits = store.getState().fitViewRequest.seq;
    let hiddenSeen = 0;
    store.subscribe((s) => (hiddenSeen = Math.max(hiddenSeen, s.layoutHidden.size)));
    expect(await store.getState().autoLayout()).toBe(true);
    expect(f.pending()).toBe(0);
    expect(hiddenSeen).toBe(0);
    expect(store.getState().layoutBusy).toBe(false);
    expect(store.getState().fitViewRequest.seq).toBe(fits + 1);
    expect(store.getState().fitViewRequest.animate).toBe(false);
    expect(positions(store.getState().getDiagram())).toEqual(positions(outcome.ok ? outcome.diagram : big));
    expect(store.getState().history.past).toHaveLength(1);
  });

  it('a hidden page (no frames drawn) shows the rest at once', async () => {
    const { store, f, outcome } = setup();
    const { pending } = await startLayout(store);
    f.next(true);
    expect(await pending).toBe(true);
    expect(store.getState().nodes.some((n) => n.hidden)).toBe(false);
    expect(positions(store.getState().getDiagram())).toEqual(positions(outcome.ok ? outcome.diagram : original));
  });

  it('autosave writes the whole laid-out document, never a half laid-out one', async () => {
    const library = createMemoryLibrary();
    const saved: Diagram[] = [];
    const save = library.save.bind(library);
    library.save = (id, diagram, opts) => {
      saved.push(diagram);
      return save(id, diagram, opts);
    };
    const workspace = fakeWorkspace(library);
    const { store, f, outcome } = setup(workspace);
    await store.getState().start();
    const id = store.getState().currentId!;
    const { pending } = await startLayout(store);
    halfway(store, f);
    // Give autosave every chance to run while the nodes are revealed: the document is whole already.
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(store.getState().layoutBusy).toBe(true);
    f.all();
    expect(await pending).toBe(true);
    await vi.waitFor(() => expect(store.getState().saveState.state).toBe('saved'));
    const stored = await library.load(id);
    expect(stored.ok && stored.value.diagram).toEqual(store.getState().getDiagram());
    expect(stored.ok && positions(stored.value.diagram)).toEqual(positions(outcome.ok ? outcome.diagram : original));
    for (const d of saved) expect([JSON.stringify(positions(original)), JSON.stringify(positions(store.getState().getDiagram()))]).toContain(JSON.stringify(positions(d)));
  });

  it('applied in steps, a task each: nothing moves until the last, it is one step and one revision, and an edit between steps wins', async () => {
    const big = company(51);
    const outcome = laidOut(big);
    // The page's tasks, handed out by the test.
    const tasks: (() => void)[] = [];
    const services = { now: () => 0, frame: () => {}, yield: () => new Promise<void>((resolve) => tasks.push(resolve)), layout: { layout: async () => outcome } };
    const nextTask = async () => {
      await vi.waitFor(() => expect(tasks.length).toBeGreaterThan(0));
      tasks.shift()!();
    };

    const store = createEditorStore({ initial: big, services });
    const revision = store.getState().revision;
    const pending = store.getState().autoLayout();
    // Reading the answer, working out the records, applying them to the document, building the view: a task each.
    await nextTask();
    await nextTask();
    await nextTask();
    await nextTask();
    // Not yet: the document and the view are as they were, and the layout is still busy.
    expect(store.getState().getDiagram()).toEqual(big);
    expect(store.getState().layoutBusy).toBe(true);
    await nextTask();
    expect(await pending).toBe(true);
    expect(positions(store.getState().getDiagram())).toEqual(positions(outcome.ok ? outcome.diagram : big));
    expect(store.getState().revision).toBe(revision + 1);
    expect(store.getState().history.past).toHaveLength(1);

    const edited = createEditorStore({ initial: big, services });
    const again = edited.getState().autoLayout();
    await nextTask();
    edited.getState().updateNodeData('svc-4-2', { label: 'Renamed' });
    await nextTask();
    expect(await again).toBe(false);
    expect(edited.getState().layoutBusy).toBe(false);
    expect(positions(edited.getState().getDiagram())).toEqual(positions(big));
    expect(edited.getState().getDiagram().nodes.find((n) => n.id === 'svc-4-2')!.label).toBe('Renamed');
    expect(edited.getState().notices.map((n) => n.message).join(' ')).toMatch(/changed during auto layout/);
  });
});
