// Where the system Chromium is. End-to-end tests never pass without it.
import { existsSync } from 'node:fs';

const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

export function findChromium() {
  return CANDIDATES.find((p) => p && existsSync(p)) ?? null;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const MISSING_CHROMIUM = `No Chromium found (looked at ${CANDIDATES.filter(Boolean).join(', ')}).
The end-to-end tests need it. On Debian/Ubuntu: sudo apt-get install -y chromium
Or point CHROMIUM_PATH at a Chromium or Chrome binary.`;
