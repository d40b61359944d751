/** The built site in dist/: every HTML file, for the checks that read the build without a browser. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './content-files';

export const DIST = join(ROOT, 'dist');

/** Every `.html` file below `dir` (default: dist/), as absolute paths. */
export function htmlFiles(dir: string = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? htmlFiles(join(dir, entry.name))
      : entry.name.endsWith('.html')
        ? [join(dir, entry.name)]
        : [],
  );
}
