/**
 * `archflow layout` is bounded in time and memory: a layout past either bound is stopped with the
 * promised one line and exit code 1, never a native crash (exit 134) or a ten-minute wait. And
 * it never writes a file Archflow would refuse to open.
 */
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkerElk } from '../../src/cli/workerElk';
import { LIMITS } from '../../src/model/limits';
import { examplePath } from '../model/validateFlow.fixtures';
import { cli, tempDir } from './cliHarness';

const tmp = tempDir();
afterAll(() => tmp.remove());
const EXAMPLE = examplePath('url-shortener.archflow.json');

describe('archflow layout --timeout', () => {
  it('stops a layout that takes longer, with one line and exit code 1, and writes nothing', async () => {
    const out = tmp.path('never.json');
    const run = await cli('layout', EXAMPLE, '-o', out, '--timeout', '0.001');
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(
        /^archflow: [^\n]*url-shortener\.archflow\.json: layout failed: it took longer than 0\.001 s and was stopped; allow more with --timeout SECONDS\n$/,
      ),
    });
    expect(existsSync(out)).toBe(false);
  });

  it('lays out within the limit as before', async () => {
    const run = await cli('layout', EXAMPLE, '--timeout', '120');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as { nodes: { position?: unknown }[] }).nodes.every((n) => n.position)).toBe(true);
  });

  it('refuses a timeout that is not a positive number of seconds', async () => {
    for (const value of ['0', '-1', 'soon', '', 'Infinity', '1e9']) {
      const run = await cli('layout', EXAMPLE, `--timeout=${value}`);
      expect(run.code, value).toBe(2);
      expect(run.stderr).toMatch(/^archflow: --timeout must be a number of seconds above 0/);
    }
  });
});

describe('the layout worker', () => {
  it('is stopped at its memory ceiling instead of ending the process', async () => {
    const elk = createWorkerElk({ timeoutMs: 60_000, memoryCeilingMb: 8 });
    const children = Array.from({ length: 3000 }, (_, i) => ({ id: `n${i}`, width: 100, height: 40 }));
    const edges = Array.from({ length: 6000 }, (_, i) => ({ id: `e${i}`, sources: [`n${i % 3000}`], targets: [`n${(i * 7 + 1) % 3000}`] }));
    await expect(elk.layout({ id: 'root', children, edges })).rejects.toThrow(/more than the 8 MB of memory/);
    expect(elk.stopped).toMatch(/^it needed more than the 8 MB of memory the layout may use and was stopped$/);
  });
});

describe('archflow layout near the size limit', () => {
  it('does not write a laid-out file that Archflow would refuse to open', async () => {
    // 1,100 components whose notes bring the file within a few kilobytes of the limit; positions
    // and sizes then push the laid-out file past it.
    const count = 1_100;
    const head = { format: 'archflow', version: 1, title: 'Near', flow: 'bottom-up' };
    const node = (i: number, notes: number) => ({ id: `n${i}`, kind: 'service', label: `N${i}`, notes: 'n'.repeat(notes) });
    const skeleton = JSON.stringify({ ...head, nodes: Array.from({ length: count }, (_, i) => node(i, 0)), edges: [] });
    const perNode = Math.floor((LIMITS.maxFileBytes - 2_000 - skeleton.length) / count);
    const text = JSON.stringify({ ...head, nodes: Array.from({ length: count }, (_, i) => node(i, perNode)), edges: [] });
    expect(text.length).toBeLessThanOrEqual(LIMITS.maxFileBytes);
    const file = tmp.write('near.json', text);

    const out = tmp.path('near-out.json');
    const run = await cli('layout', file, '-o', out);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^archflow: [^\n]*near\.json: layout failed: the laid-out diagram would be a 20(\.\d)? MB file, larger than the 20 MB Archflow opens; nothing was written\n$/,
    );
    expect(existsSync(out)).toBe(false);
  }, 120_000);
});
