/**
 * The content pages as files: content/pages/<lang>/<key>.md, with front matter and body split.
 * The content checks (tests/unit/content-*.test.ts) read them here, without Astro.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parse as parseYaml } from 'yaml';

export const ROOT = join(import.meta.dirname, '../..');
export const PAGES_DIR = join(ROOT, 'content/pages');

/** The seed documents: `SEEDS_DIR`, or the nearest `shared/seeds` above the repository (../shared/seeds). */
export const SEEDS_DIR = process.env.SEEDS_DIR ?? findUp(ROOT, 'shared/seeds');

function findUp(from: string, relativePath: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, relativePath))) return join(dir, relativePath);
    if (dirname(dir) === dir) throw new Error(`No ${relativePath} above ${from}: set SEEDS_DIR`);
  }
}

export interface ContentFile {
  /** e.g. `content/pages/ar/thema/partnergeweld.md` */
  file: string;
  lang: string;
  /** The path below the language, without `.md`: `thema/partnergeweld`; `index` for a home page. */
  key: string;
  frontMatter: unknown;
  body: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? walk(join(dir, entry.name)) : entry.name.endsWith('.md') ? [join(dir, entry.name)] : [],
  );
}

/** Splits `---\nyaml\n---\nbody`; throws with the file named when there is no front matter. */
export function splitFrontMatter(text: string, file: string): { frontMatter: unknown; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${file}: no front matter (--- … ---) at the top`);
  return { frontMatter: parseYaml(match[1]!), body: match[2]! };
}

/** Every content page, sorted by file. */
export function contentFiles(): ContentFile[] {
  return walk(PAGES_DIR)
    .sort()
    .map((path) => {
      const file = relative(ROOT, path);
      const [lang, ...rest] = relative(PAGES_DIR, path).replace(/\.md$/, '').split('/');
      return { file, lang: lang!, key: rest.join('/'), ...splitFrontMatter(readFileSync(path, 'utf8'), file) };
    });
}
