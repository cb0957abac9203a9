import { mkdirSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { preview } from 'vite';
import { findChromium, MISSING_CHROMIUM } from './chromium.mjs';

export default async function setup(project: TestProject) {
  // Screenshots and exported files land here for a person to look at (gitignored).
  mkdirSync('.tmp', { recursive: true });
  const chromium = findChromium();
  if (!chromium) throw new Error(MISSING_CHROMIUM);
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false }, logLevel: 'warn' });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report its address');
  project.provide('baseUrl', url);
  project.provide('chromiumPath', chromium);
  return async () => {
    await server.close();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    chromiumPath: string;
  }
}
