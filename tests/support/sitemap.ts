/**
 * The URLs the page crawl visits (privacy and axe on each). By default: every template in every
 * language plus a fixed sample, so CI stays fast:
 * - Dutch, the original: every page, with the municipality template for a fixed sample;
 * - every other language: every route that is not a content page (home, help index, search,
 *   chat, …), one content page of each kind (theme, audience, campaign, …) plus the pages listed
 *   in EXTRA_CONTENT_PAGES, and two municipality pages.
 * `npm run test:crawl` (FULL_CRAWL=1) visits every URL in the sitemap.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(import.meta.dirname, '../../dist');
const PAGES = join(import.meta.dirname, '../../content/pages');

/** Municipality slugs always visited: large, small, with apostrophe, diacritics and brackets. */
export const MUNICIPALITY_SAMPLE = [
  'zaanstad',
  's-gravenhage',
  'nijmegen',
  'mook-en-middelaar',
  'sudwest-fryslan',
  'bergen-nh',
];

/** Every path in dist/sitemap-*.xml, e.g. `/nl/privacy/`. */
export function sitemapPaths(): string[] {
  const files = readdirSync(DIST).filter((name) => /^sitemap-\d+\.xml$/.test(name));
  if (files.length === 0) throw new Error('No sitemap in dist/: run the build first');
  const paths = files.flatMap((file) =>
    [...readFileSync(join(DIST, file), 'utf8').matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname),
  );
  return [...new Set(paths)].sort();
}

const MUNICIPALITY_PAGE = /^\/[a-z]{2}\/hulp\/([^/]+)\/$/;
const PAGE_PATH = /^\/([a-z]{2})\/(.+)\/$/;

/** Municipality slugs visited in the languages other than Dutch. */
const MUNICIPALITY_SAMPLE_PER_LANGUAGE = ['zaanstad'];

/** Content pages visited in every language: they use components others do not; each also stands for its kind. */
const EXTRA_CONTENT_PAGES = ['ik-zit-klem', 'ik-zit-klem/zaanstreek-waterland', 'uitleg/feiten-en-cijfers'];

/** The markdown file behind a path, when the path is a content page. */
function contentFile(path: string): string | undefined {
  const match = PAGE_PATH.exec(path);
  if (!match) return undefined;
  const file = join(PAGES, match[1]!, `${match[2]!}.md`);
  return existsSync(file) ? file : undefined;
}

/**
 * The page's kind: pages of one kind share the template. The data-fed blocks some pages add
 * (figures, "what you can do now" steps, a region's municipalities) are on the EXTRA_CONTENT_PAGES,
 * which are visited in every language.
 */
function templateOf(file: string): string {
  const kind = /^kind:\s*(\S+)/m.exec(readFileSync(file, 'utf8'))?.[1];
  if (!kind) throw new Error(`${file}: no kind in the front matter`);
  return kind;
}

/** The sample described at the top (or everything with `full`). */
export function pathsToVisit(full = process.env.FULL_CRAWL === '1'): string[] {
  const all = sitemapPaths();
  if (full) return all;
  const isExtra = (path: string) => EXTRA_CONTENT_PAGES.some((key) => path.endsWith(`/${key}/`));
  // Templates the extra pages stand for: those need no other page.
  const kindsSeen = new Set(all.filter((path) => isExtra(path)).map((path) => kindKey(path, contentFile(path)!)));
  return all.filter((path) => {
    const lang = path.split('/')[1];
    const municipality = MUNICIPALITY_PAGE.exec(path)?.[1];
    if (municipality) {
      return (lang === 'nl' ? MUNICIPALITY_SAMPLE : MUNICIPALITY_SAMPLE_PER_LANGUAGE).includes(municipality);
    }
    const file = contentFile(path);
    if (!file || isExtra(path)) return true;
    const kind = kindKey(path, file);
    if (kindsSeen.has(kind)) return false;
    kindsSeen.add(kind);
    return true;
  });
}

const kindKey = (path: string, file: string) => `${path.split('/')[1]}:${templateOf(file)}`;
