import { defineConfig } from 'vitest/config';

// Browser tests: the built app served by `vite preview`, driven through playwright-core.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['tests/e2e/**/*.e2e.ts'],
    globalSetup: ['tests/e2e/globalSetup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Two cores: one browser at a time keeps timings steady.
    fileParallelism: false,
    // A page waits on workers, IndexedDB and frames; on a busy two-core machine the default 1 s
    // poll gives up on work that is merely slow (the first auto layout starts the ELK worker).
    expect: { poll: { timeout: 10_000 } },
  },
});
