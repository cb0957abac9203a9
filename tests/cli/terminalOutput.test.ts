/**
 * Diagram text and file names reach the terminal only as visible text: no escape sequence acts
 * (hiding lines, clearing the screen, retitling the window) and no line break forges a line.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { cli, tempDir } from './cliHarness';

const tmp = tempDir();
afterAll(() => tmp.remove());

const ESC = '\u001b';
const BEL = '\u0007';
const FAKE_VALID = `Payments\n\nValid: no errors, 0 warnings.${ESC}[8m`;
/** Anything a terminal would act on: C0 controls other than the line feed, DEL, C1 controls. */
// eslint-disable-next-line no-control-regex
const ACTING = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

function hostileFile(): string {
  return JSON.stringify({
    format: 'archflow',
    version: 1,
    title: FAKE_VALID,
    flow: 'bottom-up',
    nodes: [
      { id: 'web', kind: 'web-client', label: `Web${ESC}]0;pwned${BEL}` },
      { id: 'api', kind: 'api-server', label: `API${ESC}[2J\r\nValid: no errors, 0 warnings.` },
      { id: 'db', kind: 'sql-database', label: `DB\u009b31m` },
    ],
    // api is not connected: the diagram is not valid, and the report must say so last.
    edges: [{ id: 'e1', source: 'web', target: 'db', label: `x${ESC}[8m` }],
  });
}

describe('human-readable output escapes control characters', () => {
  it('prints diagram text with its escapes visible and keeps the verdict the last line', async () => {
    const file = tmp.write(`pay${ESC}[2Jments.json`, hostileFile());
    const run = await cli('validate', file);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(ACTING);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines.filter((line) => /^(Not )?[Vv]alid:/.test(line))).toEqual([lines.at(-1)]);
    expect(lines.at(-1)).toMatch(/^Not valid: \d+ errors?, \d+ warnings?\.$/);
    // The parser drops control characters from diagram text (src/model/text.ts), so the forged
    // line stays on the title's line; the file name, which no parser cleans, shows its escapes.
    expect(lines[0]).toContain('Payments  Valid: no errors, 0 warnings.[8m');
    expect(lines[0]).toContain('pay\\u001b[2Jments.json');
  });

  it('escapes them in one-line failures and in the layout summary', async () => {
    const missing = await cli('validate', `no${ESC}]0;title${BEL}such.json`);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^archflow: [^\n]+\n$/);
    expect(missing.stderr).not.toMatch(ACTING);
    expect(missing.stderr).toContain('no\\u001b]0;title\\u0007such.json');

    const file = tmp.write('fine.json', hostileFile());
    const laidOut = await cli('layout', file, '-o', tmp.path(`out${ESC}[2J.json`));
    expect(laidOut.code).toBe(0);
    expect(laidOut.stdout).not.toMatch(ACTING);
    expect(laidOut.stdout).toContain('out\\u001b[2J.json');
  });

  it('writes --json output with every control character escaped, reading back the same text', async () => {
    const run = await cli('validate', tmp.write('json.json', hostileFile()), '--json');
    expect(run.stdout).not.toMatch(ACTING);
    const body = JSON.parse(run.stdout) as { findings: { message: string }[] };
    // The label's C1 control was dropped when the file was read; what remains reads back as is.
    expect(body.findings.map((f) => f.message).join(' ')).toContain('"DB31m"');
  });
});
