import { describe, expect, it } from 'vitest';
import { chain } from '../fixtures/diagramBuilder';
import { createTestStore } from './testStore';

function shown() {
  const editor = createTestStore({ initial: chain() });
  editor.s.showCapacity(true);
  return editor;
}

const api = (editor: ReturnType<typeof shown>) => editor.s.capacity!.nodeById.get('api')!;

describe('capacity analysis in the store', () => {
  it('is computed only while shown, from the default load shared by the clients', () => {
    const editor = createTestStore({ initial: chain() });
    expect(editor.s.capacity).toBeNull();
    editor.s.showCapacity(true);
    expect(editor.s.capacity!.peak).toEqual({ rps: 100, source: 'default' });
    expect(api(editor)).toMatchObject({ load: 100, utilization: 0.1, status: 'ok' });
    expect(editor.s.capacity!.edgeLoad.get('e1')).toBe(100);
    editor.s.showCapacity(false);
    expect(editor.s.capacity).toBeNull();
  });

  it('the multiplier scales every load without touching the document or its history', () => {
    const editor = shown();
    editor.s.setLoadMultiplier(7);
    expect(api(editor)).toMatchObject({ load: 700, status: 'hot' });
    editor.s.setLoadMultiplier(10);
    expect(api(editor)).toMatchObject({ load: 1000, utilization: 1, status: 'overloaded', latencyMs: null });
    editor.s.setLoadMultiplier(1e6);
    expect(editor.s.loadMultiplier).toBe(100);
    expect(editor.diffs).toHaveLength(0);
    expect(editor.s.history.past).toHaveLength(0);
  });

  it('figures typed in a burst are one undo step, and a bad value falls back to the typical one', () => {
    const editor = shown();
    editor.s.setLoadMultiplier(10);
    editor.s.setNodeFigure('api', 'instances', 2);
    editor.s.setNodeFigure('api', 'instances', 20);
    expect(api(editor)).toMatchObject({ instances: 20, utilization: 0.05, status: 'ok' });
    expect(editor.s.history.past).toHaveLength(1);
    editor.s.setNodeFigure('api', 'capacityRps', 500);
    expect(api(editor).figures.capacityRps).toBe(500);
    editor.s.setNodeFigure('api', 'capacityRps', -3);
    expect(api(editor).figures.capacityRps).toBe(1000);
    editor.s.undo();
    editor.s.undo();
    editor.s.undo();
    expect(editor.s.doc.nodes.byId.get('api')).not.toHaveProperty('figures');
    expect(api(editor)).toMatchObject({ instances: 1, status: 'overloaded' });
  });

  it('a client with its own rps sends that, times the multiplier; a typed peak load replaces the default', () => {
    const editor = shown();
    editor.s.setLoadSetting('peakRps', 400);
    expect(editor.s.capacity!.peak).toEqual({ rps: 400, source: 'typed' });
    expect(api(editor).load).toBe(400);
    editor.s.setNodeFigure('web', 'rps', 30);
    editor.s.setLoadMultiplier(2);
    expect(api(editor).load).toBe(60);
  });

  it('an edge share and an async mode change the loads and the latency that counts', () => {
    const editor = shown();
    editor.s.setEdgeFigure('e2', 'share', 0.25);
    expect(editor.s.capacity!.nodeById.get('db')!.load).toBe(25);
    editor.s.setEdgeMode('e2', 'async');
    const path = editor.s.capacity!.analysis.clients[0]!.path;
    expect(path.ids).toEqual(['web', 'api', 'db']);
    expect(path.latencyMs).toBeCloseTo(api(editor).latencyMs!, 9);
  });

  it('marking the only database down cuts the client off, as session state only', () => {
    const editor = shown();
    editor.s.setDown('db', true);
    expect(editor.s.capacity!.analysis.cutOff).toEqual(['web']);
    expect(editor.s.capacity!.nodeById.get('db')!.status).toBe('down');
    expect(editor.diffs).toHaveLength(0);
    editor.s.setDown('db', false);
    expect(editor.s.capacity!.analysis.cutOff).toEqual([]);
    editor.s.setDown('db', true);
    editor.s.loadDiagram(chain());
    expect(editor.s.down.size).toBe(0);
  });

  it('a drag reuses the analysis (positions do not change it); a rename recomputes it', () => {
    const editor = shown();
    const before = editor.s.capacity;
    editor.drag('api', { x: 300, y: 120 });
    expect(editor.s.capacity).toBe(before);
    editor.s.updateNodeData('api', { label: 'Orders API' });
    expect(editor.s.capacity).not.toBe(before);
    expect(api(editor).label).toBe('Orders API');
  });
});
