/**
 * `npm start` builds the site first when dist/ is missing or older than its sources, so a
 * fresh clone needs only `npm install && npm start`.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const SOURCES = ['site', 'content', 'search-index', 'astro.config.mjs', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** True when dist/ has no build or a source file changed after the last build. */
export function buildIsStale(root: string, distDir: string): boolean {
  const stamp = join(distDir, 'index.html');
  if (!existsSync(stamp)) return true;
  const built = statSync(stamp).mtimeMs;
  return SOURCES.some((source) => newestMtime(join(root, source)) > built);
}

export function buildIfNeeded(root: string, distDir: string): void {
  if (!buildIsStale(root, distDir)) return;
  console.log('Building the site (astro build)…');
  // The same Node that runs this server (the project's LTS under npm start), not whatever `npx` finds.
  const result = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  if (result.status !== 0) throw new Error('astro build failed: see the messages above');
}
