// `npx archflow` as installed: bin/archflow.mjs running the bundle that `prepare` builds on
// `npm install` / `npm ci`. The build is redone here (the same script `prepare` runs), so the
// test exercises today's sources, not whatever the last install left behind.
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { examplePath } from '../model/validateFlow.fixtures';
import { tempDir } from './cliHarness';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin/archflow.mjs');

function archflow(bin: string, ...args: string[]) {
  return spawnSync(process.execPath, [bin, ...args], { cwd: ROOT, encoding: 'utf8' });
}

beforeAll(() => {
  const prepare = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  expect(prepare.prepare).toBe('npm run build:cli');
  execFileSync('npm', ['run', '--silent', 'build:cli'], { cwd: ROOT, stdio: 'pipe' });
}, 120_000);

describe('bin/archflow.mjs', () => {
  it('runs validate from the bundle that install builds', () => {
    const run = archflow(BIN, 'validate', examplePath('chat-broken.archflow.json'), '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: false, flow: 'bottom-up', findings: [{ rule: 'dead-end' }, { rule: 'client-to-datastore' }] });
  });

  it('runs layout, which loads ELK from its own chunk', () => {
    const dir = tempDir();
    try {
      const out = dir.path('laid-out.json');
      const run = archflow(BIN, 'layout', examplePath('url-shortener.archflow.json'), '-o', out);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      const laidOut = JSON.parse(readFileSync(out, 'utf8')) as { nodes: { position: { x: number; y: number } }[] };
      expect(laidOut.nodes.length).toBeGreaterThan(0);
    } finally {
      dir.remove();
    }
  });

  it('keeps elkjs out of the start-up module, so validate never parses it', () => {
    const entry = readFileSync(join(ROOT, 'dist-cli/archflow.mjs'), 'utf8');
    expect(entry).toContain('import("./nodeElk.mjs")');
    expect(entry).not.toMatch(/^import .*nodeElk/m);
    expect(entry.length).toBeLessThan(1_000_000);
  });

  it('says how to build when the bundle is missing', () => {
    const bare = mkdtempSync(join(tmpdir(), 'archflow-bin-'));
    try {
      mkdirSync(join(bare, 'bin'));
      copyFileSync(BIN, join(bare, 'bin/archflow.mjs'));
      const run = archflow(join(bare, 'bin/archflow.mjs'), 'validate', examplePath('chat-broken.archflow.json'));
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/^archflow: the CLI is not built yet\. Run `npm install`/);
    } finally {
      rmSync(bare, { recursive: true, force: true });
    }
  });
});
