import { describe, expect, it } from 'vitest';
import { selectPaintView } from '../../src/store/paintInput';
import { chain } from '../fixtures/diagramBuilder';
import { createTestStore } from './testStore';

describe('what the PNG painter is told besides the records', () => {
  it('writes each component design badge as the canvas does', () => {
    const editor = createTestStore({ initial: chain() });
    editor.s.changeRecords({
      endpoints: {
        put: [
          { id: 'p1', node: 'api', method: 'GET', path: '/a' },
          { id: 'p2', node: 'api', method: 'POST', path: '/b' },
          { id: 'p3', node: 'db', method: 'GET', path: '/c' },
        ],
      },
      entities: { put: [{ id: 'n1', node: 'api', name: 'Link', fields: [{ name: 'code', type: 'string', primaryKey: true }] }] },
    });
    const view = selectPaintView(editor.s, true);
    expect(view.designBadges.get('api')).toBe('2 endpoints · 1 entity');
    expect(view.designBadges.get('db')).toBe('1 endpoint');
    expect(view.designBadges.has('web')).toBe(false);
  });

  it('includes the capacity overlay only while the analysis is shown and the export asks for it', () => {
    const editor = createTestStore({ initial: chain() });
    expect(selectPaintView(editor.s, true).overlay).toBeNull();
    editor.s.showCapacity(true);
    expect(selectPaintView(editor.s, false).overlay).toBeNull();
    const overlay = selectPaintView(editor.s, true).overlay!;
    // One instance on the only route: a single point of failure.
    expect(overlay.nodes.get('api')).toBe('ok|0.1|spof');
    expect(overlay.edgeRate.get('e1')).toBe('100/s');
  });

  it('tells the steps of the request path on show', () => {
    const editor = createTestStore({ initial: chain() });
    expect(selectPaintView(editor.s, true).pathSteps).toBeNull();
    editor.s.changeRecords({ paths: { put: [{ id: 'q1', name: 'Read', steps: ['web', 'api', 'db'] }] } });
    editor.s.showPath('q1');
    expect(selectPaintView(editor.s, true).pathSteps).toEqual(['web', 'api', 'db']);
  });
});
