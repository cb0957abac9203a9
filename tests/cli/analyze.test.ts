import { afterAll, describe, expect, it } from 'vitest';
import { examplePath } from '../model/validateFlow.fixtures';
import { cli, expectOneLineFailure, fileText, tempDir } from './cliHarness';

const SHORTENER = examplePath('url-shortener.archflow.json');
const tmp = tempDir();
afterAll(() => tmp.remove());

const threeTier = () =>
  tmp.write('three-tier.json', fileText('bottom-up', ['web:web-client', 'app:mobile-client', 'api:api-server', 'db:sql-database'], ['web>api', 'app>api', 'api>db']));

describe('archflow analyze (readable report)', () => {
  it('puts the bottlenecks first, each with what to change, and exits 1 when something is overloaded', async () => {
    const run = await cli('analyze', SHORTENER, '--rps', '12000');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const lines = run.stdout.split('\n');
    expect(lines).toContain('Load: 12,000 requests/s (--rps), shared among 2 clients');
    const bottlenecks = lines.indexOf('Bottlenecks (target utilisation 70%)');
    expect(lines[bottlenecks + 1]).toBe(
      '  "Shortener API" (API Server): 12,000/s over 1 × 1,000/s → ρ 12, overloaded; 18 instances keep it under 70%',
    );
    expect(lines[bottlenecks + 2]).toBe(
      '  "Links" (NoSQL Database): 12,000/s over 1 × 10,000/s → ρ 1.2, overloaded; 2 instances keep it under 70%',
    );
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('Does not hold: 2 overloaded, 0 cut off.');
  });

  it('says which load it used when none is given, and exits 0 when everything holds', async () => {
    const run = await cli('analyze', SHORTENER);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Load: 100 requests/s (the default load; set it with --rps N)');
    expect(run.stdout).toContain('  none: every component stays under 70%');
    expect(run.stdout).toContain('"Load balancer" (Load Balancer), "Shortener API" (API Server)');
    expect(run.stdout).toContain('"Browser" (Web Client): 50/s along browser → lb → api → cache; 22 ms, 99.7%');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('Holds: 0 overloaded, 0 cut off.');
  });

  it('lists the clients cut off when the only database is down, and exits 1', async () => {
    const run = await cli('analyze', threeTier(), '--down', 'db');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Down: "DB" (SQL Database)');
    expect(run.stdout).toContain('"WEB" (Web Client): 50/s along web → api; CUT OFF: no route to any datastore');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('Does not hold: 0 overloaded, 2 cut off.');
  });
});

describe('archflow analyze --json', () => {
  it('prints one object with the issue\u2019s keys', async () => {
    const run = await cli('analyze', threeTier(), '--json', '--rps', '900');
    expect(run.code).toBe(0);
    const body = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['totalRps', 'nodes', 'spof', 'cutOff', 'paths', 'clients']);
    expect(body).toMatchObject({ totalRps: 900, spof: ['api', 'db'], cutOff: [], paths: [] });
    expect(body.nodes).toEqual([
      { id: 'api', load: 900, utilization: 0.9, instances: 1, instancesNeeded: 2, latencyMs: expect.any(Number), status: 'hot' },
      { id: 'db', load: 900, utilization: 0.18, instances: 1, instancesNeeded: 1, latencyMs: expect.any(Number), status: 'ok' },
    ]);
    expect(body.clients).toEqual([
      { id: 'web', rps: 450, path: ['web', 'api', 'db'], latencyMs: expect.any(Number), availability: 0.999 ** 2 },
      { id: 'app', rps: 450, path: ['app', 'api', 'db'], latencyMs: expect.any(Number), availability: 0.999 ** 2 },
    ]);
  });

  it('gives null latency for an overloaded component and lists the clients cut off', async () => {
    const run = await cli('analyze', threeTier(), '--json', '--rps', '2000', '--down', 'db');
    expect(run.code).toBe(1);
    const body = JSON.parse(run.stdout) as { nodes: { id: string; latencyMs: unknown; status: string }[]; cutOff: string[] };
    expect(body.nodes.map((n) => [n.id, n.status, n.latencyMs])).toEqual([
      ['api', 'overloaded', null],
      ['db', 'down', null],
    ]);
    expect(body.cutOff).toEqual(['web', 'app']);
  });
});

describe('archflow analyze failures', () => {
  it('refuses a bad file, a bad load and an unknown component with one line and exit 2', async () => {
    expectOneLineFailure(await cli('analyze', tmp.write('bad.json', '{"hello": 1}')), 'bad.json');
    expectOneLineFailure(await cli('analyze', tmp.path('missing.json')), 'missing.json');
    expectOneLineFailure(await cli('analyze', SHORTENER, '--rps', 'lots'), '--rps must be a number', '"lots"');
    expectOneLineFailure(await cli('analyze', SHORTENER, '--rps', '-5'), '--rps');
    expectOneLineFailure(await cli('analyze', SHORTENER, '--down', 'api,nope'), '--down: "nope" is not a component');
    expectOneLineFailure(await cli('analyze', SHORTENER, '--flow', 'top-down'), '--flow');
    expectOneLineFailure(await cli('analyze'), 'needs a FILE');
  });

  it('is in the help', async () => {
    const run = await cli('analyze', '--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('archflow analyze FILE [--rps N] [--down ID,ID] [--json]');
  });
});
