// Builds the benchmark's bare React Flow page (bench/bare) from the app's own dependencies.
// `npm run bench` builds it, and the app, into node_modules/.cache/archflow-bench/ (ignored by
// git and lint, and safe from the e2e tests' rebuilds of dist/), then serves both.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export const BENCH_BUILD_DIR = fileURLToPath(new URL('./node_modules/.cache/archflow-bench', import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./bench/bare', import.meta.url)),
  base: './',
  plugins: [react()],
  build: {
    target: 'es2022',
    outDir: `${BENCH_BUILD_DIR}/bare`,
    emptyOutDir: true,
  },
});
