/**
 * End-to-end tests of the store's screens against the real demo store (hub, SQLite, virtual
 * printer), driven in the system's Chromium. One worker: the tests share one store.
 */
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';

export const CHROMIUM = '/usr/bin/chromium';
if (!existsSync(CHROMIUM)) throw new Error(`Chromium is missing at ${CHROMIUM}: install the Debian package chromium (apt-get install chromium).`);

const artifacts = new URL('../artifacts/', import.meta.url).pathname;
// Playwright empties its output folder when a run starts: one folder per run, so two runs at
// once (two engineers, or CI shards) never delete each other's traces. Workers inherit the id.
process.env.BRIGADE_E2E_RUN ??= `${Date.now()}-${process.pid}`;

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  outputDir: `${artifacts}results/${process.env.BRIGADE_E2E_RUN}`,
  reporter: [['list']],
  globalSetup: './demo-store-setup.ts',
  use: {
    browserName: 'chromium',
    viewport: { width: 1280, height: 860 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
    },
  },
});
