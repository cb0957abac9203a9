// The shipped URL shortener design is a showcase: at its own stated peak (5,000,000 users × 20
// requests a day × peak factor 3 / 86,400 s ≈ 3,472 requests/s) with its own figures nothing
// may read as overloaded or unbounded, and its broken twin is broken only in its stats path.
import { describe, expect, it } from 'vitest';
import { analyzeCapacity } from '../../../src/model/analysis/analyzeCapacity';
import { peakLoadOf } from '../../../src/model/analysis/peakLoad';
import { parseDiagramFile } from '../../../src/model/parseDiagramFile';
import { analysisInputOf } from '../../../src/model/analysis/analysisInput';
import { readExample } from '../../examples';

function analyzeExample(name: string) {
  const parsed = parseDiagramFile(readExample(name));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const design = parsed.value;
  const peak = peakLoadOf(design);
  return { design, peak, analysis: analyzeCapacity(analysisInputOf(design)) };
}

describe('the URL shortener design examples at their stated peak', () => {
  it('hold: nothing hot or overloaded, no single point of failure, every path inside the p99 and availability targets', () => {
    const { design, peak, analysis } = analyzeExample('url-shortener-design.archflow.json');
    expect(peak.source).toBe('scale');
    expect(peak.rps).toBeCloseTo((5_000_000 * 20 * 3) / 86_400, 6);
    expect(analysis.nodes.filter((n) => n.status !== 'ok').map((n) => n.id)).toEqual([]);
    expect(analysis.spof).toEqual([]);
    // The API: 3,472/s over 6 × 1,000/s.
    expect(analysis.nodes.find((n) => n.id === 'api')!.utilization).toBeCloseTo(3472.222 / 6000, 3);
    expect(analysis.paths.map((p) => p.id)).toEqual(design.paths!.map((p) => p.id));
    for (const path of [...analysis.paths, ...analysis.clients.map((c) => ({ ...c.path, id: c.id }))]) {
      expect(path.latencyMs, path.id).not.toBeNull();
      expect(path.latencyMs!, path.id).toBeLessThanOrEqual(design.scale!.p99LatencyMs!);
      expect(path.availability, path.id).toBeGreaterThanOrEqual(design.scale!.availabilityTarget! / 100);
    }
  });

  it('the broken one differs only in its stats path', () => {
    const { analysis } = analyzeExample('url-shortener-design-broken.archflow.json');
    expect(analysis.nodes.filter((n) => n.status !== 'ok').map((n) => n.id)).toEqual([]);
    expect(analysis.paths.filter((p) => p.broken).map((p) => p.id)).toEqual(['p-stats']);
  });
});
