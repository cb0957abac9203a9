import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { examplePath } from '../model/validateFlow.fixtures';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('bin/archflow.mjs', () => {
  it('runs validate from the TypeScript sources with no build step', () => {
    const run = spawnSync(process.execPath, ['bin/archflow.mjs', 'validate', examplePath('chat-broken.archflow.json'), '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: false, flow: 'bottom-up', findings: [{ rule: 'dead-end' }, { rule: 'client-to-datastore' }] });
  });
});
