/**
 * Copy, cut, paste, duplicate and select-all with the design (issue 12): a copy of components
 * carries their endpoints, entities, pinned notes and the request paths inside them; selected
 * notes come too; a paste gives every record a fresh id, points references at the copies, keeps
 * requirement references only where the requirement exists, and is one undo step. Pasted text
 * is untrusted: read like a file, refused with a placed message, never thrown on.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../src/model/diagram';
import { LIMITS } from '../../src/model/limits';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';
import { serializeDiagramFile } from '../../src/model/serializeDiagramFile';
import { chain } from '../fixtures/diagramBuilder';
import { arbitraryDiagram } from '../model/arbitraries';
import { designedStore } from './designedStore';
import { createTestStore, type TestStore } from './testStore';

/** The shared design, its path now inside api → db, with a note pinned to api and a loose note. */
function designed() {
  const { editor, req, ep, entity, path } = designedStore();
  editor.s.updatePath(path, { name: 'Store', steps: ['api', 'db'] });
  const pinned = editor.s.addNote({ x: 90, y: 260 }, { text: 'Stateless' });
  editor.s.pinNote(pinned, 'api');
  const loose = editor.s.addNote({ x: 500, y: 500 }, { text: 'Loose' });
  editor.s.selectNotes([]);
  return { editor, req, ep, entity, path, pinned, loose };
}

/** Records added since `before`, per table. */
function added(editor: TestStore, before: Diagram) {
  const after = editor.diagram();
  const fresh = <T extends { id: string }>(now: T[] | undefined, then: T[] | undefined) => {
    const old = new Set((then ?? []).map((r) => r.id));
    return (now ?? []).filter((r) => !old.has(r.id));
  };
  return {
    nodes: fresh(after.nodes, before.nodes),
    edges: fresh(after.edges, before.edges),
    endpoints: fresh(after.endpoints, before.endpoints),
    entities: fresh(after.entities, before.entities),
    paths: fresh(after.paths, before.paths),
    notes: fresh(after.notes, before.notes),
  };
}

describe('copy and paste with the design', () => {
  it('a copy of a server and its database carries endpoints, entities, the path inside them and the pinned note, all pointing at the copies', () => {
    const { editor, req } = designed();
    const before = editor.diagram();
    editor.select('api', 'db');
    editor.s.copySelection();
    editor.s.paste();
    const copy = added(editor, before);
    const [api, db] = copy.nodes.map((n) => n.id);
    expect(copy.nodes.map((n) => n.label)).toEqual(['API', 'DB']);
    expect(copy.edges.map((e) => [e.source, e.target])).toEqual([[api, db]]);
    expect(copy.endpoints).toHaveLength(1);
    const ep = copy.endpoints[0]!;
    expect(ep).toMatchObject({ node: api, method: 'POST', path: '/v1/urls', requirements: [req] });
    expect(copy.entities).toEqual([{ id: expect.any(String), node: db, name: 'Url', fields: [{ name: 'id', type: 'uuid', primaryKey: true }], endpoints: [ep.id] }]);
    expect(copy.paths).toEqual([{ id: expect.any(String), name: 'Store', requirement: req, endpoint: ep.id, steps: [api, db] }]);
    // Pinned to the copy, at the same place relative to it; the loose note was not selected.
    expect(copy.notes).toEqual([{ ...before.notes![0]!, id: expect.any(String), pin: api }]);
    // Fresh ids everywhere.
    for (const [table, records] of Object.entries(copy)) {
      const old = new Set(((before as unknown as Record<string, { id: string }[] | undefined>)[table] ?? []).map((r) => r.id));
      for (const r of records) expect(old.has(r.id)).toBe(false);
    }
    // What was pasted is selected, notes included.
    expect([...editor.s.selection.nodes]).toEqual([api, db]);
    expect([...editor.s.noteSelection]).toEqual([copy.notes[0]!.id]);
    // One step: one undo takes all of it back.
    expect(editor.reopened()).toEqual(editor.diagram());
    editor.s.undo();
    expect(editor.diagram()).toEqual(before);
  });

  it('a path with a step outside the selection stays behind, and references to records left behind are let go', () => {
    const { editor } = designed();
    const before = editor.diagram();
    // db alone: its entity was read by an endpoint on api, and the path also visits api.
    editor.select('db');
    editor.s.duplicateSelection();
    const copy = added(editor, before);
    expect(copy.nodes).toHaveLength(1);
    expect(copy.entities).toHaveLength(1);
    expect(copy.entities[0]!.endpoints).toBeUndefined();
    expect(copy.paths).toEqual([]);
    expect(copy.edges).toEqual([]);
    expect(editor.reopened()).toEqual(editor.diagram());
  });

  it('a path whose first endpoint is on a component not copied comes without it', () => {
    const { editor, path } = designed();
    editor.s.updatePath(path, { steps: ['db'] });
    const before = editor.diagram();
    editor.select('db');
    editor.s.duplicateSelection();
    const copy = added(editor, before);
    expect(copy.paths).toEqual([{ id: expect.any(String), name: 'Store', requirement: before.requirements![0]!.id, steps: [copy.nodes[0]!.id] }]);
  });

  it('a selected note comes on its own; one pinned to a component left behind comes unpinned where it stands', () => {
    const { editor, pinned, loose } = designed();
    const before = editor.diagram();
    editor.s.selectNotes([pinned, loose]);
    editor.s.duplicateSelection();
    const copy = added(editor, before);
    expect(copy.nodes).toEqual([]);
    // api is at (0, 200) and the note sits at (0, 0) relative to it; each copy 40 to the right and down.
    expect(copy.notes.map((n) => [n.text, n.pin, n.position])).toEqual([
      ['Stateless', undefined, { x: 40, y: 240 }],
      ['Loose', undefined, { x: 450, y: 480 }],
    ]);
    expect([...editor.s.noteSelection]).toEqual(copy.notes.map((n) => n.id));
    editor.s.undo();
    expect(editor.diagram()).toEqual(before);
  });

  it('pasted into another diagram, requirement references it lacks are dropped and the ones it has are kept', () => {
    const { editor, req } = designed();
    editor.select('api', 'db');
    const text = editor.s.copySelectionText()!;
    expect(JSON.parse(text)).toMatchObject({ format: 'archflow-fragment', version: 2 });

    const other = createTestStore({ initial: chain() });
    const before = other.diagram();
    expect(other.s.pasteText(text)).toBe(true);
    const copy = added(other, before);
    expect(copy.endpoints[0]!.requirements).toBeUndefined();
    expect(copy.paths[0]!.requirement).toBeUndefined();
    expect(copy.paths[0]!.endpoint).toBe(copy.endpoints[0]!.id);
    expect(copy.entities[0]!.endpoints).toEqual([copy.endpoints[0]!.id]);
    expect(other.reopened()).toEqual(other.diagram());

    // A diagram with a requirement of the same id keeps the reference.
    const third = createTestStore({ initial: { ...chain(), requirements: [{ id: req, text: 'Same', priority: 'must' }] } });
    third.s.pasteText(text);
    expect(third.diagram().endpoints![0]!.requirements).toEqual([req]);
  });
});

describe('pasted text is untrusted', () => {
  const fragment = (body: object) => JSON.stringify({ format: 'archflow-fragment', version: 2, nodes: [{ id: 'a', kind: 'api-server', label: 'A', position: { x: 0, y: 0 } }], edges: [], ...body });

  it.each([
    ['an endpoint with an unknown method', { endpoints: [{ id: 'x', node: 'a', method: 'FETCH', path: '/' }] }, /endpoints\[0\]\.method/],
    ['an endpoint on a component not in it', { endpoints: [{ id: 'x', node: 'nope', method: 'GET', path: '/' }] }, /endpoints\[0\]\.node: "nope" is not a node id/],
    ['a note pinned to a component not in it', { notes: [{ id: 'n', text: '', position: { x: 0, y: 0 }, pin: 'nope' }] }, /notes\[0\]\.pin/],
    ['a path through a component not in it', { paths: [{ id: 'p', name: '', steps: ['a', 'nope'] }] }, /paths\[0\]\.steps\[1\]/],
    ['two notes with one id', { notes: [{ id: 'n', text: '', position: { x: 0, y: 0 } }, { id: 'n', text: '', position: { x: 0, y: 0 } }] }, /notes\[1\]\.id/],
    ['a version from the future', { version: 99 }, /newer Archflow/],
  ])('refuses %s with a message naming the place, and leaves the diagram as it was', (_what, body, message) => {
    const editor = createTestStore({ initial: chain() });
    const before = editor.diagram();
    expect(editor.s.pasteText(fragment(body))).toBe(true);
    expect(editor.s.notices.at(-1)).toMatchObject({ tone: 'error', message: expect.stringMatching(message) });
    expect(editor.s.notices.at(-1)!.message).toMatch(/Your diagram was not changed\.$/);
    expect(editor.diagram()).toEqual(before);
    expect(editor.s.history.past).toHaveLength(0);
  });

  it('takes records within the limits: long ids get short fresh ones, coordinates at the edge stay within it, text is cleaned', () => {
    const long = 'n'.repeat(LIMITS.maxIdLength);
    const editor = createTestStore({ initial: chain() });
    editor.s.pasteText(JSON.stringify({
      format: 'archflow-fragment',
      nodes: [{ id: long, kind: 'api-server', label: 'A\u0007PI', position: { x: LIMITS.maxCoordinate, y: 0 } }],
      edges: [],
      endpoints: [{ id: long, node: long, method: 'GET', path: '/x', requirements: ['gone'] }],
      notes: [{ id: 'n', text: 'hi\u0000', position: { x: -LIMITS.maxCoordinate + 1, y: 0 } }],
    }));
    const d = editor.diagram();
    const node = d.nodes.at(-1)!;
    expect(node.id).toMatch(/^n{40}-\d+$/);
    expect(node.label).toBe('API');
    expect(node.position).toEqual({ x: LIMITS.maxCoordinate, y: 40 });
    expect(d.endpoints).toEqual([{ id: expect.stringMatching(/^n{40}-\d+$/), node: node.id, method: 'GET', path: '/x' }]);
    expect(d.notes).toEqual([{ id: expect.any(String), text: 'hi', position: { x: -LIMITS.maxCoordinate + 41, y: 40 } }]);
    expect(editor.reopened()).toEqual(d);
  });

  it('a fragment of version 1 (nodes and edges, no version) still pastes', () => {
    const editor = createTestStore({ initial: chain() });
    expect(editor.s.pasteText(JSON.stringify({ format: 'archflow-fragment', nodes: [{ id: 'c', kind: 'cache', label: 'C' }], edges: [] }))).toBe(true);
    expect(editor.diagram().nodes).toHaveLength(4);
  });

  it('a paste that would take the diagram past a limit adds nothing and says why', () => {
    const notes = Array.from({ length: LIMITS.maxDesignRecords }, (_, i) => ({ id: `n${i}`, text: '', position: { x: 0, y: 0 } }));
    const editor = createTestStore({ initial: { ...chain(), notes } });
    editor.select('api');
    editor.s.selectNotes(['n0']);
    editor.s.duplicateSelection();
    expect(editor.diagram().nodes).toHaveLength(3);
    expect(editor.s.notices.at(-1)).toMatchObject({ tone: 'warning', message: expect.stringMatching(/at most 20,000 notes/) });
  });
});

describe('select all, delete and cut', () => {
  it('select all takes the notes too, and deleting components, connections and notes together is one undo step', () => {
    const { editor } = designed();
    const before = editor.diagram();
    editor.s.selectAll();
    expect(editor.s.noteSelection.size).toBe(2);
    editor.s.deleteSelection();
    const after = editor.diagram();
    expect(after.nodes).toEqual([]);
    expect(after.notes).toBeUndefined();
    expect(after.endpoints).toBeUndefined();
    expect(editor.s.noteSelection.size).toBe(0);
    editor.s.undo();
    expect(editor.diagram()).toEqual(before);
    editor.s.redo();
    expect(editor.diagram()).toEqual(after);
  });

  it('cut removes what it copied (the pinned note too) in one undo step, and pasting gives it back under fresh ids', () => {
    const { editor, loose } = designed();
    const before = editor.diagram();
    editor.select('api');
    editor.s.selectNotes([loose]);
    const steps = editor.s.history.past.length;
    const text = editor.s.cutSelectionText()!;
    expect(editor.diagram().notes).toBeUndefined();
    expect(editor.s.history.past).toHaveLength(steps + 1);
    const cut = editor.diagram();
    editor.s.pasteText(text);
    const copy = added(editor, cut);
    expect(copy.nodes.map((n) => n.label)).toEqual(['API']);
    expect(copy.endpoints).toHaveLength(1);
    expect(copy.notes.map((n) => n.text)).toEqual(['Stateless', 'Loose']);
    editor.s.undo();
    expect(editor.diagram()).toEqual(cut);
    editor.s.undo();
    expect(editor.diagram()).toEqual(before);
  });

  it('selecting by ids (a finding, a row in a panel) selects exactly those: no note left selected is deleted with them', () => {
    const { editor, loose } = designed();
    editor.s.selectNotes([loose]);
    editor.select('web');
    editor.s.deleteSelection();
    expect(editor.diagram().notes!.map((n) => n.id)).toContain(loose);
  });
});

describe('property: any copied selection pastes into a diagram that saves and opens again', () => {
  it('into the same diagram or another, with no reference left dangling, and one undo takes the paste back', () => {
    const design = arbitraryDiagram({ design: true, maxNodes: 8, maxEdges: 10 });
    fc.assert(
      fc.property(design, design, fc.boolean(), fc.array(fc.nat(), { maxLength: 6 }), fc.array(fc.nat(), { maxLength: 3 }), (source, other, elsewhere, nodePicks, notePicks) => {
        const editor = createTestStore({ initial: source });
        const nodes = editor.s.doc.nodes.order;
        const notes = editor.s.doc.notes.order;
        editor.s.select(nodePicks.flatMap((i) => (nodes.length > 0 ? [nodes[i % nodes.length]!] : [])));
        editor.s.selectNotes(notePicks.flatMap((i) => (notes.length > 0 ? [notes[i % notes.length]!] : [])));
        const text = editor.s.copySelectionText();
        fc.pre(text !== null);
        const target = elsewhere ? createTestStore({ initial: other }) : editor;
        const before = target.diagram();
        expect(target.s.pasteText(text)).toBe(true);
        expect(target.s.notices.filter((n) => n.tone === 'error')).toEqual([]);
        const after = target.diagram();
        // Saved and opened again: the parser checks every reference (checkReferences).
        const reopened = parseDiagramFile(serializeDiagramFile(after));
        if (!reopened.ok) throw new Error(reopened.error.message);
        expect(reopened.value).toEqual(after);
        const copied = JSON.parse(text) as Record<string, unknown[] | undefined>;
        const copy = added(target, before);
        for (const table of ['nodes', 'edges', 'endpoints', 'entities', 'paths', 'notes'] as const) {
          expect(copy[table]).toHaveLength(copied[table]?.length ?? 0);
        }
        target.s.undo();
        expect(target.diagram()).toEqual(before);
      }),
      { numRuns: 60, seed: 12 },
    );
  });
});

describe('moving components and notes together', () => {
  it('is one undo step, as React Flow reports it (the notes changes first, then the components)', () => {
    const { editor, loose } = designed();
    const before = editor.diagram();
    const steps = editor.s.history.past.length;
    for (let i = 1; i <= 3; i++) {
      editor.s.onNoteChanges([{ type: 'position', id: loose, position: { x: 410 + 10 * i, y: 440 }, dragging: true }]);
      editor.s.onNodesChange([{ type: 'position', id: 'web', position: { x: 10 * i, y: 400 }, dragging: true }]);
    }
    editor.s.onNoteChanges([{ type: 'position', id: loose, dragging: false }]);
    editor.s.onNodesChange([{ type: 'position', id: 'web', dragging: false }]);
    expect(editor.s.doc.nodes.byId.get('web')!.position).toEqual({ x: 30, y: 400 });
    expect(editor.s.doc.notes.byId.get(loose)!.position).toEqual({ x: 440, y: 440 });
    expect(editor.s.history.past).toHaveLength(steps + 1);
    editor.s.undo();
    expect(editor.diagram()).toEqual(before);
  });
});
