// Compiles the chat server to plain JavaScript, so production runs what Node executes natively
// (no TypeScript loader in the serving process). One bundle per entry point; npm packages stay
// external and are loaded from node_modules as usual. Takes well under a second.
//
//   node chat-server/build-server.mjs     (npm run build:server; npm start and npm run build call it)
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the compiled server lives: outside dist/, which is the public site and served as files. */
export const SERVER_OUT_DIR = join(root, 'build', 'chat-server');

const ENTRY_POINTS = {
  main: join(root, 'chat-server/src/main.ts'),
  'operator-add': join(root, 'chat-server/src/cli/operator-add.ts'),
};

export async function buildServer() {
  const result = await build({
    entryPoints: ENTRY_POINTS,
    outdir: SERVER_OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    write: false,
  });
  // Each file is written beside its place and renamed over it: a process starting the server
  // while another build runs (Vitest and Playwright start side by side) never reads half a file.
  mkdirSync(SERVER_OUT_DIR, { recursive: true });
  for (const file of result.outputFiles) {
    const temporary = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temporary, file.contents);
    renameSync(temporary, file.path);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildServer().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
