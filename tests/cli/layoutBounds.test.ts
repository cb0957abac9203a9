/**
 * `archflow layout` is bounded in time and memory: a layout past either bound is stopped with the
 * promised one line and exit code 1, never a native crash (exit 134) or a ten-minute wait.
 */
import { existsSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createWorkerElk } from '../../src/cli/workerElk';
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
