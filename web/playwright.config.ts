import { defineConfig } from '@playwright/test';

const port = Number(process.env.BROWSER_TEST_PORT ?? 3150);
const baseURL = `http://127.0.0.1:${port}`;

/**
 * Browser tests against the real server: a fresh database with the demo municipality, the API serving the built
 * app (web/dist, `npm run build --workspace web` first) and the worker. Debian's Chromium; no browser is
 * downloaded.
 */
export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'nb-NO',
    timezoneId: 'Europe/Oslo',
    trace: 'off',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  webServer: {
    command: 'node e2e/start-server.mjs',
    url: `${baseURL}/health`,
    timeout: 180_000,
    // BROWSER_TEST_REUSE=1 runs against a server already started with `node e2e/start-server.mjs`.
    reuseExistingServer: process.env.BROWSER_TEST_REUSE === '1',
    stdout: 'pipe',
    stderr: 'pipe',
  },
});
