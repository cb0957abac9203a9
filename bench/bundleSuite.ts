/**
 * The bundle half of `npm run bench`: how much JavaScript the built app needs before its first
 * paint, and whether elkjs stays out of it. First-paint JS = the entry script of index.html, every
 * `modulepreload`, and every chunk those import statically (dynamic `import()` and workers load
 * later). Run as `node --import tsx bench/bundleSuite.ts OUT.json BUILD_DIR`.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { figure, type Figure } from './stats';

/** A string only elkjs's compiled layout engine contains (its Java package names). */
const ELK_MARKER = 'org.eclipse.elk';

const [out, buildDir] = process.argv.slice(2);
if (!out || !buildDir) throw new Error('usage: bundleSuite.ts OUT.json BUILD_DIR');

const html = readFileSync(join(buildDir, 'index.html'), 'utf8');
const attr = (tag: string, name: string) => new RegExp(`${name}="([^"]+)"`).exec(tag)?.[1];
const roots = new Set<string>();
for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
  const src = attr(tag, 'src');
  if (src && /type="module"/.test(tag)) roots.add(src);
}
for (const tag of html.match(/<link\b[^>]*>/g) ?? []) {
  const href = attr(tag, 'href');
  if (href && /rel="modulepreload"/.test(tag)) roots.add(href);
}
const css = (html.match(/<link\b[^>]*rel="stylesheet"[^>]*>/g) ?? []).map((tag) => attr(tag, 'href')).filter((h): h is string => Boolean(h));

// Follow static imports: `import ... from "./x.js"`, `import "./x.js"`, `export ... from "./x.js"`.
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["']([^"']+\.js)["']/g;
const firstPaint = new Map<string, string>();
const queue = [...roots].map((r) => r.replace(/^\//, ''));
while (queue.length) {
  const path = queue.pop()!;
  if (firstPaint.has(path)) continue;
  const code = readFileSync(join(buildDir, path), 'utf8');
  firstPaint.set(path, code);
  for (const m of code.matchAll(STATIC_IMPORT)) {
    const spec = m[1]!;
    if (spec.startsWith('.') || spec.startsWith('/')) queue.push(spec.startsWith('/') ? spec.slice(1) : posix.join(posix.dirname(path), spec));
  }
}

const gz = (text: string) => gzipSync(text).length;
const jsGzip = [...firstPaint.values()].reduce((sum, code) => sum + gz(code), 0);
const jsRaw = [...firstPaint.values()].reduce((sum, code) => sum + Buffer.byteLength(code), 0);
const cssGzip = css.reduce((sum, href) => sum + gz(readFileSync(join(buildDir, href.replace(/^\//, '')), 'utf8')), 0);

const assets = readdirSync(join(buildDir, 'assets')).filter((f) => f.endsWith('.js'));
const withElk = assets.filter((f) => readFileSync(join(buildDir, 'assets', f), 'utf8').includes(ELK_MARKER));
const elkInFirstPaint = [...firstPaint].filter(([, code]) => code.includes(ELK_MARKER)).map(([p]) => p);
const elkOnlyInWorker = withElk.length > 0 && elkInFirstPaint.length === 0 && withElk.every((f) => /worker/i.test(f));

const figures: Figure[] = [
  figure('Bundle', `first-paint JS, gzip (${firstPaint.size} file(s), ${(jsRaw / 1024).toFixed(0)} KB raw; CSS ${(cssGzip / 1024).toFixed(1)} KB gzip more)`, 'KB', [jsGzip / 1024], {
    target: { text: '≤ 250 KB', max: 250 },
  }),
  figure('Bundle', `elkjs ("${ELK_MARKER}") only in the worker chunk: found in ${withElk.join(', ') || 'no chunk'}`, 'yes/no', [elkOnlyInWorker ? 1 : 0], {
    better: 'higher',
    target: { text: 'yes (1)', min: 1 },
    ...(elkInFirstPaint.length ? { note: `in first paint: ${elkInFirstPaint.join(', ')}` } : {}),
  }),
];
writeFileSync(out, JSON.stringify({ figures, details: { firstPaint: [...firstPaint.keys()], css, withElk } }, null, 2));
