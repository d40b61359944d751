/**
 * No broken internal link: in the markdown (every link stays in the page's own language and
 * points at a page that exists) and across the whole built site (every href in dist).
 * Sections built by other parts of the site are accepted while absent (PROVIDED_ELSEWHERE).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFiles } from '../support/content-files';
import { DIST, htmlFiles } from '../support/dist-files';
import { existsInDist, internalPath, providedElsewhere } from '../support/internal-links';

const files = contentFiles();

/** `/nl/thema/x/` → is there a page `content/pages/nl/thema/x.md` (or the home page)? */
function pageExists(path: string): boolean {
  const [, lang, ...rest] = path.split('/');
  const key = rest.join('/').replace(/\/$/, '') || 'index';
  return key === 'index' || files.some((f) => f.lang === lang && f.key === key);
}

describe('internal links in the markdown', () => {
  for (const f of files) {
    it(`${f.file} links only to pages in its own language that exist`, () => {
      const problems: string[] = [];
      for (const match of f.body.matchAll(/\]\(([^)\s]+)\)/g)) {
        const path = internalPath(match[1]!);
        if (path === null) continue;
        if (!path.startsWith(`/${f.lang}/`)) problems.push(`${match[1]}: not in /${f.lang}/`);
        else if (!path.endsWith('/')) problems.push(`${match[1]}: page links end with a slash`);
        else if (!pageExists(path) && !existsInDist(DIST, path) && !providedElsewhere(DIST, path))
          problems.push(`${match[1]}: no such page`);
      }
      expect(problems).toEqual([]);
    });
  }
});

describe('internal links in the built site', () => {
  it('finds the build (run `npm run build` first)', () => {
    expect(existsSync(join(DIST, 'nl/index.html'))).toBe(true);
  });

  it('has no href to a page or file that does not exist', () => {
    const broken: string[] = [];
    for (const html of existsSync(DIST) ? htmlFiles(DIST) : []) {
      const text = readFileSync(html, 'utf8');
      for (const match of text.matchAll(/\shref="([^"]+)"/g)) {
        const path = internalPath(match[1]!.replace(/&amp;/g, '&'));
        if (path === null || existsInDist(DIST, path) || providedElsewhere(DIST, path)) continue;
        broken.push(`${relative(DIST, html)} → ${match[1]}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('would report a link to a page that is not there', () => {
    expect(existsInDist(DIST, '/nl/bestaat-niet/')).toBe(false);
    expect(providedElsewhere(DIST, '/nl/bestaat-niet/')).toBe(false);
    expect(providedElsewhere(DIST, '/nl/hulp/zaanstad/')).toBe(!existsInDist(DIST, '/nl/hulp/'));
  });
});
