/**
 * Undo in a live room (src/model/rebaseDiff.ts): a step replayed over a document others have
 * changed since takes back only what is still as this editor left it, and always leaves a
 * document whose file order lists exactly its records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rebaseDiff } from '../../src/model/rebaseDiff';
import { applyDiff, diffOf, invertDiff, recordsFromDiagram, type DiagramRecords } from '../../src/model/recordsDiff';
import type { DiagramRequirement } from '../../src/model/records/requirement';
import { emptyDiagram } from '../../src/model/diagram';

const ID = fc.constantFrom('r1', 'r2', 'r3', 'r4', 'r5', 'r6');
/** One editor's (or another's) change to the requirements: texts to put by id, ids to remove. */
const change = fc.record({ put: fc.array(fc.tuple(ID, fc.constantFrom('a', 'b', 'c')), { maxLength: 4 }), remove: fc.array(ID, { maxLength: 3 }) });

function changed(doc: DiagramRecords, c: { put: [string, string][]; remove: string[] }): DiagramRecords {
  const put: DiagramRequirement[] = c.put.map(([id, text]) => ({ id, text, priority: 'must' }));
  const remove = c.remove.filter((id) => !c.put.some(([p]) => p === id));
  return applyDiff(doc, diffOf(doc, { requirements: { put, remove } }));
}

function holdsTogether(doc: DiagramRecords): void {
  const { order, byId } = doc.requirements;
  expect(new Set(order).size).toBe(order.length);
  expect([...order].sort()).toEqual([...byId.keys()].sort());
}

describe('rebaseDiff', () => {
  it('undoes a step whole when nobody changed anything since', () => {
    fc.assert(
      fc.property(change, change, (first, mine) => {
        const start = changed(recordsFromDiagram(emptyDiagram()), first);
        const after = changed(start, mine);
        const step = invertDiff(diffBetween(start, after));
        const undone = applyDiff(after, rebaseDiff(after, step));
        expect(undone.requirements.order).toEqual(start.requirements.order);
        expect(new Map(undone.requirements.byId)).toEqual(new Map(start.requirements.byId));
      }),
      { numRuns: 200, seed: 20261202 },
    );
  });

  it('leaves a file order that lists exactly the records, whatever others changed since', () => {
    fc.assert(
      fc.property(change, change, change, (first, mine, theirs) => {
        const start = changed(recordsFromDiagram(emptyDiagram()), first);
        const after = changed(start, mine);
        const now = changed(after, theirs);
        const step = diffBetween(start, after);
        holdsTogether(applyDiff(now, rebaseDiff(now, invertDiff(step))));
        // And redo over that.
        const undone = applyDiff(now, rebaseDiff(now, invertDiff(step)));
        holdsTogether(applyDiff(undone, rebaseDiff(undone, step)));
      }),
      { numRuns: 300, seed: 20261202 },
    );
  });

  it('keeps a record someone changed after you added it, in its place (found by the convergence property)', () => {
    const start = recordsFromDiagram(emptyDiagram());
    const after = changed(start, { put: [['r1', 'mine']], remove: [] });
    const now = changed(after, { put: [['r1', 'theirs']], remove: [] });
    const undone = applyDiff(now, rebaseDiff(now, invertDiff(diffBetween(start, after))));
    expect(undone.requirements.order).toEqual(['r1']);
    expect(undone.requirements.byId.get('r1')?.text).toBe('theirs');
  });
});

/** The diff from `a` to `b` (requirements only), with the order. */
function diffBetween(a: DiagramRecords, b: DiagramRecords) {
  return diffOf(a, { requirements: { put: [...b.requirements.byId.values()], remove: [...a.requirements.byId.keys()].filter((id) => !b.requirements.byId.has(id)), order: b.requirements.order } });
}
