/** The design rules as the editor shows them: live, through the store, with the canvas marks. */
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

const rules = (editor: ReturnType<typeof createTestStore>) => editor.s.validation.report.findings.map((f) => f.rule);

describe('design findings in the editor', () => {
  it('appear and go as the design is recorded, and a removed edge marks the broken pair', () => {
    const editor = createTestStore({ initial });
    editor.s.changeRecords({ requirements: { put: [{ id: 'r1', text: 'Shorten a URL', priority: 'must' }] } });
    expect(rules(editor)).toEqual(['requirement-untraced']);
    editor.s.changeRecords({ endpoints: { put: [{ id: 'p1', node: 'api', method: 'POST', path: '/v1/urls', requirements: ['r1'] }] } });
    expect(rules(editor)).toEqual(['requirement-untraced', 'endpoint-unused']);
    expect(editor.s.validation.nodeSeverity.get('api')).toBe('warning');
    editor.s.changeRecords({ paths: { put: [{ id: 'w1', name: 'Shorten', endpoint: 'p1', steps: ['web', 'api', 'db'] }] } });
    expect(rules(editor)).toEqual([]);
    expect(editor.s.validation.report.valid).toBe(true);

    editor.s.changeRecords({ edges: { remove: ['e2'] } });
    const broken = editor.s.validation.report.findings.find((f) => f.rule === 'path-broken');
    expect(broken).toMatchObject({ path: 'w1', nodes: ['api', 'db'] });
    expect(editor.s.validation.nodeSeverity.get('db')).toBe('error');
    editor.s.undo();
    expect(rules(editor)).toEqual([]);
  });

  it('switching the flow re-reads the path against the edges', () => {
    const editor = createTestStore({ initial });
    editor.s.changeRecords({ paths: { put: [{ id: 'w1', name: 'Shorten', steps: ['web', 'api', 'db'] }] } });
    expect(rules(editor)).toEqual([]);
    editor.s.setFlow('top-down');
    expect(rules(editor)).toContain('path-broken');
  });
});
