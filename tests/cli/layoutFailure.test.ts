import { afterAll, describe, expect, it, vi } from 'vitest';
import { examplePath } from '../model/validateFlow.fixtures';
import { cli, tempDir } from './cliHarness';

vi.mock('../../src/layout/layoutDiagram', () => ({
  layoutDiagram: async () => ({
    ok: false,
    error: { code: 'failed', message: 'The layout engine failed:\nout of cheese' },
  }),
}));

const tmp = tempDir();
afterAll(() => tmp.remove());

describe('archflow layout when the layout fails', () => {
  it('exits 1 with one line on stderr and writes nothing', async () => {
    const out = tmp.path('never.json');
    const run = await cli('layout', examplePath('chat-broken.archflow.json'), '-o', out);
    expect(run).toEqual({
      code: 1,
      stdout: '',
      stderr: expect.stringMatching(/^archflow: .*chat-broken\.archflow\.json: layout failed: The layout engine failed: out of cheese\n$/),
    });
    const { existsSync } = await import('node:fs');
    expect(existsSync(out)).toBe(false);
  });
});
