// Builds the CLI (`npm run build:cli`, run by `prepare` on every `npm install` / `npm ci`) into
// one ES module for Node, so `npx archflow` starts without compiling TypeScript (tsx took
// ~1 s per start). Every dependency is bundled in; elkjs stays in its own chunk, loaded only by
// `archflow layout` (src/layout/layoutDiagram.ts imports it lazily).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

export const CLI_BUILD_DIR = fileURLToPath(new URL('./dist-cli', import.meta.url));

export default defineConfig({
  logLevel: 'warn',
  publicDir: false,
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: fileURLToPath(new URL('./src/cli/entry.ts', import.meta.url)),
    target: 'node20',
    outDir: CLI_BUILD_DIR,
    emptyOutDir: true,
    sourcemap: false,
    minify: false,
    rollupOptions: {
      output: { format: 'es', entryFileNames: 'archflow.mjs', chunkFileNames: '[name].mjs' },
    },
  },
});
