import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { readLimitedFile } from '../../src/cli/nodeIo';
import { LIMITS } from '../../src/model/limits';
import { parseDiagramFile } from '../../src/model/parseDiagramFile';
import { CHAT_BROKEN_FINDINGS, examplePath } from '../model/validateFlow.fixtures';
import { cli, expectOneLineFailure, fileText, tempDir } from './cliHarness';

const CHAT = examplePath('chat-broken.archflow.json');
const SHORTENER = examplePath('url-shortener.archflow.json');
const tmp = tempDir();
afterAll(() => tmp.remove());

describe('archflow validate --json', () => {
  it('prints exactly one JSON object with the contract\u2019s keys, and exits 1 on errors', async () => {
    const run = await cli('validate', CHAT, '--json');
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('');
    const body = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(body)).toEqual(['valid', 'flow', 'findings']);
    expect(body).toEqual({
      valid: false,
      flow: 'bottom-up',
      findings: CHAT_BROKEN_FINDINGS,
    });
    for (const finding of body.findings as object[]) {
      expect(Object.keys(finding)).toEqual(['rule', 'severity', 'message', 'nodes', 'edges']);
    }
  });

  it('exits 0 on a valid file, and --flow overrides the file\u2019s flow', async () => {
    const valid = await cli('validate', SHORTENER, '--json');
    expect(valid.code).toBe(0);
    expect(JSON.parse(valid.stdout)).toEqual({ valid: true, flow: 'bottom-up', findings: [] });

    const flipped = await cli('validate', '--flow', 'top-down', SHORTENER, '--json');
    expect(flipped.code).toBe(1);
    const body = JSON.parse(flipped.stdout) as { flow: string; findings: { rule: string }[] };
    expect(body.flow).toBe('top-down');
    expect(body.findings.map((f) => f.rule)).toContain('unreachable');
    expect((await cli('validate', `--flow=top-down`, SHORTENER, '--json')).code).toBe(1);
  });

  it('exits 0 when there are only warnings', async () => {
    const file = tmp.write('warn.json', fileText('bottom-up', ['u:web-client', 's:service', 'd:cache'], ['u>s', 's>d', 'u>d']));
    const run = await cli('validate', file, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true, findings: [{ rule: 'client-to-datastore' }] });
  });
});

describe('archflow validate (readable report)', () => {
  it('lists each finding with its hint and ends with the totals', async () => {
    const run = await cli('validate', CHAT);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Chat service (with mistakes)');
    expect(run.stdout).toContain('Flow: bottom-up, from clients to datastores');
    expect(run.stdout).toContain('error    Dead end: "Presence" (Service) cannot reach any datastore');
    expect(run.stdout).toContain('Connect it to a datastore, or mark it as support.');
    expect(run.stdout).toContain('warning  Client talks to a datastore: "Chat app" (Mobile Client)');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('Not valid: 1 error, 1 warning.');
  });

  it('says "Valid" for a valid file', async () => {
    const run = await cli('validate', SHORTENER);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('Valid: no errors, 0 warnings.');
  });

  it('says when the whole diagram points the other way', async () => {
    const file = tmp.write('backwards.json', fileText('bottom-up', ['u:user', 's:service', 'd:sql-database'], ['d>s', 's>u']));
    const run = await cli('validate', file);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'The whole diagram points the other way: try --flow top-down, or reverse every one-way edge.',
    );
    expect((await cli('validate', file, '--flow', 'top-down')).code).toBe(0);
  });
});

describe('archflow: failures are one line on stderr with exit 2', () => {
  it('a missing file', async () => {
    expectOneLineFailure(await cli('validate', tmp.path('nope.json')), 'nope.json', 'no such file');
  });

  it('a directory', async () => {
    expectOneLineFailure(await cli('validate', tmp.path('')), 'is a directory');
  });

  it('a file over the size limit, refused without reading it', async () => {
    const file = tmp.write('huge.json', '');
    truncateSync(file, LIMITS.maxFileBytes + 1);
    expectOneLineFailure(await cli('validate', file), 'huge.json', 'the file is larger than 20 MB, the largest Archflow opens');
    truncateSync(file, 2 * 1024 ** 3);
    expectOneLineFailure(await cli('validate', file), 'the file is 2048 MB; the largest Archflow opens is 20 MB');
    await expect(readLimitedFile(tmp.write('small.json', '0123456789abc'), 10)).rejects.toThrow(
      'the file is 13 bytes; the largest Archflow opens is 10 bytes',
    );
  });

  it.skipIf(!existsSync('/dev/zero'))('an endless device, read no further than the limit', async () => {
    await expect(readLimitedFile('/dev/zero', 10)).rejects.toThrow('the file is larger than 10 bytes');
  });

  it('text that is not JSON, naming line and column', async () => {
    const file = tmp.write('cut.json', '{\n  "format": "archflow",\n  "nodes": [');
    expectOneLineFailure(await cli('validate', file), 'cut.json', 'line 3');
  });

  it('a file that is not UTF-8', async () => {
    expectOneLineFailure(await cli('validate', tmp.write('bin.json', '\u00ff')), 'bin.json');
    const latin1 = tmp.path('latin1.json');
    writeFileSync(latin1, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
    expectOneLineFailure(await cli('validate', latin1), 'latin1.json', 'not UTF-8');
  });

  it('JSON that breaks the format, naming the place in the document', async () => {
    const text = fileText('bottom-up', ['u:user'], []).replace('"label":"U"', '"label":7');
    expectOneLineFailure(await cli('validate', tmp.write('bad.json', text)), 'bad.json', 'nodes[0].label');
    expectOneLineFailure(await cli('validate', tmp.write('empty.json', '')), 'empty.json');
    expectOneLineFailure(await cli('validate', tmp.write('other.json', '{"hello": 1}')), 'other.json');
  });

  it('bad arguments', async () => {
    expectOneLineFailure(await cli('validate', CHAT, '--bogus'), '--bogus');
    expectOneLineFailure(await cli('validate', CHAT, '--flow', 'sideways'), '--flow must be bottom-up or top-down');
    expectOneLineFailure(await cli('validate', CHAT, '--flow'), '--flow');
    expectOneLineFailure(await cli('validate'), 'needs a FILE');
    expectOneLineFailure(await cli('validate', CHAT, SHORTENER), 'one FILE');
    expectOneLineFailure(await cli('layout', CHAT, '--direction', 'diagonal'), '--direction must be up, down, left or right');
    expectOneLineFailure(await cli('layout', CHAT, '--json'), '--json');
    expectOneLineFailure(await cli('frobnicate'), 'unknown command "frobnicate"');
    expectOneLineFailure(await cli(), 'missing command');
  });

  it('keeps the line single even when the file name holds a newline', async () => {
    expectOneLineFailure(await cli('validate', tmp.path('two\nlines.json')), 'two lines.json');
  });
});

describe('archflow help', () => {
  it('prints the usage with exit 0, from every spelling', async () => {
    for (const argv of [['help'], ['--help'], ['-h'], ['validate', '--help'], ['layout', '-h']]) {
      const run = await cli(...argv);
      expect(run.code).toBe(0);
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('archflow validate FILE [--flow bottom-up|top-down] [--json]');
      expect(run.stdout).toContain('archflow layout FILE [-o OUT] [--direction up|down|left|right]');
    }
  });
});

describe('archflow layout', () => {
  it('writes the laid-out diagram to OUT with a position and size for every node', async () => {
    const out = tmp.path('laid-out.json');
    const run = await cli('layout', CHAT, '-o', out);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(out);
    const parsed = parseDiagramFile(readFileSync(out, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error.message);
    const original = parseDiagramFile(readFileSync(CHAT, 'utf8'));
    if (!original.ok) throw new Error(original.error.message);
    expect(parsed.value.nodes.map((n) => n.id)).toEqual(original.value.nodes.map((n) => n.id));
    expect(parsed.value.edges.map((e) => [e.source, e.target])).toEqual(original.value.edges.map((e) => [e.source, e.target]));
    for (const node of parsed.value.nodes) {
      expect(Number.isFinite(node.position?.x)).toBe(true);
      expect(Number.isFinite(node.position?.y)).toBe(true);
      expect(node.size?.width).toBeGreaterThan(0);
      expect(node.size?.height).toBeGreaterThan(0);
    }
  });

  it('prints the diagram on stdout without -o, in the direction asked for', async () => {
    const run = await cli('layout', SHORTENER, '--direction', 'right');
    expect(run.code).toBe(0);
    const parsed = parseDiagramFile(run.stdout);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.value.layout?.direction).toBe('right');
    const x = (id: string) => parsed.value.nodes.find((n) => n.id === id)!.position!.x;
    expect(x('browser')).toBeLessThan(x('api'));
    expect(x('api')).toBeLessThan(x('db'));
  });

  it('fails like validate on an unreadable file, and with exit 2 when OUT cannot be written', async () => {
    expectOneLineFailure(await cli('layout', tmp.path('nope.json')), 'no such file');
    expectOneLineFailure(await cli('layout', CHAT, '-o', tmp.path('')), 'cannot write', 'is a directory');
  });
});
