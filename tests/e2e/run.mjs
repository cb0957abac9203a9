// `npm run test:e2e`: refuses to run without Chromium, builds the app, then runs the browser tests.
import { spawnSync } from 'node:child_process';
import { findChromium, MISSING_CHROMIUM } from './chromium.mjs';

if (!findChromium()) {
  console.error(MISSING_CHROMIUM);
  process.exit(1);
}
const run = (args) => {
  const result = spawnSync('npx', args, { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};
// A test build: like production, plus window.__archflow for the tests to read (see src/app/main.tsx).
run(['vite', 'build', '--mode', 'test', '--logLevel', 'warn']);
run(['vitest', 'run', '--config', 'vitest.e2e.config.ts', ...process.argv.slice(2)]);
