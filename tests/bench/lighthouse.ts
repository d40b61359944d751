/**
 * `npm run bench:lighthouse`: Lighthouse 12 (mobile profile) in Debian's Chromium against the
 * real server over the real build, for the home page, a content page and an Arabic page.
 * Prints JSON; targets: every category ≥ 0.95. Not part of `npm test` (timings are noisy here).
 */
import { spawn } from 'node:child_process';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { buildServer } from '../../chat-server/build-server.mjs';
import { SERVER_MAIN } from '../support/server-build';

const PORT = Number(process.env.BENCH_PORT ?? 4600);
const PAGES = ['/nl/', '/nl/sporen-wissen/', '/ar/sporen-wissen/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TARGET = 0.95;

async function waitForServer(url: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`server did not answer at ${url}`);
}

async function main(): Promise<void> {
  // The compiled server, as production runs it; its own process group, so stopping it also
  // stops what it started.
  await buildServer();
  const server = spawn(process.execPath, [SERVER_MAIN, '--build-if-needed'], {
    env: { ...process.env, PORT: String(PORT), NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const chrome = await launch({
    chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    chromeFlags: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    await waitForServer(`http://localhost:${PORT}/healthz`);
    const results = [];
    for (const path of PAGES) {
      const run = await lighthouse(`http://localhost:${PORT}${path}`, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
        formFactor: 'mobile',
      });
      if (!run) throw new Error(`no Lighthouse result for ${path}`);
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, run.lhr.categories[c]?.score ?? null]));
      const failedAudits = Object.values(run.lhr.audits)
        .filter((audit) => audit.score !== null && audit.score < 0.9 && audit.scoreDisplayMode !== 'informative')
        .map((audit) => audit.id);
      results.push({ path, scores, meetsTarget: CATEGORIES.every((c) => (scores[c] ?? 0) >= TARGET), failedAudits });
    }
    console.log(JSON.stringify({ profile: 'mobile', target: TARGET, results }, null, 2));
  } finally {
    chrome.kill();
    if (server.pid) process.kill(-server.pid, 'SIGTERM');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
