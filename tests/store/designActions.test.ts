/**
 * The design's store actions (issue 12): each edit is one undo step (a burst of typing in one
 * field too), removing a component or a requirement or an endpoint takes what refers to it along
 * in the same step, and everything survives saving and opening again.
 */
import { describe, expect, it } from 'vitest';
import { chain, diagram } from '../fixtures/diagramBuilder';
import { designedStore } from './designedStore';
import { createTestStore } from './testStore';

const designed = designedStore;

describe('requirements', () => {
  it('adds, types in a burst as one step, sets the priority, reorders and removes; each undoable', () => {
    const editor = createTestStore({ initial: chain() });
    const a = editor.s.addRequirement();
    const b = editor.s.addRequirement('Redirect fast', 'should');
    expect(editor.s.history.past).toHaveLength(2);
    for (const text of ['U', 'Us', 'Use', 'Users shorten']) editor.s.updateRequirement(a, { text });
    expect(editor.s.history.past).toHaveLength(3);
    editor.s.updateRequirement(a, { priority: 'could' });
    editor.s.moveRequirement(b, -1);
    expect(editor.diagram().requirements).toEqual([
      { id: b, text: 'Redirect fast', priority: 'should' },
      { id: a, text: 'Users shorten', priority: 'could' },
    ]);
    editor.s.undo();
    expect(editor.diagram().requirements!.map((r) => r.id)).toEqual([a, b]);
    editor.s.undo();
    editor.s.undo();
    expect(editor.diagram().requirements![0]).toEqual({ id: a, text: '', priority: 'must' });
    editor.s.redo();
    editor.s.redo();
    editor.s.redo();
    editor.s.removeRequirement(a);
    expect(editor.diagram().requirements!.map((r) => r.id)).toEqual([b]);
    expect(editor.reopened().requirements).toEqual(editor.diagram().requirements);
  });

  it('removing a requirement drops it from the endpoints and paths that served it, in one step', () => {
    const { editor, req, ep, path } = designed();
    const before = editor.diagram();
    editor.s.removeRequirement(req);
    expect(editor.s.doc.endpoints.byId.get(ep)!.requirements).toBeUndefined();
    expect(editor.s.doc.paths.byId.get(path)!.requirement).toBeUndefined();
    editor.s.undo();
    expect(editor.diagram()).toEqual(before);
  });
});

describe('scale figures', () => {
  it('typing a figure is one step; clearing every figure leaves no scale in the file', () => {
    const editor = createTestStore({ initial: chain() });
    for (const v of [1, 10, 100, 1000]) editor.s.setScale({ dailyActiveUsers: v });
    editor.s.setScale({ readWriteRatio: 100 });
    expect(editor.diagram().scale).toEqual({ dailyActiveUsers: 1000, readWriteRatio: 100 });
    expect(editor.s.history.past).toHaveLength(2);
    // Another field in between: each is then its own step.
    editor.s.setScale({ dailyActiveUsers: undefined });
    editor.s.setScale({ readWriteRatio: -5 });
    expect(editor.diagram().scale).toBeUndefined();
    expect(editor.reopened().scale).toBeUndefined();
    editor.s.undo();
    editor.s.undo();
    expect(editor.diagram().scale).toEqual({ dailyActiveUsers: 1000, readWriteRatio: 100 });
  });
});

describe('endpoints', () => {
  it('adds on a server, keeps a path the file requires, reorders among its own server, removes', () => {
    const initial = diagram().client('web').server('api').server('auth').datastore('db').build();
    const editor = createTestStore({ initial });
    const first = editor.s.addEndpoint('api')!;
    const other = editor.s.addEndpoint('auth')!;
    const second = editor.s.addEndpoint('api')!;
    expect(editor.s.doc.endpoints.byId.get(first)).toEqual({ id: first, node: 'api', method: 'GET', path: '/' });
    editor.s.updateEndpoint(first, { path: '' });
    expect(editor.s.doc.endpoints.byId.get(first)!.path).toBe('/');
    editor.s.updateEndpoint(first, { path: '/v1/urls', summary: 'Shorten', request: '{ longUrl }' });
    editor.s.updateEndpoint(first, { summary: '' });
    expect(editor.s.doc.endpoints.byId.get(first)).toEqual({ id: first, node: 'api', method: 'GET', path: '/v1/urls', request: '{ longUrl }' });
    // "Move down" passes the next endpoint of the same server, not the other server's in between.
    editor.s.moveEndpoint(first, 1);
    expect(editor.s.doc.endpoints.order).toEqual([second, other, first]);
    editor.s.moveEndpoint(first, 1);
    expect(editor.s.doc.endpoints.order).toEqual([second, other, first]);
    editor.s.undo();
    expect(editor.s.doc.endpoints.order).toEqual([first, other, second]);
    expect(editor.reopened().endpoints).toEqual(editor.diagram().endpoints);
  });

  it('removing an endpoint drops it from entities and paths, in one step', () => {
    const { editor, ep, entity, path } = designed();
    const before = editor.diagram();
    editor.s.removeEndpoint(ep);
    expect(editor.s.doc.endpoints.order).toEqual([]);
    expect(editor.s.doc.entities.byId.get(entity)!.endpoints).toBeUndefined();
    expect(editor.s.doc.paths.byId.get(path)!.endpoint).toBeUndefined();
    editor.s.undo();
    expect(editor.diagram()).toEqual(before);
  });

  it('a new connection into or out of a queue is async; the mode can be changed and undone', () => {
    const initial = diagram().server('api').node('message-queue', 'q').node('worker', 'w').build();
    const editor = createTestStore({ initial });
    const into = editor.connect('api', 'q')!;
    const out = editor.connect('q', 'w')!;
    const plain = editor.connect('api', 'w')!;
    const mode = (id: string) => editor.s.doc.edges.byId.get(id)!.mode;
    expect([mode(into), mode(out), mode(plain)]).toEqual(['async', 'async', undefined]);
    editor.s.updateEdgeData(into, { mode: undefined });
    expect(mode(into)).toBeUndefined();
    editor.s.undo();
    expect(mode(into)).toBe('async');
  });
});

describe('entities', () => {
  it('adds with an id key, edits fields and keys, reorders and removes fields, each undoable', () => {
    const editor = createTestStore({ initial: chain() });
    const id = editor.s.addEntity('db')!;
    const entity = () => editor.s.doc.entities.byId.get(id)!;
    expect(entity()).toEqual({ id, node: 'db', name: 'Entity', fields: [{ name: 'id', type: 'uuid', primaryKey: true }] });
    editor.s.updateEntity(id, { name: 'Url' });
    editor.s.updateEntity(id, { name: '   ' });
    editor.s.addEntityField(id);
    editor.s.updateEntityField(id, 1, { name: 'code', type: 'varchar(8)', partitionKey: true, indexed: true });
    editor.s.updateEntityField(id, 1, { indexed: false });
    editor.s.addEntityField(id);
    editor.s.moveEntityField(id, 1, -1);
    expect(entity().name).toBe('Url');
    expect(entity().fields).toEqual([
      { name: 'code', type: 'varchar(8)', partitionKey: true },
      { name: 'id', type: 'uuid', primaryKey: true },
      { name: 'field', type: 'string' },
    ]);
    editor.s.removeEntityField(id, 2);
    expect(entity().fields).toHaveLength(2);
    editor.s.undo();
    editor.s.undo();
    expect(entity().fields.map((f) => f.name)).toEqual(['id', 'code', 'field']);
    expect(editor.reopened().entities).toEqual(editor.diagram().entities);
  });

  it('does not add design records to a component that does not exist', () => {
    const editor = createTestStore({ initial: chain() });
    expect(editor.s.addEntity('nope')).toBeNull();
    expect(editor.s.addEndpoint('nope')).toBeNull();
    expect(editor.s.addPath(['nope'])).toBeNull();
    expect(editor.s.history.past).toHaveLength(0);
  });
});

describe('request paths', () => {
  it('is recorded by clicking components in order, saved as one step on Done, and shown', () => {
    const editor = createTestStore({ initial: chain() });
    editor.s.startPathRecording();
    for (const id of ['web', 'api', 'api', 'missing', 'db']) editor.s.recordPathStep(id);
    expect(editor.s.pathRecording!.steps).toEqual(['web', 'api', 'db']);
    editor.s.undoPathStep();
    editor.s.recordPathStep('db');
    expect(editor.s.history.past).toHaveLength(0);
    const id = editor.s.finishPathRecording()!;
    expect(editor.s.pathRecording).toBeNull();
    expect(editor.s.activePath).toBe(id);
    expect(editor.diagram().paths).toEqual([{ id, name: 'Path 1', steps: ['web', 'api', 'db'] }]);
    editor.s.undo();
    expect(editor.diagram().paths ?? []).toEqual([]);
  });

  it('opening another diagram forgets the path on show, a recording and selected notes', () => {
    const { editor, path } = designed();
    editor.s.showPath(path);
    editor.s.selectNotes([editor.s.addNote({ x: 0, y: 0 })]);
    editor.s.startPathRecording();
    editor.s.loadDiagram(chain());
    expect([editor.s.activePath, editor.s.pathRecording, editor.s.noteSelection.size, editor.s.editingNote]).toEqual([null, null, 0, null]);
  });

  it('a cancelled recording changes nothing; an empty one saves nothing', () => {
    const editor = createTestStore({ initial: chain() });
    editor.s.startPathRecording();
    editor.s.recordPathStep('web');
    editor.s.cancelPathRecording();
    editor.s.startPathRecording();
    expect(editor.s.finishPathRecording()).toBeNull();
    expect(editor.s.history.past).toHaveLength(0);
  });

  it('steps are edited from a list; removing the last step removes the path', () => {
    const { editor, path } = designed();
    editor.s.showPath(path);
    editor.s.updatePath(path, { steps: ['web', 'api'], name: '' });
    expect(editor.s.doc.paths.byId.get(path)).toMatchObject({ name: '', steps: ['web', 'api'] });
    editor.s.updatePath(path, { steps: [] });
    expect(editor.s.doc.paths.byId.has(path)).toBe(false);
    expect(editor.s.activePath).toBeNull();
    editor.s.undo();
    expect(editor.s.doc.paths.byId.get(path)!.steps).toEqual(['web', 'api']);
  });
});

describe('notes', () => {
  it('adds where clicked, typing is one step, colour and size change, removal is undone', () => {
    const editor = createTestStore({ initial: chain() });
    editor.s.setNoteTool(true);
    const id = editor.s.addNote({ x: 300, y: 100 });
    expect(editor.s.noteTool).toBe(false);
    expect(editor.s.editingNote).toBe(id);
    for (const text of ['C', 'Ca', 'Cache\nthis']) editor.s.updateNote(id, { text });
    editor.s.updateNote(id, { color: 'blue' });
    expect(editor.diagram().notes).toEqual([{ id, text: 'Cache\nthis', color: 'blue', position: { x: 210, y: 40 } }]);
    expect(editor.s.history.past).toHaveLength(3);
    editor.s.removeNotes([id]);
    expect(editor.diagram().notes ?? []).toEqual([]);
    editor.s.undo();
    expect(editor.reopened().notes).toEqual([{ id, text: 'Cache\nthis', color: 'blue', position: { x: 210, y: 40 } }]);
  });

  it('pinning keeps the note where it is, its position then relative to the component; unpinning too', () => {
    const editor = createTestStore({ initial: chain() });
    const id = editor.s.addNote({ x: 90, y: 60 });
    const api = editor.s.doc.nodes.byId.get('api')!.position!;
    editor.s.pinNote(id, 'api');
    expect(editor.s.doc.notes.byId.get(id)).toMatchObject({ pin: 'api', position: { x: 0 - api.x, y: 0 - api.y } });
    editor.drag('api', { x: api.x + 100, y: api.y });
    // Relative to the component: it moved with it without a change of its own.
    expect(editor.s.doc.notes.byId.get(id)!.position).toEqual({ x: 0 - api.x, y: 0 - api.y });
    editor.s.pinNote(id, null);
    expect(editor.s.doc.notes.byId.get(id)!.position).toEqual({ x: 100, y: 0 });
    expect(editor.s.doc.notes.byId.get(id)!.pin).toBeUndefined();
  });

  it('a drag of a note on the canvas is one undo step', () => {
    const editor = createTestStore({ initial: chain() });
    const id = editor.s.addNote({ x: 90, y: 60 });
    for (const x of [10, 20, 30]) editor.s.onNoteChanges([{ type: 'position', id, position: { x, y: 0 }, dragging: true }]);
    editor.s.onNoteChanges([{ type: 'position', id, dragging: false }]);
    expect(editor.s.doc.notes.byId.get(id)!.position).toEqual({ x: 30, y: 0 });
    expect(editor.s.history.past).toHaveLength(2);
    editor.s.undo();
    expect(editor.s.doc.notes.byId.get(id)!.position).toEqual({ x: 0, y: 0 });
  });
});

describe('deleting components', () => {
  it('takes their endpoints, entities and path steps along and unpins their notes, in one undoable step', () => {
    const { editor, path } = designed();
    const note = editor.s.addNote({ x: 90, y: 60 });
    editor.s.pinNote(note, 'api');
    const before = editor.diagram();
    editor.select('api', 'db');
    editor.s.deleteSelection();
    const after = editor.diagram();
    expect(after.endpoints ?? []).toEqual([]);
    expect(after.entities ?? []).toEqual([]);
    expect(after.paths).toEqual([{ id: path, name: 'Shorten', requirement: before.requirements![0]!.id, steps: ['web'] }]);
    expect(after.notes).toEqual([{ id: note, text: '', color: 'yellow', position: { x: 0, y: 0 } }]);
    expect(() => editor.reopened()).not.toThrow();
    editor.s.undo();
    expect(editor.diagram()).toEqual(before);
  });
});
