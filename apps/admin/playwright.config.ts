import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the real stack (e2e/global-setup.ts starts the API, its database and
 * the built admin). The browser is our Chromium, launched by the fixture in e2e/fixtures.ts.
 */
export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  workers: 1,
  retries: 0,
  fullyParallel: false,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  globalSetup: './e2e/global-setup.ts',
  reporter: [['list'], ['../../scripts/playwright-results-reporter.cjs', { name: 'browser' }]],
  use: {
    screenshot: 'only-on-failure',
    trace: 'off',
    viewport: { width: 1440, height: 900 },
  },
});
