/**
 * `npm run bench` (through bench/run.mjs): builds the app and the bare React Flow page, runs the
 * Node, bundle and Chromium parts each in its own process, prints the table, writes
 * bench/results.json, and on a full run rewrites the table section of BENCHMARKS.md.
 *
 * Options: --quick (few sizes and runs, to try the harness; BENCHMARKS.md is left alone),
 * --only=node,sync,bundle,browser,feels (sync: the live-room server under load, bench/syncSuite.ts;
 * feels: click → result for open, auto layout, export and share, bench/feelsSuite.ts), --sizes=100,500, --reps=N (sessions per size, 0 = none) and
 * --png=N (PNG exports per size), --no-layout and
 * --no-loaded (leave out the auto layout / throttled-CPU probes; browser part),
 * --open=5000,20000 (big-diagram open sizes; `--open=` skips it), --skip-build
 * (reuses the last bench build, not dist/).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem, type } from 'node:os';
import { join } from 'node:path';
import { BENCH_BUILD_DIR } from '../vite.bench.config';
import { renderMachine, renderTables, summary, type Machine } from './report';
import type { Figure } from './stats';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const only = args.find((a) => a.startsWith('--only='))?.slice(7).split(',');
const sizes = args.find((a) => a.startsWith('--sizes='));
const png = args.find((a) => a.startsWith('--png='));
const open = args.find((a) => a.startsWith('--open='));
/** Browser part only: leave out the auto layout probes, or the throttled-CPU ones. */
const skips = args.filter((a) => a === '--no-layout' || a === '--no-loaded' || a.startsWith('--reps='));
const wants = (part: string) => !only || only.includes(part);
const partial = quick || Boolean(only) || Boolean(sizes) || Boolean(png) || skips.length > 0 || Boolean(open);

const START = '<!-- bench:results:start -->';
const END = '<!-- bench:results:end -->';

function run(command: string, commandArgs: string[]): void {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`${command} ${commandArgs.join(' ')} failed (exit ${result.status ?? result.signal})`);
}

function suite(file: string, out: string, extra: string[]): { figures: Figure[]; details: Record<string, unknown> } {
  run(process.execPath, ['--import', 'tsx', file, out, ...extra]);
  return JSON.parse(readFileSync(out, 'utf8')) as { figures: Figure[]; details: Record<string, unknown> };
}

const started = performance.now();
const scratch = mkdtempSync(join(tmpdir(), 'archflow-bench-'));
const figures: Figure[] = [];
const details: Record<string, unknown> = {};
try {
  if (!args.includes('--skip-build') && (wants('bundle') || wants('browser') || wants('feels'))) {
    console.error('Building the app and the bare React Flow page…');
    run('npx', ['vite', 'build', '--mode', 'test', '--outDir', `${BENCH_BUILD_DIR}/app`, '--emptyOutDir', '--logLevel', 'error']);
    run('npx', ['vite', 'build', '--config', 'vite.bench.config.ts', '--logLevel', 'error']);
  }
  if (wants('node')) {
    if (!args.includes('--skip-build')) run('npm', ['run', '--silent', 'build:cli']);
    console.error('Node part…');
    const r = suite('bench/nodeSuite.ts', join(scratch, 'node.json'), quick ? ['--quick'] : []);
    figures.push(...r.figures);
  }
  if (wants('sync')) {
    console.error('Live rooms part (sync server load)…');
    const r = suite('bench/syncSuite.ts', join(scratch, 'sync.json'), quick ? ['--quick'] : []);
    figures.push(...r.figures);
    details.sync = r.details;
  }
  if (wants('bundle')) {
    console.error('Bundle part…');
    const r = suite('bench/bundleSuite.ts', join(scratch, 'bundle.json'), [`${BENCH_BUILD_DIR}/app`]);
    figures.push(...r.figures);
    details.bundle = r.details;
  }
  if (wants('browser')) {
    console.error('Chromium part…');
    const r = suite('bench/browserSuite.ts', join(scratch, 'browser.json'), [...(quick ? ['--quick'] : []), ...(sizes ? [sizes] : []), ...(png ? [png] : []), ...skips, ...(open ? [open] : [])]);
    figures.push(...r.figures);
    details.browser = r.details;
  }
  if (wants('feels')) {
    console.error('What a user feels part…');
    const feelsArgs = [...(quick ? ['--quick'] : []), ...(sizes ? [sizes] : []), ...skips.filter((a) => a !== '--no-layout')];
    const r = suite('bench/feelsSuite.ts', join(scratch, 'feels.json'), feelsArgs);
    figures.push(...r.figures);
    details.feels = r.details;
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

const chromiumVersion = ((details.browser ?? details.feels) as { chromium?: string } | undefined)?.chromium ?? 'not run';
const machine: Machine = {
  cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 1024 ** 3),
  os: `${type()} ${release()}`,
  node: process.version,
  chromium: chromiumVersion,
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
};
const minutes = ((performance.now() - started) / 60_000).toFixed(1);
const tables = renderTables(figures);
const verdicts = summary(figures);
console.log(`\n${renderMachine(machine)} The run took ${minutes} min.\n\n${tables}\n${verdicts}`);
writeFileSync('bench/results.json', `${JSON.stringify({ machine, minutes: Number(minutes), partial, figures, details }, null, 2)}\n`);

if (partial) {
  console.error('\nPartial run (--quick, --only, --sizes, --reps, --png, --no-layout or --no-loaded): BENCHMARKS.md left as it was.');
} else {
  const doc = readFileSync('BENCHMARKS.md', 'utf8');
  const at = doc.indexOf(START);
  const end = doc.indexOf(END);
  if (at === -1 || end < at) throw new Error(`BENCHMARKS.md lacks the ${START} … ${END} markers`);
  const body = `${START}\n${renderMachine(machine)} The whole run took ${minutes} min.\n\n${tables}\n**${verdicts}**\n${END}`;
  writeFileSync('BENCHMARKS.md', doc.slice(0, at) + body + doc.slice(end + END.length));
  console.error('\nBENCHMARKS.md updated.');
}
