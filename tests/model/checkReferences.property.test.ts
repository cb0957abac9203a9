/**
 * The duplicate-id refusals of the cross-record pass name the first repeat and the record that
 * first held the id, whatever the order of the records.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../src/model/diagram';
import { checkReferences } from '../../src/model/records/checkReferences';

const ids = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { minLength: 1, maxLength: 8 });

/** The expected refusal, found the slow way: each id looked for among those before it. */
function firstRepeat(table: string, list: readonly string[]): string | undefined {
  for (let i = 0; i < list.length; i++) {
    const before = list.indexOf(list[i]!);
    if (before < i) return `${table}[${i}].id: "${list[i]!}" is already the id of ${table}[${before}]`;
  }
  return undefined;
}

function diagram(nodeIds: readonly string[], edgeIds: readonly string[]): Diagram {
  return {
    title: 't',
    flow: 'top-down',
    nodes: nodeIds.map((id, i) => ({ id, kind: 'service', label: id, position: { x: i, y: 0 } })),
    edges: edgeIds.map((id) => ({ id, source: nodeIds[0]!, target: nodeIds[0]! })),
  };
}

describe('checkReferences: duplicate ids', () => {
  it('names the first repeated node id, then the first repeated edge id, and the record that held it first', () => {
    fc.assert(
      fc.property(ids, fc.array(fc.constantFrom('e1', 'e2', 'e3', 'e4'), { maxLength: 6 }), (nodeIds, edgeIds) => {
        const expected = firstRepeat('nodes', nodeIds) ?? firstRepeat('edges', edgeIds);
        expect(checkReferences(diagram(nodeIds, edgeIds))?.message).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('a hand-checked case: the third "b" is reported against the first', () => {
    expect(checkReferences(diagram(['a', 'b', 'c', 'b'], []))?.message).toBe('nodes[3].id: "b" is already the id of nodes[1]');
    expect(checkReferences(diagram(['a'], ['e1', 'e2', 'e2']))?.message).toBe('edges[2].id: "e2" is already the id of edges[1]');
  });
});
