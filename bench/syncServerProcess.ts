/**
 * One sync server instance in a process of its own, for the load bench: the same
 * `startSyncServer` as `npm run serve`, driven over IPC (`address`, `memory` after a garbage
 * collection, `stop`). Arguments: data folder, then a Redis URL or nothing.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startSyncServer } from '../src/server/syncServer';

const [dataDir, redisUrl] = process.argv.slice(2);
if (!dataDir || !process.send) throw new Error('usage: fork(syncServerProcess.ts, [dataDir, redisUrl?])');

const server = await startSyncServer({
  port: 0,
  dataDir,
  ...(redisUrl ? { redisUrl } : {}),
  // The bench's rooms are many and busy; the limits stay the defaults a deployment gets.
  log: () => {},
});
const loop = monitorEventLoopDelay({ resolution: 5 });
loop.enable();
let cpuFrom = process.cpuUsage();
let wallFrom = performance.now();
process.send({ type: 'ready' });

process.on('message', (message: { type: string }) => {
  if (message.type === 'address') {
    process.send!({ type: 'address', port: server.port, url: server.url });
  } else if (message.type === 'memory') {
    // Also how busy the server was since the last ask: its event loop's delay and its CPU share.
    const cpu = process.cpuUsage(cpuFrom);
    const busy = (cpu.user + cpu.system) / 1000 / (performance.now() - wallFrom);
    const loopP99 = loop.percentile(99) / 1e6;
    globalThis.gc?.();
    globalThis.gc?.();
    const usage = process.memoryUsage();
    process.send!({ type: 'memory', heapUsed: usage.heapUsed, rss: usage.rss, rooms: server.openRooms(), loopP99, busy });
    loop.reset();
    cpuFrom = process.cpuUsage();
    wallFrom = performance.now();
  } else if (message.type === 'stop') {
    void server.stop().then(() => process.exit(0));
  }
});
