import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEdgeId, createId, idPrefix } from '../../src/model/ids';
import { LIMITS } from '../../src/model/limits';

describe('new ids', () => {
  it('are a readable prefix and a random suffix', () => {
    expect(createId('api-server', () => false)).toMatch(/^api-server-[0-9a-z]{6}$/);
    expect(createEdgeId(() => false)).toMatch(/^e-[0-9a-z]{6}$/);
  });

  it('copies take the readable part of the old id, never the whole of it', () => {
    expect(idPrefix('cache-k3x9qz')).toBe('cache');
    expect(idPrefix('cache-2')).toBe('cache');
    expect(idPrefix('Payments API (v2)')).toBe('payments-api-v2');
    expect(idPrefix('\u0000\ud800')).toBe('node');
    expect(idPrefix('x'.repeat(200)).length).toBeLessThanOrEqual(40);
  });

  it('two editors adding the same kind at once get different ids', () => {
    const a = new Set(Array.from({ length: 200 }, () => createId('api-server', () => false)));
    expect(a.size).toBe(200);
  });

  it('are never taken and never longer than the limit, whatever they are made from', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), fc.array(fc.string(), { maxLength: 3 }), (old, suffixes) => {
        let n = 0;
        // A suffix source that keeps repeating itself (as a counter shared by two tabs would).
        const suffix = () => suffixes[n++ % Math.max(1, suffixes.length)] ?? 'same';
        const taken = new Set<string>();
        for (let i = 0; i < 5; i++) {
          const id = createId(old, (c) => taken.has(c), suffix);
          expect(taken.has(id)).toBe(false);
          expect(id.length).toBeLessThanOrEqual(LIMITS.maxIdLength);
          taken.add(id);
        }
      }),
    );
  });
});
