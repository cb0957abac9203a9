/** Runs the CLI in-process against real files, capturing what it prints. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli } from '../../src/cli/main';
import { nodeIo } from '../../src/cli/nodeIo';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cli(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const io = { ...nodeIo(), stdout: (text: string) => void (stdout += text), stderr: (text: string) => void (stderr += text) };
  const code = await runCli(argv, io);
  return { code, stdout, stderr };
}

export function tempDir(): { path: (name: string) => string; write: (name: string, text: string) => string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'archflow-cli-'));
  return {
    path: (name) => join(dir, name),
    write: (name, text) => {
      const file = join(dir, name);
      writeFileSync(file, text);
      return file;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A version 1 file from node specs `id:kind` and edges `a>b` / `a<>b`. */
export function fileText(flow: string, nodes: string[], edges: string[]): string {
  return JSON.stringify({
    format: 'archflow',
    version: 1,
    title: 'Test diagram',
    flow,
    nodes: nodes.map((spec) => {
      const [id, kind] = spec.split(':');
      return { id, kind, label: id!.toUpperCase() };
    }),
    edges: edges.map((spec, i) => {
      const both = spec.includes('<>');
      const [source, target] = spec.split(both ? '<>' : '>');
      return { id: `e${i + 1}`, source, target, ...(both ? { bidirectional: true } : {}) };
    }),
  });
}

/** The contract for every failure: exit 2, nothing on stdout, one line on stderr, no stack. */
export function expectOneLineFailure(run: CliRun, ...parts: string[]) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^archflow: [^\n]+\n$/);
  expect(run.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  for (const part of parts) expect(run.stderr).toContain(part);
}
