import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareByOrderKey, orderKeysFor, parseOrderKey, sortByOrderKeys } from '../../src/model/sync/orderKeys';

/** Keys as a room holds them after `fresh` is written over `keys`. */
function written(keys: Map<string, string | null>, fresh: Map<string, string>): Map<string, string | null> {
  const out = new Map(keys);
  for (const [id, key] of fresh) out.set(id, key);
  return out;
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`);

describe('order keys', () => {
  it('sorts by key, records without one last, ties by id', () => {
    const keys = new Map<string, string | null>([
      ['b', 'a1'],
      ['a', 'a1'],
      ['c', null],
      ['d', 'a0'],
      ['e', null],
    ]);
    expect(sortByOrderKeys(['a', 'b', 'c', 'd', 'e'], (id) => keys.get(id) ?? null)).toEqual(['d', 'a', 'b', 'c', 'e']);
    expect(compareByOrderKey('x', 'Zz', 'y', 'a0')).toBeLessThan(0);
  });

  it('gives a room without keys one key per record, in order', () => {
    const fresh = orderKeysFor(['x', 'y', 'z'], () => null);
    expect([...fresh.keys()]).toEqual(['x', 'y', 'z']);
    expect(sortByOrderKeys(['z', 'y', 'x'], (id) => fresh.get(id) ?? null)).toEqual(['x', 'y', 'z']);
  });

  it('writes one key for an append and one for a move', () => {
    const keys = new Map<string, string | null>(written(new Map(), orderKeysFor(ids(5), () => null)));
    const append = orderKeysFor([...ids(5), 'new'], (id) => keys.get(id) ?? null);
    expect([...append.keys()]).toEqual(['new']);
    const moved = ['r0', 'r3', 'r1', 'r2', 'r4'];
    const move = orderKeysFor(moved, (id) => keys.get(id) ?? null);
    expect(move.size).toBe(1);
    const after = written(keys, move);
    expect(sortByOrderKeys(ids(5), (id) => after.get(id) ?? null)).toEqual(moved);
  });

  it('reads only bounded base-62 strings as keys', () => {
    expect(parseOrderKey('a0V')).toBe('a0V');
    for (const bad of [42, null, '', 'a0 ', 'a/0', 'x'.repeat(2000), { key: 'a0' }]) expect(parseOrderKey(bad)).toBeNull();
  });

  it('makes any order the room order from any keys a room may hold, rewriting only what must move', () => {
    const key = fc.oneof(fc.constant(null), fc.stringMatching(/^[a-zA-Z0-9]{1,6}$/));
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z]{1,3}$/), { minLength: 1, maxLength: 30 }).chain((list) =>
          fc.tuple(fc.constant(list), fc.array(key, { minLength: list.length, maxLength: list.length }), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        ([list, rawKeys, target]) => {
          const keys = new Map(list.map((id, i) => [id, rawKeys[i] ?? null] as const));
          const fresh = orderKeysFor(target, (id) => keys.get(id) ?? null);
          const after = written(keys, fresh);
          expect(sortByOrderKeys(list, (id) => after.get(id) ?? null)).toEqual(target);
          for (const k of fresh.values()) expect(parseOrderKey(k)).toBe(k);
          // Writing the same order again changes nothing.
          expect(orderKeysFor(target, (id) => after.get(id) ?? null).size).toBe(0);
        },
      ),
      { numRuns: 150, seed: 20261202 },
    );
  });

  it('gives every record a new, short key once keys have grown long', () => {
    // Inserting at one place over and over adds about a bit per insert; past 256 characters the
    // next move rekeys the table.
    const long = 'a0' + 'V'.repeat(300);
    const keys = new Map<string, string | null>([
      ['x', long],
      ['y', `${long}V`],
    ]);
    const fresh = orderKeysFor(['x', 'new', 'y'], (id) => keys.get(id) ?? null);
    expect([...fresh.keys()]).toEqual(['x', 'new', 'y']);
    for (const key of fresh.values()) expect(key.length).toBeLessThan(8);
    const after = written(keys, fresh);
    expect(sortByOrderKeys(['y', 'x', 'new'], (id) => after.get(id) ?? null)).toEqual(['x', 'new', 'y']);
  });
});
