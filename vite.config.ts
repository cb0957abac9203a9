import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { createLogger, type Plugin, type ProxyOptions } from 'vite';

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

/**
 * Live rooms: the page always connects to /sync on its own origin (docs/sync-protocol.md).
 * `npm run dev` starts the sync server on SYNC_PORT (scripts/dev.mjs); the dev server and
 * `vite preview` pass /sync on to it.
 */
const syncProxy: Record<string, ProxyOptions> = {
  '/sync': { target: `ws://127.0.0.1:${Number(process.env.SYNC_PORT) || 1234}`, ws: true },
};

/** No sync server is a normal state (the app works without it): say so once, not on every retry. */
function quietWhenSyncIsDown() {
  const logger = createLogger();
  const error = logger.error.bind(logger);
  let said = false;
  logger.error = (message, options) => {
    const code = (options?.error as NodeJS.ErrnoException | undefined)?.code;
    // A page closed or reloaded mid-connection: normal, nothing to say.
    if (message.includes('ws proxy') && (code === 'ECONNRESET' || code === 'EPIPE')) return;
    if (message.includes('ws proxy') && code === 'ECONNREFUSED') {
      if (!said) logger.warn(`No sync server on ${syncProxy['/sync']?.target as string}: live rooms wait for it; the app works without.`, { timestamp: true });
      said = true;
      return;
    }
    error(message, options);
  };
  return logger;
}

/** Modules only code loaded after the first paint uses (exports, file readers, share links, the design drawer, reviews). */
const LOADED_LATER = /src[\\/]io[\\/](svgMetadata|pngMetadata|shareLink|shareLinkDocument|parseDiagramText|composePng|pngSink|rasterizeBands|itemRows|usedStyles|mermaid|inflateLimited|xmlText|designDoc)\.ts|src[\\/]panels[\\/]design[\\/]|src[\\/]model[\\/]practice[\\/]review[\\/]|node_modules[\\/](fflate|crc-32)[\\/]/;

export default defineConfig({
  plugins: [react(), allowInlineStylesInDev()],
  customLogger: quietWhenSyncIsDown(),
  server: { proxy: syncProxy },
  preview: { proxy: syncProxy },
  worker: {
    format: 'es',
    rolldownOptions: {
      // layoutDiagram loads ELK lazily for its Node callers (CLI, tests); the worker imports ELK
      // at its top on purpose (layout.worker.ts says why), so in the worker's bundle that lazy
      // import is expected to be plain, not a warning for whoever builds.
      checks: { ineffectiveDynamicImport: false, bundlerTimings: false },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // How long each plugin took is noise in a user's build; `node --cpu-prof` answers it better.
    rolldownOptions: {
      checks: { bundlerTimings: false },
      output: {
        // Code the first paint shares with panels loaded later (lazyView, dynamic imports) goes
        // into one chunk instead of a dozen small ones: fewer requests and better gzip for the
        // first paint (BENCHMARKS.md, "Bundle").
        // Modules only the later panels share among themselves stay out of it.
        codeSplitting: { groups: [{ name: 'shared', minShareCount: 2, test: (id) => !LOADED_LATER.test(id) }] },
      },
    },
    // The first-paint budget is a row of `npm run bench` (bench/bundleSuite.ts: ≤ 250 KB gzip,
    // measured and recorded), not this generic 500 KB raw warning; warn only far past it.
    chunkSizeWarningLimit: 1000,
  },
  test: {
    // Model, store, io and layout code must run without a DOM: a DOM or React leak into
    // src/model fails here instead of passing silently.
    environment: 'node',
    include: ['tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    testTimeout: 60_000,
  },
});
