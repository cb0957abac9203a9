#!/usr/bin/env node
// Runs the CLI that `npm install` / `npm ci` built (the `prepare` script: vite.cli.config.ts),
// so a start costs one small module, not a TypeScript compile.
const BUILD = new URL('../dist-cli/archflow.mjs', import.meta.url);

let cli;
try {
  cli = await import(BUILD.href);
} catch (error) {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes('dist-cli/archflow.mjs')) throw error;
  process.stderr.write('archflow: the CLI is not built yet. Run `npm install` (or `npm run build:cli`) in the archflow folder, then try again.\n');
  process.exit(2);
}
await cli.main();
