/**
 * The URLs the browser tests visit: every URL in the built sitemap, except that templates with
 * hundreds of pages (the municipality pages) are visited for a fixed sample in every language.
 * `npm run test:crawl` visits them all.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const DIST = join(import.meta.dirname, '../../dist');

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

/** The sitemap with the municipality template reduced to the fixed sample (unless `full`). */
export function pathsToVisit(full = process.env.FULL_CRAWL === '1'): string[] {
  return sitemapPaths().filter((path) => {
    const match = MUNICIPALITY_PAGE.exec(path);
    return full || !match || MUNICIPALITY_SAMPLE.includes(match[1]!);
  });
}
