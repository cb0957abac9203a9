import { describe, expect, it } from 'vitest';
import { analyzeCapacity } from '../../../src/model/analysis/analyzeCapacity';
import { bottlenecksOf, describeBottleneck, formatRate, formatUtilization } from '../../../src/model/analysis/describeCapacity';
import { design } from './fixtures';

describe('describing bottlenecks', () => {
  const diagram = design(
    'bottom-up',
    ['web:web-client', 'api:api-server', 'search:search-index', 'db:sql-database'],
    ['web>api', 'api>search', 'api>db'],
  );

  it('says what the issue asks: load over instances × capacity, ρ, status, and the instances that fix it', () => {
    const analysis = analyzeCapacity({ diagram, totalRps: 12_000, figures: { nodes: { api: { instances: 4, capacityRps: 2_000 } } } });
    const [first] = bottlenecksOf(analysis);
    expect(describeBottleneck(first!, analysis.targetUtilization)).toBe(
      '"search" (Search Index): 12,000/s over 1 × 1,000/s → ρ 12, overloaded; 18 instances keep it under 70%',
    );
    expect(bottlenecksOf(analysis).map((n) => n.id)).toEqual(['search', 'db', 'api']);
    const api = analysis.nodes.find((n) => n.id === 'api')!;
    expect(describeBottleneck(api, 0.7)).toBe('"api" (API Server): 12,000/s over 4 × 2,000/s → ρ 1.5, overloaded; 9 instances keep it under 70%');
  });

  it('asks for one more instance when a component sits exactly on the target', () => {
    const analysis = analyzeCapacity({ diagram, totalRps: 700 });
    const api = analysis.nodes.find((n) => n.id === 'api')!;
    expect([api.status, api.utilization, api.instancesNeeded]).toEqual(['hot', 0.7, 1]);
    expect(describeBottleneck(api, 0.7)).toContain('→ ρ 0.7, hot; 2 instances keep it under 70%');
  });

  it('writes rates and utilisations so small ones do not read as zero', () => {
    expect([formatRate(12_000), formatRate(333.333), formatRate(12.345), formatRate(0.1234)]).toEqual(['12,000', '333', '12.3', '0.12']);
    expect([formatUtilization(1.5), formatUtilization(0.8333), formatUtilization(0.0012)]).toEqual(['1.5', '0.83', '0.001']);
  });
});
