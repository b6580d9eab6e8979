// End-to-end tests against the release dist/, served on 127.0.0.1 by the
// same static server as `make serve`, in Debian's chromium (never a
// downloaded browser).
import { defineConfig } from '@playwright/test';
import path from 'node:path';

const root = path.resolve(__dirname, '..', '..');
const port = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: __dirname,
  outputDir: path.join(root, 'target', 'e2e-results'),
  fullyParallel: true,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
    locale: 'en-US',
  },
  webServer: [
    {
      command: `node scripts/serve.mjs --root dist --port ${port}`,
      cwd: root,
      url: `http://127.0.0.1:${port}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // The same dist/, copied under a deep path of an intranet's server.
      command: `node scripts/serve.mjs --root dist --port ${port + 1} --base /intranet/tools/certlink/`,
      cwd: root,
      url: `http://127.0.0.1:${port + 1}/intranet/tools/certlink/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
    {
      // A learning platform: scorm-again's SCORM 1.2 run-time around the
      // package `make scorm` builds from the same dist/ (scorm.spec.ts).
      // port + 2 is embedding.spec.ts's own server for a next build.
      command: `node tests/e2e/scorm/prepare.mjs && node scripts/serve.mjs --root target/scorm-platform --port ${port + 3}`,
      cwd: root,
      url: `http://127.0.0.1:${port + 3}/`,
      reuseExistingServer: false,
      timeout: 30_000,
    },
  ],
});
