/**
 * The server refuses to run on a Node release past its end of life: a public service must not.
 * `npm start` brings its own LTS (the npm package `node` in node_modules/.bin), so this only
 * stops someone who runs the compiled server with an old system Node by hand.
 */
export const MINIMUM_NODE_MAJOR = 24;

/** An explanation when `version` (like process.version, "v26.10.0") is too old; null when fine. */
export function unsupportedNodeMessage(version: string): string | null {
  const major = Number(/^v?(\d+)\./.exec(version)?.[1] ?? 0);
  if (major >= MINIMUM_NODE_MAJOR) return null;
  return [
    `Node ${version} is not supported (it is past its end of life); this server needs Node ${MINIMUM_NODE_MAJOR} or newer.`,
    'Start it with `npm start`: npm install brings a supported Node into node_modules/.bin.',
  ].join('\n');
}
