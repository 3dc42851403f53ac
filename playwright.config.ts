import { defineConfig, devices } from '@playwright/test';

// Browser tests run against the built site (`npm run build` first; `npm test` does it in order).
// E2E_PORT lets two people on one machine run the suite at once; 4173 is the default.
const PORT = Number(process.env.E2E_PORT ?? 4173);
const BASE_URL = `http://127.0.0.1:${PORT}`;
const VIEWPORT = { width: 1280, height: 800 };

export default defineConfig({
  testDir: './tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1, // 2 cores: one browser at a time
  retries: process.env.CI ? 1 : 0,
  // The JSON report must not live under outputDir: Playwright wipes test-results/ at start (TOOLCHAIN P10).
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  outputDir: 'test-results',
  use: { baseURL: BASE_URL, viewport: VIEWPORT, trace: 'retain-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        viewport: VIEWPORT,
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    // Call vite directly, not through npx, so the server is one process Playwright can stop (TOOLCHAIN P6).
    command: `node_modules/.bin/vite preview --configLoader runner --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: BASE_URL,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
