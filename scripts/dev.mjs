// `npm run dev`: the sync server (src/server/main.ts, rooms in .data/) and Vite's dev server,
// which proxies /sync to it. One command, one Ctrl+C: a signal reaches both, and when either
// stops for good the other is stopped too, except that a sync server that cannot start (its
// port taken) leaves the app running without live rooms, as it runs with no server anywhere.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const children = new Set();
let stopping = false;

function start(name, args) {
  const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit', env: process.env });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (stopping) {
      if (children.size === 0) process.exit(0);
      return;
    }
    if (name === 'sync') {
      console.error('[dev] The sync server stopped: the app keeps working, without live rooms.');
      return;
    }
    stop(signal ? 1 : (code ?? 1));
  });
  return child;
}

function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  if (children.size === 0) process.exit(code);
  // A child that ignores SIGTERM does not keep the terminal.
  setTimeout(() => process.exit(code), 5000).unref();
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));

start('sync', ['--import', 'tsx', 'src/server/main.ts']);
start('vite', [fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url)), ...process.argv.slice(2)]);
