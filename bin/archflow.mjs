#!/usr/bin/env node
// Runs the TypeScript sources through tsx, so the CLI works straight after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/entry.ts');
await main();
