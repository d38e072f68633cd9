import { existsSync } from 'node:fs';
import { defineConfig, devices } from '@playwright/test';

/**
 * Browser: $CHROMIUM_PATH, else Debian's /usr/bin/chromium, else Playwright's own download
 * (`npx playwright install chromium`). The flags keep Chromium quiet on a closed network.
 */
const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const PORT = Number(process.env.E2E_PORT ?? 4321);
/** The build under test: dist/ unless E2E_DIST names another (see tests/support/site.ts). */
const DIST = process.env.E2E_DIST ?? 'dist';

export default defineConfig({
  // Every test on its own, spread over both workers; a describe that shares one fixture build
  // opts back into one worker with `test.describe.configure({ mode: 'serial' })`.
  fullyParallel: true,
  // e2e first: its long tests (fixture builds) start early and the short axe runs fill the gaps.
  projects: [
    { name: 'e2e', testDir: './e2e' },
    // axe on the largest pages takes ~3 s of CPU; the margin is for a busy shared machine.
    { name: 'a11y', testDir: './a11y', timeout: 120_000 },
  ],
  outputDir: process.env.E2E_OUTPUT ?? '../test-results',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  // E2E_JSON=<file> also writes per-test durations as JSON (to find the slow tests).
  reporter: [['list'], ...(process.env.E2E_JSON ? [['json', { outputFile: process.env.E2E_JSON }] as const] : [])],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    // Recording a trace costs ~12% CPU on every test; record one only when a failed test is retried
    // (CI). Locally: `npx playwright test -c tests/playwright.config.ts --trace retain-on-failure …`.
    trace: 'on-first-retry',
    ...devices['Desktop Chrome'],
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-sync',
        '--disable-gpu',
        '--disable-quic',
      ],
    },
  },
  webServer: {
    // The production build, served as a static host serves it; `npm run test:e2e` builds it first.
    command: `node tests/support/static-server.ts ${DIST} ${PORT}`,
    cwd: '..',
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 15 * 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
