/**
 * Names the main-thread tasks of one PNG export: a CDP trace (timeline events and V8's sampling
 * profile) of `exportPng` at a CPU slowdown, then, for each task longer than the limit, the
 * events inside it (event dispatch, timers, rAF, style, layout, paint, layerize, post messages)
 * and the functions the profile sampled there, self and inclusive. "IN WINDOW" marks the tasks
 * `exportLongTask` counts (click → download). Build unminified to read the function names:
 * `npx vite build --mode test --minify false --outDir .tmp/dist-dev && npx tsx bench/exportLongTaskTrace.ts .tmp/dist-dev 4 1000 50`
 * (arguments: build, slowdown, nodes, limit in ms; TOP=n sets the rows of the inclusive list).
 * The trace is kept in .tmp/trace.json for chrome://tracing or DevTools.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS } from '../tests/e2e/chromium.mjs';
import { architectureDiagram } from './architecture';
import { exportPng, newPage, openDiagram, openPage, settle } from './browserPages';
import { serializeDiagramFile } from '../src/model/serializeDiagramFile';
import { serveDir } from './serveDir';
const [dir, slow, nArg, limitArg] = process.argv.slice(2);
const n = Number(nArg ?? 1000), limit = Number(limitArg ?? 60);
const server = await serveDir(dir!);
const url = server.url;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
const file = Buffer.from(serializeDiagramFile(architectureDiagram(n)));
const { context, page } = await newPage(browser);
await openPage('app', page, url);
await openDiagram(page, file, n);
await settle('app', page);
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: Number(slow) });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'blink.user_timing', 'v8'] });
const markNow = await page.evaluate(() => { performance.mark('t0mark'); return performance.now(); });
const png = await exportPng('app', page);
await new Promise((r) => setTimeout(r, 500));
const buf = await browser.stopTracing();
mkdirSync('.tmp', { recursive: true });
writeFileSync('.tmp/trace.json', buf);
console.log(`clicked at page clock ${png.pageClock.clicked.toFixed(0)}, downloaded ${png.pageClock.downloaded.toFixed(0)}`); console.log(`click→file ${png.ms.toFixed(0)} ms`);
interface TraceData {
  type?: string;
  functionName?: string;
  url?: string;
  startTime?: number;
  cpuProfile?: { nodes?: { id: number; parent?: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples?: number[] };
  timeDeltas?: number[];
}
type Ev = { name: string; ph: string; ts: number; dur?: number; tdur?: number; tid: number; pid: number; args?: { name?: string; data?: TraceData }; cat: string; id?: string };
const events: Ev[] = JSON.parse(buf.toString()).traceEvents;
// main thread of renderer: thread with CrRendererMain name
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'RunTask' && x.tid === e.tid && (x.dur ?? 0) > 50_000));
const pid = main!.pid, tid = main!.tid;
const mine = events.filter((e) => e.pid === pid && e.tid === tid);
// CPU profile samples
const nodes = new Map<number, { fn: string; url: string; line: number; parent?: number }>();
const samples: { ts: number; node: number }[] = [];
let t = 0;
const profileIds = new Set(events.filter((e) => e.pid === pid && e.tid === tid && e.name === 'Profile').map((e) => e.id));
for (const e of events.filter((e) => e.pid === pid && profileIds.has(e.id) && (e.name === 'Profile' || e.name === 'ProfileChunk'))) {
  if (e.name === 'Profile') { t = e.args?.data?.startTime ?? 0; continue; }
  const d = e.args?.data ?? {};
  for (const nd of d.cpuProfile?.nodes ?? []) nodes.set(nd.id, { fn: nd.callFrame.functionName || '(anon)', url: (nd.callFrame.url || '').replace(/.*\//, ''), line: nd.callFrame.lineNumber, parent: nd.parent });
  const ss = d.cpuProfile?.samples ?? [];
  const deltas = d.timeDeltas ?? [];
  for (let i = 0; i < ss.length; i++) { t += deltas[i] ?? 0; samples.push({ ts: t, node: ss[i]! }); }
}
const label = (id: number) => { const x = nodes.get(id)!; return `${x.fn} ${x.url}:${x.line}`; };
const tasks = mine.filter((e) => e.name === 'RunTask' && (e.dur ?? 0) > limit * 1000).sort((a, b) => a.ts - b.ts);
const markEv = events.find((e) => e.name === 't0mark')!;
const pageT = (ts: number) => markNow + (ts - markEv.ts) / 1000;
const t0 = tasks[0]?.ts ?? 0;
// Wall time and the thread's CPU time (`tdur`) of the tasks `exportLongTask` counts. The
// throttle's slowdown shows in both (CPU time ≈ wall at 4×); a loaded machine's descheduling only
// in the wall time.
const windowed = mine.filter((e) => e.name === 'RunTask' && pageT(e.ts) + (e.dur ?? 0) / 1000 > png.pageClock.clicked && pageT(e.ts) < png.pageClock.downloaded);
const cpuMs = windowed.map((e) => (e.tdur ?? 0) / 1000).sort((a, b) => b - a);
console.log(
  `in window: ${windowed.length} tasks, wall > 100 ms: ${windowed.filter((e) => (e.dur ?? 0) > 100_000).length}, ` +
    `CPU > 100 ms: ${cpuMs.filter((c) => c > 100).length}; largest CPU: ${cpuMs.slice(0, 5).map((c) => c.toFixed(0)).join(', ')} ms`,
);
for (const task of tasks) {
  const inside = mine.filter((e) => e.ts >= task.ts && e.ts < task.ts + task.dur! && e.ph === 'X' && e !== task);
  const kinds = new Map<string, number>();
  for (const e of inside) {
    const k = e.name === 'EventDispatch' ? `EventDispatch:${e.args?.data?.type}` : e.name === 'FunctionCall' ? `FunctionCall:${e.args?.data?.functionName}@${(e.args?.data?.url || '').replace(/.*\//, '')}` : e.name;
    if (['EventDispatch', 'FunctionCall', 'TimerFire', 'FireAnimationFrame', 'Layout', 'UpdateLayoutTree', 'Paint', 'MinorGC', 'MajorGC', 'V8.GC_SCAVENGER', 'ParseHTML', 'HitTest', 'PrePaint', 'Layerize', 'V8.StackGuard', 'v8.callFunction', 'FireIdleCallback', 'BlinkGC.AtomicPhase', 'V8.GCFinalizeMC', 'RunMicrotasks', 'ScheduleStyleRecalculation', 'UpdateLayerTree', 'PaintImage', 'Decode Image', 'ImageDecodeTask', 'v8.run', 'XHRLoad', 'WebSocketReceive', 'WorkerMessage', 'HandlePostMessage'].includes(e.name) || e.name.startsWith('EventDispatch') || e.name.startsWith('FunctionCall'))
      kinds.set(k, (kinds.get(k) ?? 0) + (e.dur ?? 0));
  }
  const pt = pageT(task.ts); const inWin = pt + task.dur! / 1000 > png.pageClock.clicked && pt < png.pageClock.downloaded;
  console.log(`\nTASK at +${((task.ts - t0) / 1000).toFixed(0)} ms (page ${pt.toFixed(0)}${inWin ? ' IN WINDOW' : ''}), ${(task.dur! / 1000).toFixed(0)} ms wall, CPU ${((task.tdur ?? 0) / 1000).toFixed(1)} ms`);
  for (const [k, v] of [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`   ${(v / 1000).toFixed(1).padStart(7)} ${k}`);
  const self = new Map<string, number>(), total = new Map<string, number>();
  const ss = samples.filter((s) => s.ts >= task.ts && s.ts < task.ts + task.dur!);
  for (const s of ss) {
    self.set(label(s.node), (self.get(label(s.node)) ?? 0) + 1);
    const seen = new Set<string>();
    for (let id: number | undefined = s.node; id !== undefined; id = nodes.get(id)?.parent) { const l = label(id); if (!seen.has(l)) { seen.add(l); total.set(l, (total.get(l) ?? 0) + 1); } }
  }
  console.log(`   samples ${ss.length}; self:`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`     ${String(v).padStart(5)} ${k}`);
  console.log(`   total (inclusive):`);
  for (const [k, v] of [...total].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25))) console.log(`     ${String(v).padStart(5)} ${k}`);
}
await context.close();
await browser.close();
server.close();
