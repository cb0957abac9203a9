/**
 * Diffs are how every change reaches the document, undo, autosave and (later) other people: one
 * applied and then its inverse must change nothing, and a squash must equal its two parts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DiagramEdge, DiagramNode } from '../../src/model/diagram';
import {
  applyDiff,
  diagramFromRecords,
  diffOf,
  EMPTY_DIFF,
  invertDiff,
  isEmptyDiff,
  recordsFromDiagram,
  squashDiffs,
  type DiagramRecords,
  type DocumentDiff,
} from '../../src/model/recordsDiff';
import { arbitraryDiagram } from './arbitraries';

/** A random change to `doc`: records replaced, added (ids like "12" and "__proto__" too), removed, reordered, retitled. */
function arbitraryChange(doc: DiagramRecords): fc.Arbitrary<DocumentDiff> {
  const nodeIds = [...doc.nodes.order];
  const edgeIds = [...doc.edges.order];
  const newId = fc.oneof(fc.constantFrom('12', '3', '__proto__', 'constructor', 'n-new'), fc.string({ minLength: 1, maxLength: 4 }));
  const pickSome = (ids: string[]) => (ids.length === 0 ? fc.constant<string[]>([]) : fc.subarray(ids));
  return fc
    .record({
      renamed: pickSome(nodeIds),
      removedNodes: pickSome(nodeIds),
      removedEdges: pickSome(edgeIds),
      added: fc.array(newId, { maxLength: 3 }),
      addedEdges: fc.array(newId, { maxLength: 2 }),
      title: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }),
      shuffle: fc.boolean(),
      seed: fc.integer(),
    })
    .map(({ renamed, removedNodes, removedEdges, added, addedEdges, title, shuffle, seed }) => {
      const puts: DiagramNode[] = renamed.map((id) => ({ ...doc.nodes.byId.get(id)!, label: `renamed ${seed}` }));
      for (const id of added) puts.push({ id, kind: 'cache', label: id, position: { x: seed % 100, y: 0 } });
      const edgePuts: DiagramEdge[] = addedEdges.map((id) => ({ id, source: 'a', target: 'b' }));
      const remaining = nodeIds.filter((id) => !removedNodes.includes(id));
      const order = shuffle ? [...new Set([...remaining, ...added])].reverse() : undefined;
      return diffOf(doc, {
        ...(title !== undefined ? { meta: { ...doc.meta, title } } : {}),
        nodes: { put: puts, remove: removedNodes.filter((id) => !added.includes(id) && !renamed.includes(id)), ...(order ? { order } : {}) },
        edges: { put: edgePuts, remove: removedEdges.filter((id) => !addedEdges.includes(id)) },
      });
    });
}

const docs = arbitraryDiagram({ maxNodes: 8, maxEdges: 8, design: true }).map(recordsFromDiagram);

describe('records diffs', () => {
  it('applying a diff and then its inverse gives back the same document, file order included', () => {
    fc.assert(
      fc.property(
        docs.chain((doc) => fc.tuple(fc.constant(doc), arbitraryChange(doc))),
        ([doc, diff]) => {
          const changed = applyDiff(doc, diff);
          const back = applyDiff(changed, invertDiff(diff));
          expect(diagramFromRecords(back)).toEqual(diagramFromRecords(doc));
          expect([...back.nodes.byId.keys()].sort()).toEqual([...doc.nodes.byId.keys()].sort());
        },
      ),
    );
  });

  it('a squash of two diffs does what applying one after the other does, and inverts as one', () => {
    fc.assert(
      fc.property(
        docs.chain((doc) =>
          arbitraryChange(doc).chain((a) => {
            const mid = applyDiff(doc, a);
            return fc.tuple(fc.constant(doc), fc.constant(a), arbitraryChange(mid));
          }),
        ),
        ([doc, a, b]) => {
          const stepwise = applyDiff(applyDiff(doc, a), b);
          const squashed = applyDiff(doc, squashDiffs(a, b));
          expect(diagramFromRecords(squashed)).toEqual(diagramFromRecords(stepwise));
          expect([...squashed.nodes.byId.keys()].sort()).toEqual([...stepwise.nodes.byId.keys()].sort());
          expect(diagramFromRecords(applyDiff(squashed, invertDiff(squashDiffs(a, b))))).toEqual(diagramFromRecords(doc));
        },
      ),
    );
  });

  it('by hand: a rename, an addition and a removal, undone', () => {
    const doc = recordsFromDiagram({
      title: 'T',
      flow: 'bottom-up',
      nodes: [
        { id: '12', kind: 'cache', label: 'twelve' },
        { id: '3', kind: 'cache', label: 'three' },
      ],
      edges: [],
    });
    // "12" before "3": a plain object would list "3" first.
    const diff = diffOf(doc, {
      nodes: { put: [{ id: '3', kind: 'cache', label: 'THREE' }, { id: 'x', kind: 'queue', label: 'x' }], remove: ['12'] },
    });
    expect([...diff.nodes.updated.keys()]).toEqual(['3']);
    expect([...diff.nodes.added.keys()]).toEqual(['x']);
    expect([...diff.nodes.removed.keys()]).toEqual(['12']);
    expect(diff.nodes.order).toEqual([['12', '3'], ['3', 'x']]);
    const after = applyDiff(doc, diff);
    expect(diagramFromRecords(after).nodes.map((n) => n.label)).toEqual(['THREE', 'x']);
    expect(diagramFromRecords(applyDiff(after, invertDiff(diff))).nodes.map((n) => n.id)).toEqual(['12', '3']);
    // Unchanged records and tables keep their identity.
    expect(applyDiff(doc, diffOf(doc, { meta: { ...doc.meta, title: 'U' } })).nodes).toBe(doc.nodes);
  });

  it('an empty diff changes nothing, and putting a record unchanged is no diff', () => {
    const doc = recordsFromDiagram({ title: 'T', flow: 'bottom-up', nodes: [{ id: 'a', kind: 'cache', label: 'A' }], edges: [] });
    expect(applyDiff(doc, EMPTY_DIFF)).toBe(doc);
    expect(isEmptyDiff(diffOf(doc, { nodes: { put: [doc.nodes.byId.get('a')!] } }))).toBe(true);
    expect(isEmptyDiff(squashDiffs(EMPTY_DIFF, EMPTY_DIFF))).toBe(true);
  });
});
