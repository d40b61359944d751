// Compiles the chat server to plain JavaScript, so production runs what Node executes natively
// (no TypeScript loader in the serving process). One bundle per entry point; npm packages stay
// external and are loaded from node_modules as usual. Takes well under a second.
//
//   node chat-server/build-server.mjs     (npm run build:server; npm start and npm run build call it)
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Where the compiled server lives: outside dist/, which is the public site and served as files. */
export const SERVER_OUT_DIR = join(root, 'build', 'chat-server');

const ENTRY_POINTS = {
  main: join(root, 'chat-server/src/main.ts'),
  'operator-add': join(root, 'chat-server/src/cli/operator-add.ts'),
};

export async function buildServer() {
  await build({
    entryPoints: ENTRY_POINTS,
    outdir: SERVER_OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildServer().catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
