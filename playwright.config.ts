import { defineConfig } from '@playwright/test'

// Runs against the production build (dist/), served under a sub-path to prove sub-path
// deployment. `node scripts/e2e.mjs` finds the browser and sets LF_CHROMIUM_PATH
// ('' means Playwright's own Chromium).
// LF_E2E_PORT lets several checkouts run their suites side by side (a reused server must be this build's).
const PORT = Number(process.env.LF_E2E_PORT ?? 4179)
const BASE = '/lambda-foundations/'

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  timeout: 60_000,
  expect: { timeout: 7_000 },
  reporter: process.env.CI ? [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]] : 'list',
  outputDir: 'test-results',
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE}`,
    headless: true,
    // Not devices['Desktop Chrome']: its Windows user agent changes editor behaviour.
    viewport: { width: 1280, height: 800 },
    colorScheme: 'light',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.LF_CHROMIUM_PATH || undefined,
      args: [
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-dev-shm-usage',
      ],
    },
  },
  webServer: {
    command: `node scripts/serve.mjs --port ${PORT} --base ${BASE}`,
    url: `http://127.0.0.1:${PORT}${BASE}`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
})
