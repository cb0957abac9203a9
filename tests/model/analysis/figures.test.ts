import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KIND_FIGURES, kindFigures, GENERIC_FIGURES, resolveNodeFigures } from '../../../src/model/analysis/figures';
import { KINDS, findKind } from '../../../src/model/catalog';

const doc = readFileSync(new URL('../../../docs/capacity-model.md', import.meta.url), 'utf8');

describe('typical figures', () => {
  it('exist for every server and datastore kind of the catalog, and for no other kind', () => {
    const withFigures = KINDS.filter((k) => k.role === 'server' || k.role === 'datastore').map((k) => k.id);
    expect(Object.keys(KIND_FIGURES).sort()).toEqual(withFigures.sort());
  });

  it('are the numbers docs/capacity-model.md shows, with the same source note', () => {
    for (const [kind, figures] of Object.entries(KIND_FIGURES)) {
      const row = `| ${findKind(kind)!.label} (\`${kind}\`) | ${figures.capacityRps.toLocaleString('en-US')} | ${figures.serviceTimeMs.toLocaleString('en-US')} |`;
      expect(doc).toContain(row);
      expect(doc).toContain(`| ${figures.source} |`);
    }
  });

  it('fall back to the generic figures for a kind the catalog does not know, even one named like a prototype key', () => {
    expect(kindFigures('mystery')).toBe(GENERIC_FIGURES);
    expect(kindFigures('__proto__')).toBe(GENERIC_FIGURES);
    expect(resolveNodeFigures('cache', { hitRatio: null }).hitRatio).toBeNull();
    expect(resolveNodeFigures('cache', undefined).hitRatio).toBe(0.8);
  });
});
