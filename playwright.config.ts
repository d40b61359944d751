import { defineConfig } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Port of the server the browser tests start (the real chat-server over the real build). */
export const E2E_PORT = Number(process.env.E2E_PORT ?? 4321);

/**
 * Operator accounts the browser tests create live in a temporary file, never in the
 * developer's own .data/operators.json. Set here so the server and the test workers share it.
 */
const OPERATORS_FILE = process.env.OPERATORS_FILE ?? join(tmpdir(), `ghnt-e2e-operators-${E2E_PORT}.json`);
process.env.OPERATORS_FILE = OPERATORS_FILE;

/**
 * Tests that take "the next person in the queue" (a keyboard shortcut) or count everyone waiting:
 * other tests' visitors in the same server's queue would be taken or counted. They run after the
 * rest, one at a time.
 */
const WHOLE_QUEUE = ['e2e/console-accounts.e2e.ts', 'e2e/console-danger.e2e.ts', 'e2e/console-figures.e2e.ts'];

export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.e2e.ts', 'a11y/**/*.e2e.ts'],
  // Two on this 2-core machine: three, beside Vitest, pushed the load to 16 and made the run
  // slower, not faster (measured 2026-12-04).
  workers: 2,
  fullyParallel: true,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  projects: [
    { name: 'browser', testIgnore: WHOLE_QUEUE },
    { name: 'whole-queue', testMatch: WHOLE_QUEUE, workers: 1, dependencies: ['browser'] },
  ],
  use: {
    baseURL: `http://localhost:${E2E_PORT}`,
    launchOptions: {
      // Debian's Chromium; Playwright never downloads a browser here.
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // The compiled server, as production runs it (compiling takes under a second).
    command: 'node chat-server/build-server.mjs && node build/chat-server/main.js',
    url: `http://localhost:${E2E_PORT}/healthz`,
    reuseExistingServer: false,
    timeout: 180_000,
    env: {
      PORT: String(E2E_PORT),
      NODE_ENV: 'test',
      CHAT_ALWAYS_OPEN: 'true',
      OPERATORS_FILE,
      // Every browser test comes from 127.0.0.1: per-address limits sized for one visitor each
      // would refuse the suite itself (docs/security.md; tests/integration/chat-abuse-*.test.ts).
      CHAT_VISITOR_SOCKETS_PER_ADDRESS: '10000',
      CHAT_STARTS_PER_ADDRESS: '10000',
      LOGIN_MAX_FAILURES_PER_ADDRESS: '10000',
      LOGIN_HASH_QUEUE_PER_ADDRESS: '1000',
    },
  },
});
