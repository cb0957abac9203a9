/**
 * Starts the sync server from the command line.
 *   node --import tsx src/server/main.ts            the sync server alone (npm run dev starts it):
 *                                                   127.0.0.1:${SYNC_PORT:-1234}
 *   node --import tsx src/server/main.ts --serve    npm run serve: dist/ and /sync on
 *                                                   ${HOST:-0.0.0.0}:${PORT:-8080}
 * Settings come from the environment (README "Live rooms"); Ctrl+C or SIGTERM stores every
 * open room and exits.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseSyncConfig } from './syncConfig';
import { startSyncServer } from './syncServer';

const serve = process.argv.includes('--serve');
const config = parseSyncConfig(process.env, serve ? { port: 8080, host: '0.0.0.0', portVariable: 'PORT' } : { port: 1234, host: '127.0.0.1', portVariable: 'SYNC_PORT' });
if (!config.ok) {
  console.error(`Sync server settings: ${config.error}`);
  process.exit(2);
}
const staticDir = serve ? resolve('dist') : undefined;
if (staticDir && !existsSync(join(staticDir, 'index.html'))) {
  console.error('No built app in dist/: run `npm run build` first.');
  process.exit(2);
}

const { port, host, dataDir, redisUrl, limits } = config.value;
try {
  const server = await startSyncServer({ port, host, dataDir, limits, ...(staticDir ? { staticDir } : {}), ...(redisUrl ? { redisUrl } : {}) });
  const where = serve ? `Archflow on http://${host}:${server.port}/ (live rooms at ${serve ? '/sync' : server.url})` : `Sync server on ${server.url}`;
  console.log(`${where}; rooms in ${resolve(dataDir)}${redisUrl ? ', shared through Redis' : ''}.`);
  let stoppingSince: number | undefined;
  const stop = (signal: string) => {
    // Ctrl+C reaches this process and `npm run dev`, which passes a SIGTERM on: one stop. A
    // signal a second later means "now".
    if (stoppingSince !== undefined) {
      if (performance.now() - stoppingSince > 1000) process.exit(1);
      return;
    }
    stoppingSince = performance.now();
    console.log(`${signal}: storing open rooms…`);
    server.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
} catch (error) {
  const code = (error as { code?: string }).code;
  console.error(code === 'EADDRINUSE' ? `Port ${port} is in use: the sync server did not start.` : `The sync server did not start: ${String(error)}`);
  process.exit(1);
}
