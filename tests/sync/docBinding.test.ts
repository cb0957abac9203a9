import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { diagram } from '../fixtures/diagramBuilder';
import { contentOf, livePair } from './livePair';

const shop = () => diagram('Shop').client('web').server('api').datastore('db').edge('web', 'api').edge('api', 'db').build();

describe('live binding between two editors', () => {
  it('shows each editor the other one’s edits', () => {
    const { a, b } = livePair(shop());
    expect(contentOf(b.s.doc)).toEqual(contentOf(a.s.doc));
    const [cache] = a.add('cache');
    a.connect('api', cache!);
    b.s.updateNodeData('api', { label: 'Orders API' });
    b.drag('db', { x: 300, y: 40 });
    a.s.setTitle('Shop v2');
    expect(b.s.doc.nodes.byId.get(cache!)?.kind).toBe('cache');
    expect(a.s.doc.nodes.byId.get('api')?.label).toBe('Orders API');
    expect(a.s.doc.nodes.byId.get('db')?.position).toEqual({ x: 300, y: 40 });
    expect(b.s.meta.title).toBe('Shop v2');
    expect(contentOf(a.s.doc)).toEqual(contentOf(b.s.doc));
  });

  it('sends a drag once, when it ends', () => {
    const { a, b } = livePair(shop());
    let updates = 0;
    a.ydoc.on('update', () => updates++);
    a.drag('api', { x: 90, y: 90 });
    expect(updates).toBe(1);
    expect(b.s.doc.nodes.byId.get('api')?.position).toEqual({ x: 90, y: 90 });
  });

  it('keeps others’ edits out of your undo history, and your undo away from their edits', () => {
    const { a, b } = livePair(shop());
    a.s.updateNodeData('web', { label: 'Browser' });
    expect(b.s.history.past).toHaveLength(0);
    // Nothing of b's to undo: a's rename stays.
    b.s.undo();
    expect(b.s.doc.nodes.byId.get('web')?.label).toBe('Browser');

    b.s.updateNodeData('db', { label: 'Orders DB' });
    a.s.updateNodeData('api', { label: 'Gateway' });
    // b's undo takes back b's rename only, everywhere.
    b.s.undo();
    expect(a.s.doc.nodes.byId.get('db')?.label).toBe('db');
    expect(a.s.doc.nodes.byId.get('api')?.label).toBe('Gateway');
    expect(contentOf(a.s.doc)).toEqual(contentOf(b.s.doc));
    b.s.redo();
    expect(a.s.doc.nodes.byId.get('db')?.label).toBe('Orders DB');
  });

  it('does not undo a record someone else changed after you', () => {
    const { a, b } = livePair(shop());
    a.drag('api', { x: 500, y: 0 });
    b.s.updateNodeData('api', { label: 'Orders API' });
    a.s.undo();
    const api = a.s.doc.nodes.byId.get('api');
    expect(api?.label).toBe('Orders API');
    expect(contentOf(a.s.doc)).toEqual(contentOf(b.s.doc));
    // Their title stays while your change of flow is taken back.
    a.s.setFlow('top-down');
    b.s.setTitle('Theirs');
    a.s.undo();
    expect(b.s.meta).toMatchObject({ title: 'Theirs', flow: 'bottom-up' });
  });

  it('ignores a remote record that does not parse, says so once, and never saves it', () => {
    const { a, b } = livePair(shop());
    const crafted = new Y.Doc();
    Y.applyUpdate(crafted, Y.encodeStateAsUpdate(a.ydoc));
    crafted.getMap('nodes').set('api', { id: 'api', kind: 'api-server', label: 42 });
    crafted.getMap('nodes').set('evil', { id: 'evil', kind: 'no-such-kind', label: 'x', position: { x: 0, y: 0 } });
    crafted.getMap('nodes').set('liar', { id: 'other', kind: 'cache', label: 'x' });
    const update = Y.encodeStateAsUpdate(crafted, Y.encodeStateVector(a.ydoc));
    expect(() => Y.applyUpdate(a.ydoc, update)).not.toThrow();
    expect(a.s.doc.nodes.byId.get('api')?.label).toBe('api');
    expect(a.s.doc.nodes.byId.has('evil')).toBe(false);
    expect(a.s.doc.nodes.byId.has('liar')).toBe(false);
    expect(a.reports).toHaveLength(3);
    expect(a.reports[0]).toMatch(/nodes\["api"\]\.label/);
    expect(a.reports[2]).toMatch(/does not match/);
    // The same bad record arriving again (someone else's unrelated change) is not reported again.
    crafted.getMap('meta').set('title', 'Renamed');
    Y.applyUpdate(a.ydoc, Y.encodeStateAsUpdate(crafted, Y.encodeStateVector(a.ydoc)));
    expect(a.reports).toHaveLength(3);
    expect(a.s.meta.title).toBe('Renamed');
    expect(a.diagram().nodes.map((n) => n.id).sort()).toEqual(['api', 'db', 'web']);
    // A bad field of the meta is ignored the same way.
    crafted.getMap('meta').set('flow', 'sideways');
    Y.applyUpdate(a.ydoc, Y.encodeStateAsUpdate(crafted, Y.encodeStateVector(a.ydoc)));
    expect(a.s.meta.flow).toBe('bottom-up');
    expect(a.reports.at(-1)).toMatch(/meta\.flow/);
    // b never saw any of it: its document is a's.
    expect(contentOf(b.s.doc)).toEqual(contentOf(a.s.doc));
  });

  it('converges after concurrent edits made apart, holding back a connection to a removed node', () => {
    const pair = livePair(shop());
    const { a, b } = pair;
    pair.disconnect();
    a.s.updateNodeData('web', { tech: 'React' });
    a.select('db');
    a.s.deleteSelection();
    const [queue] = b.add('message-queue');
    b.connect('api', queue!);
    b.connect(queue!, 'db');
    b.s.updateNodeData('web', { label: 'Mobile' });
    pair.reconnect();
    expect(contentOf(a.s.doc)).toEqual(contentOf(b.s.doc));
    expect(b.s.doc.nodes.byId.has('db')).toBe(false);
    // The queue's connection to the removed database is held back on both sides.
    expect([...b.s.doc.edges.byId.values()].some((e) => e.target === 'db')).toBe(false);
    expect(b.s.doc.nodes.byId.has(queue!)).toBe(true);
    // Records are whole values: of two concurrent edits to one component, one wins everywhere.
    expect(['Mobile', 'web']).toContain(a.s.doc.nodes.byId.get('web')?.label);
    // a undoes its delete: db comes back, and with it b's held-back connection.
    a.s.undo();
    expect(contentOf(a.s.doc)).toEqual(contentOf(b.s.doc));
    expect([...b.s.doc.edges.byId.values()].some((e) => e.source === queue && e.target === 'db')).toBe(true);
  });

  it('drops a name from a list on every editor when what it names is undone, and brings it back on redo', () => {
    const { a, b } = livePair(shop());
    const requirement = a.s.addRequirement('Reads under 100 ms');
    const endpoint = b.s.addEndpoint('api')!;
    b.s.updateEndpoint(endpoint, { requirements: [requirement] });
    a.s.undo();
    expect(a.s.doc.requirements.byId.has(requirement)).toBe(false);
    for (const editor of [a, b]) expect(editor.s.doc.endpoints.byId.get(endpoint)?.requirements).toBeUndefined();
    expect(contentOf(a.s.doc)).toEqual(contentOf(b.s.doc));
    // The room kept b's endpoint as b wrote it: the name comes back with the requirement.
    a.s.redo();
    for (const editor of [a, b]) expect(editor.s.doc.endpoints.byId.get(endpoint)?.requirements).toEqual([requirement]);
    expect(contentOf(a.s.doc)).toEqual(contentOf(b.s.doc));
  });

  it('shows records in the same order on every editor, with moves made apart both kept', () => {
    const pair = livePair(shop());
    const { a, b } = pair;
    const [r1, r2, r3, r4] = ['one', 'two', 'three', 'four'].map((text) => a.s.addRequirement(text));
    expect(b.s.doc.requirements.order).toEqual([r1, r2, r3, r4]);
    a.s.moveRequirement(r3!, -2);
    expect(b.s.doc.requirements.order).toEqual([r3, r1, r2, r4]);
    pair.disconnect();
    a.s.moveRequirement(r4!, -1);
    b.s.moveRequirement(r1!, -1);
    const r5 = b.s.addRequirement('five');
    pair.reconnect();
    expect(a.s.doc.requirements.order).toEqual([r1, r3, r4, r2, r5]);
    expect(b.s.doc.requirements.order).toEqual(a.s.doc.requirements.order);
    // A new group goes first in the file on both (it must come before what it holds).
    const [group] = b.add('group');
    expect(a.s.doc.nodes.order[0]).toBe(group);
    expect(contentOf(a.s.doc)).toEqual(contentOf(b.s.doc));
  });
});
