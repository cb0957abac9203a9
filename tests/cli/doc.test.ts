import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { serializeDesignDoc } from '../../src/io/designDoc';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';
import { examplePath } from '../model/validateFlow.fixtures';
import { cli, expectOneLineFailure, tempDir } from './cliHarness';

const DESIGN = examplePath('url-shortener-design.archflow.json');
const tmp = tempDir();
afterAll(() => tmp.remove());

function expected(file: string): string {
  const parsed = parseDiagramFile(readFileSync(file, 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return serializeDesignDoc(parsed.value);
}

describe('archflow doc', () => {
  it('prints the design document on stdout', async () => {
    const run = await cli('doc', DESIGN);
    expect(run).toEqual({ code: 0, stdout: expected(DESIGN), stderr: '' });
    expect(run.stdout).toMatch(/^# URL shortener \(design\)\n/);
  });

  it('writes it to OUT with -o and says where', async () => {
    const out = tmp.path('design.md');
    const run = await cli('doc', DESIGN, '-o', out);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(`Wrote the design document of ${DESIGN} (5 request paths) to ${out}\n`);
    expect(readFileSync(out, 'utf8')).toBe(expected(DESIGN));
  });

  it('makes a document of a diagram with errors too (exit 0), its Checks section says so', async () => {
    const run = await cli('doc', examplePath('url-shortener-design-broken.archflow.json'));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Not valid in the bottom-up flow: 1 error');
  });

  it('exits 2 with one line for a missing file, a file that is not a diagram, or an unwritable OUT', async () => {
    expectOneLineFailure(await cli('doc', tmp.path('missing.json')), 'no such file');
    const bad = tmp.write('bad.json', '{"format":"archflow","version":2,"title":"x","flow":"bottom-up","nodes":[],"edges":[],"paths":[{"id":"p","name":"p","steps":["ghost"]}]}');
    const refused = await cli('doc', bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('paths[0].steps[0]');
    expectOneLineFailure(await cli('doc', DESIGN, '-o', tmp.path('no/such/dir/out.md')), 'cannot write');
  });

  it('refuses extra arguments and unknown flags, and documents itself in the usage', async () => {
    expect((await cli('doc')).code).toBe(2);
    expect((await cli('doc', DESIGN, 'more')).stderr).toContain('doc takes one FILE');
    expect((await cli('doc', DESIGN, '--json')).code).toBe(2);
    const help = await cli('doc', '--help');
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('archflow doc FILE [-o OUT.md]');
  });
});

describe('archflow validate on the design examples', () => {
  it('passes the clean design (exit 0) and fails the broken one (exit 1) with the path named in the JSON', async () => {
    const clean = await cli('validate', DESIGN, '--json');
    expect(clean.code).toBe(0);
    expect(JSON.parse(clean.stdout)).toEqual({ valid: true, flow: 'bottom-up', findings: [] });
    const run = await cli('validate', examplePath('url-shortener-design-broken.archflow.json'), '--json');
    expect(run.code).toBe(1);
    const body = JSON.parse(run.stdout) as { findings: Record<string, unknown>[] };
    expect(body.findings).toEqual([expect.objectContaining({ rule: 'path-broken', path: 'p-stats', nodes: ['api', 'stats'], edges: [] })]);
    expect(Object.keys(body.findings[0]!)).toEqual(['rule', 'severity', 'message', 'nodes', 'edges', 'path']);
  });
});
