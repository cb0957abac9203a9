import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecordMap } from '../../src/model/recordMap';

describe('RecordMap', () => {
  it('behaves as a Map under any sequence of changes, and earlier versions never change', () => {
    const id = fc.constantFrom<string>('a', 'b', '12', '3', '__proto__', 'constructor', 'z');
    const op = fc.record({ put: fc.array(fc.tuple(id, fc.integer()), { maxLength: 4 }), remove: fc.array(id, { maxLength: 3 }) });
    fc.assert(
      fc.property(fc.array(fc.tuple(id, fc.integer()), { maxLength: 10 }), fc.array(op, { maxLength: 60 }), (start, ops) => {
        let map = RecordMap.of(start);
        const reference = new Map(start);
        const versions: [RecordMap<number>, Map<string, number>][] = [];
        for (const { put, remove } of ops) {
          versions.push([map, new Map(reference)]);
          map = map.with(put, remove);
          for (const key of remove) reference.delete(key);
          for (const [key, value] of put) reference.set(key, value);
          expect(map.size).toBe(reference.size);
          expect(new Map(map)).toEqual(reference);
          for (const key of ['a', '12', '__proto__', 'missing']) {
            expect(map.get(key)).toBe(reference.get(key));
            expect(map.has(key)).toBe(reference.has(key));
          }
        }
        for (const [old, was] of versions) expect(new Map(old)).toEqual(was);
      }),
    );
  });
});
