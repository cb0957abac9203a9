import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../src/model/diagram';
import { createTestStore } from './testStore';

const initial: Diagram = {
  title: 'Shortener',
  flow: 'bottom-up',
  nodes: [
    { id: 'web', kind: 'web-client', label: 'Web', position: { x: 0, y: 300 } },
    { id: 'api', kind: 'api-server', label: 'API', position: { x: 0, y: 150 } },
    { id: 'db', kind: 'sql-database', label: 'DB', position: { x: 0, y: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'web', target: 'api' },
    { id: 'e2', source: 'api', target: 'db' },
  ],
};

describe('changeRecords', () => {
  it('adds design records as one undo step, saved and reopened unchanged', () => {
    const editor = createTestStore({ initial });
    editor.s.changeRecords({
      requirements: { put: [{ id: 'r1', text: 'Shorten a URL', priority: 'must' }] },
      endpoints: { put: [{ id: 'p1', node: 'api', method: 'POST', path: '/v1/urls', requirements: ['r1'] }] },
      paths: { put: [{ id: 'w1', name: 'Shorten', requirement: 'r1', endpoint: 'p1', steps: ['web', 'api', 'db'] }] },
    });
    expect(editor.diagram().endpoints).toHaveLength(1);
    expect(editor.reopened()).toEqual(editor.diagram());
    editor.s.undo();
    expect(editor.diagram()).toEqual(initial);
    editor.s.redo();
    expect(editor.diagram().paths?.[0]?.steps).toEqual(['web', 'api', 'db']);
  });

  it('gathers a burst of typing with one key into one step', () => {
    const editor = createTestStore({ initial });
    editor.s.changeRecords({ requirements: { put: [{ id: 'r1', text: '', priority: 'must' }] } });
    for (const text of ['S', 'Sh', 'Sho']) editor.s.changeRecords({ requirements: { put: [{ id: 'r1', text, priority: 'must' }] } }, { key: 'r1:text' });
    editor.s.undo();
    expect(editor.diagram().requirements).toEqual([{ id: 'r1', text: '', priority: 'must' }]);
  });

  it('deleting a component takes its endpoints and path steps with it, and undo brings them back', () => {
    const editor = createTestStore({ initial });
    editor.s.changeRecords({
      endpoints: { put: [{ id: 'p1', node: 'api', method: 'GET', path: '/v1/{code}' }] },
      paths: { put: [{ id: 'w1', name: 'Resolve', endpoint: 'p1', steps: ['web', 'api', 'db'] }] },
    });
    const before = editor.diagram();
    editor.select('api');
    editor.s.deleteSelection();
    expect(editor.diagram().endpoints).toBeUndefined();
    expect(editor.diagram().paths).toEqual([{ id: 'w1', name: 'Resolve', steps: ['web', 'db'] }]);
    expect(editor.reopened()).toEqual(editor.diagram());
    editor.s.undo();
    expect(editor.diagram()).toEqual(before);
  });

  it('edits capacity figures and edge modes through the data actions', () => {
    const editor = createTestStore({ initial });
    editor.s.updateNodeData('api', { figures: { instances: 3 } });
    editor.s.updateEdgeData('e2', { mode: 'async', share: 0.5 });
    expect(editor.diagram().nodes[1]).toMatchObject({ figures: { instances: 3 } });
    expect(editor.diagram().edges[1]).toEqual({ id: 'e2', source: 'api', target: 'db', mode: 'async', share: 0.5 });
    editor.s.updateNodeData('api', { figures: undefined });
    expect(editor.diagram().nodes[1]).not.toHaveProperty('figures');
  });
});
