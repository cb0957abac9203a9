// `archflow analyze` reads the file's own figures and peak, as the app does (issue 13): its JSON
// is the model's analysis of the file's figures, not of the catalog's defaults at 100 requests/s.
import { afterAll, describe, expect, it } from 'vitest';
import { analysisInputOf } from '../../src/model/analysis/analysisInput';
import { analyzeCapacity } from '../../src/model/analysis/analyzeCapacity';
import { serializeDiagramFile } from '../../src/model/serializeDiagramFile';
import { FIGURED_PEAK_RPS, figuredDesign } from '../fixtures/figuredDesign';
import { cli, expectOneLineFailure, tempDir } from './cliHarness';

const tmp = tempDir();
afterAll(() => tmp.remove());
const file = () => tmp.write('figured.archflow.json', serializeDiagramFile(figuredDesign()));

interface Json {
  totalRps: number;
  nodes: { id: string; load: number; utilization: number; instances: number; status: string }[];
  cutOff: string[];
}
const byId = (body: Json) => Object.fromEntries(body.nodes.map((n) => [n.id, n]));

describe('archflow analyze on a file with its own figures', () => {
  it('analyses the file at its own peak with its own figures, and exits 0 when that holds', async () => {
    const run = await cli('analyze', file(), '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as Json;
    expect(body.totalRps).toBeCloseTo(FIGURED_PEAK_RPS, 9);
    const model = analyzeCapacity(analysisInputOf(figuredDesign()));
    expect(body.nodes).toEqual(
      model.nodes.map(({ id, load, utilization, instances, instancesNeeded, latencyMs, status }) => ({ id, load, utilization, instances, instancesNeeded, latencyMs, status })),
    );
    // By hand (tests/fixtures/figuredDesign.ts): 1,000/s on each API over 2 × 800/s, the misses on the database.
    expect(byId(body)['api-a']).toMatchObject({ load: 1000, utilization: 0.625, instances: 2, status: 'hot' });
    expect(byId(body)['db']).toMatchObject({ load: 500, status: 'hot' });
    expect(byId(body)['db']!.utilization).toBeCloseTo(500 / 600, 12);
  });

  it('says in the report where the load and the figures come from', async () => {
    const run = await cli('analyze', file());
    expect(run.stdout).toContain('Load: 2,000 requests/s (from the file\u2019s scale figures), shared among 2 clients');
    expect(run.stdout).toContain('Bottlenecks (target utilisation 60%)');
    expect(run.stdout).toContain('"Mobile" (Mobile Client): 300/s');
  });

  it('--rps replaces the peak (clients with their own figure keep it) and exits 1 when something is overloaded', async () => {
    const run = await cli('analyze', file(), '--json', '--rps', '5000');
    expect(run.code).toBe(1);
    const body = JSON.parse(run.stdout) as Json;
    expect(body.totalRps).toBe(5000);
    expect(byId(body)['api-a']).toMatchObject({ load: 2500, status: 'overloaded' });
    expect(body).toEqual(JSON.parse((await cli('analyze', file(), '--json', '--rps', '5,000')).stdout));
  });

  it('a group marked down takes every component inside it down, nested groups included', async () => {
    const zoneA = JSON.parse((await cli('analyze', file(), '--json', '--down', 'zone-a')).stdout) as Json;
    expect(byId(zoneA)['api-a']!.status).toBe('down');
    expect(byId(zoneA)['api-b']).toMatchObject({ load: 2000, status: 'overloaded' });
    const zoneB = await cli('analyze', file(), '--down', 'zone-b');
    expect(zoneB.code).toBe(1);
    expect(zoneB.stdout).toContain('Down: "API B" (API Server), "Cache" (Cache), "DB" (SQL Database)');
    // API A still takes all the load balancer's traffic: the clients reach it, and it reaches nothing.
    expect(zoneB.stdout.trimEnd().split('\n').at(-1)).toBe('Does not hold: 1 overloaded, 2 cut off.');
  });

  it('exits 2 for a bad file or an id the file does not have', async () => {
    expectOneLineFailure(await cli('analyze', tmp.write('bad.json', '{"format":"archflow"')), 'bad.json');
    expectOneLineFailure(await cli('analyze', file(), '--down', 'zone-c'), '--down', 'zone-c');
  });
});
