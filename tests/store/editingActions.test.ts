/**
 * Editing actions no test used to call, and what every edit promises: it stays within what a
 * file may hold (issue 17, item 1), it is one undo step, and it reaches diff listeners.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/model/limits';
import { chain, diagram } from '../fixtures/diagramBuilder';
import { createTestStore } from './testStore';

describe('reverseAllEdges', () => {
  it('turns every one-way edge round, keeps two-way ones, drops stale routes, in one undo step', () => {
    const initial = chain();
    initial.edges[0]!.route = [{ x: 0, y: 0 }, { x: 0, y: 10 }];
    initial.edges.push({ id: 'e3', source: 'web', target: 'db', bidirectional: true });
    const editor = createTestStore({ initial });
    editor.s.reverseAllEdges();
    expect(editor.diagram().edges).toEqual([
      { id: 'e1', source: 'api', target: 'web' },
      { id: 'e2', source: 'db', target: 'api' },
      { id: 'e3', source: 'web', target: 'db', bidirectional: true },
    ]);
    expect(editor.s.history.past).toHaveLength(1);
    editor.s.undo();
    expect(editor.diagram()).toEqual(initial);
  });
});

describe('setLayoutDirection', () => {
  it('pins the direction, and unpinning lets it follow the flow again; each an undo step', () => {
    const editor = createTestStore({ initial: chain() });
    editor.s.setLayoutDirection('right');
    expect(editor.diagram().layout).toEqual({ direction: 'right' });
    editor.s.setLayoutDirection(undefined);
    expect(editor.diagram().layout).toBeUndefined();
    editor.s.undo();
    expect(editor.diagram().layout).toEqual({ direction: 'right' });
    editor.s.undo();
    expect(editor.diagram().layout).toBeUndefined();
  });
});

describe('duplicateSelection', () => {
  it('copies the selection next to it with fresh readable ids, the edges between the copies, and selects the copies', () => {
    const editor = createTestStore({ initial: chain() });
    editor.select('api', 'db');
    editor.s.duplicateSelection();
    const d = editor.diagram();
    const copies = d.nodes.slice(3);
    expect(copies.map((n) => n.id)).toEqual(['api-1', 'db-2']);
    expect(copies.map((n) => n.position)).toEqual([{ x: 40, y: 240 }, { x: 40, y: 40 }]);
    expect(d.edges.slice(2).map((e) => [e.source, e.target])).toEqual([['api-1', 'db-2']]);
    expect([...editor.s.selection.nodes]).toEqual(['api-1', 'db-2']);
    expect(editor.s.history.past).toHaveLength(1);
  });

  it('a copy of a node with a 200-character id gets a short id, and the diagram can still be saved', () => {
    const long = 'x'.repeat(LIMITS.maxIdLength);
    const editor = createTestStore({ initial: diagram().server(long).build() });
    editor.select(long);
    editor.s.duplicateSelection();
    editor.s.duplicateSelection();
    const ids = editor.diagram().nodes.map((n) => n.id);
    expect(ids).toHaveLength(3);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(LIMITS.maxIdLength);
    expect(ids[2]!.length).toBeLessThan(60);
    expect(editor.reopened()).toEqual(editor.diagram());
  });

  it('copies of copies never grow their ids', () => {
    const editor = createTestStore({ initial: chain(), services: { now: () => 0 } });
    editor.select('api');
    for (let i = 0; i < 5; i++) editor.s.duplicateSelection();
    const last = editor.diagram().nodes.at(-1)!.id;
    expect(last).toMatch(/^api-\d+$/);
  });
});

describe('paste', () => {
  it('a fragment near the coordinate limit lands within it, and the diagram can still be saved', () => {
    const editor = createTestStore({ initial: chain() });
    editor.s.paste({ nodes: [{ id: 'far', kind: 'cache', label: 'Far', position: { x: 9_999_990, y: -9_999_990 } }], edges: [] });
    const far = editor.diagram().nodes.at(-1)!;
    expect(far.position).toEqual({ x: LIMITS.maxCoordinate, y: -9_999_950 });
    expect(editor.reopened()).toEqual(editor.diagram());
  });
});

describe('typed text', () => {
  it('is cut before an emoji that would be split, and loses control characters, in the Inspector and inline rename alike', () => {
    const editor = createTestStore({ initial: chain() });
    editor.s.updateNodeData('api', { label: `${'b'.repeat(999)}🚀` });
    expect(editor.diagram().nodes[1]!.label).toBe('b'.repeat(999));
    editor.s.updateNodeData('api', { tech: 'Orders\u000bAPI', notes: 'line one\r\nline two\u0000' });
    editor.s.updateEdgeData('e1', { label: 'half \ud83d emoji', protocol: 'gRPC\u0007' });
    editor.s.setTitle('Title\nwith a break');
    const d = editor.diagram();
    expect(d.nodes[1]).toMatchObject({ tech: 'OrdersAPI', notes: 'line one\nline two' });
    expect(d.edges[0]).toMatchObject({ label: 'half \ufffd emoji', protocol: 'gRPC' });
    expect(d.title).toBe('Title with a break');
    expect(editor.reopened()).toEqual(d);
  });

  it('an emptied optional field is left out, as a saved file would', () => {
    const editor = createTestStore({ initial: chain() });
    editor.s.updateNodeData('api', { tech: 'Go' });
    editor.s.updateNodeData('api', { tech: '' });
    expect(editor.diagram().nodes[1]).not.toHaveProperty('tech');
  });
});

describe('moving', () => {
  it('a node dragged past the coordinate limit stops at it', () => {
    const editor = createTestStore({ initial: chain() });
    editor.drag('web', { x: 5e8, y: -Infinity });
    expect(editor.diagram().nodes[0]!.position).toEqual({ x: LIMITS.maxCoordinate, y: 0 });
    expect(editor.reopened()).toEqual(editor.diagram());
  });
});
