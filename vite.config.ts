import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * `vite` dev mode injects CSS as inline `<style>` elements, which index.html's policy refuses:
 * the dev server alone allows them. The built page keeps the policy as written, so an injected
 * `<style>` has no effect there (SECURITY.md).
 */
function allowInlineStylesInDev(): Plugin {
  return {
    name: 'archflow-dev-inline-styles',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("style-src 'self';", "style-src 'self'; style-src-elem 'self' 'unsafe-inline';");
    },
  };
}

export default defineConfig({
  plugins: [react(), allowInlineStylesInDev()],
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true },
  test: {
    // Model, store, io and layout code must run without a DOM: a DOM or React leak into
    // src/model fails here instead of passing silently.
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
  },
});
