/**
 * A big change (an auto layout) builds the view's objects ahead, in a task of its own
 * (FlowView.prepare), then applies the change: what the canvas gets must be exactly what deriving
 * the new state from scratch gives, whatever happened in between (a selection, a data edit).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../src/model/diagram';
import { applyDiff, diffOf } from '../../src/model/recordsDiff';
import { createEditorStore } from '../../src/store/editorStore';
import { createFlowView, viewInputs } from '../../src/store/flowView';

function chain(n: number): Diagram {
  return {
    title: 'Chain',
    flow: 'top-down',
    nodes: Array.from({ length: n }, (_, i) => ({ id: `n${i}`, kind: 'api-server', label: `Service ${i}`, position: { x: i * 200, y: 0 } })),
    edges: Array.from({ length: n - 1 }, (_, i) => ({ id: `e${i}`, source: `n${i}`, target: `n${i + 1}` })),
  };
}

/** Moves every node and routes every edge, as a layout does: worked out, applied ahead, view prepared. */
function prepareMove(store: ReturnType<typeof createEditorStore>, dx: number) {
  const s = store.getState();
  const nodes = s.doc.nodes.order.map((id) => {
    const node = s.doc.nodes.byId.get(id)!;
    return { ...node, position: { x: node.position!.x + dx, y: 50 } };
  });
  const edges = s.doc.edges.order.map((id) => ({ ...s.doc.edges.byId.get(id)!, route: [{ x: dx, y: 0 }, { x: dx, y: 100 }] }));
  const diff = diffOf(s.doc, { nodes: { put: nodes }, edges: { put: edges } });
  const doc = applyDiff(s.doc, diff);
  s.prepareView(doc, diff);
  return { diff, applied: { from: s.doc, doc } };
}

const fresh = (store: ReturnType<typeof createEditorStore>) => createFlowView().derive(viewInputs(store.getState()), null)!;

describe('a change whose view was prepared ahead', () => {
  it('shows what deriving the new state from scratch shows, as one undo step', () => {
    const store = createEditorStore({ initial: chain(30) });
    const { diff, applied } = prepareMove(store, 40);
    store.getState().applyDiff(diff, { origin: 'layout', applied });
    const s = store.getState();
    expect({ nodes: s.nodes, edges: s.edges }).toEqual(fresh(store));
    expect(s.nodes.find((n) => n.id === 'n3')!.position).toEqual({ x: 640, y: 50 });
    expect(s.history.past).toHaveLength(1);
  });

  it('whatever changes between preparing and applying (selection, a label, nothing), the view is still exactly the new state', () => {
    fc.assert(
      fc.property(fc.subarray(['n1', 'n2', 'n5']), fc.option(fc.constantFrom('n0', 'n4')), (selected, renamed) => {
        const store = createEditorStore({ initial: chain(8) });
        // Every node's view object exists first, as it does on a canvas that has drawn.
        expect(store.getState().nodes).toHaveLength(8);
        const { diff, applied } = prepareMove(store, 10);
        store.getState().select(selected);
        if (renamed) {
          // An edit in between: the prepared document no longer applies, so the diff is applied anew.
          store.getState().updateNodeData(renamed, { label: 'Renamed' });
        }
        store.getState().applyDiff(diff, { origin: 'layout', applied });
        const s = store.getState();
        expect({ nodes: s.nodes, edges: s.edges }).toEqual(fresh(store));
        for (const id of selected) expect(s.nodes.find((n) => n.id === id)!.selected).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
