/**
 * Internal links of the content: which targets exist, and which route sections other parts of
 * the site provide (they are not built on the content branch).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Route sections built by other parts of the site: the help routes (`/{lang}/hulp/`, with
 * `?thema=<id>`, and `/{lang}/hulp/<municipality>/`), the chat and search. A link into one is
 * accepted while that section is absent from dist; once it is built, links into it are checked
 * for real (so a wrong municipality slug fails after the merge).
 */
export const PROVIDED_ELSEWHERE = [
  { section: 'hulp/', pattern: /^\/[a-z]{2}\/hulp\/(?:[a-z0-9-]+\/)?$/ },
  { section: 'chat/', pattern: /^\/[a-z]{2}\/chat\/$/ },
  { section: 'zoeken/', pattern: /^\/[a-z]{2}\/zoeken\/$/ },
] as const;

/** The path of an href without query and fragment; null for external, tel:, mailto: and same-page links. */
export function internalPath(href: string): string | null {
  if (!href.startsWith('/') || href.startsWith('//')) return null;
  return href.replace(/[?#].*$/, '');
}

/** Whether `/nl/x/` exists in the built site (`dist/nl/x/index.html`, or a file such as `/favicon.svg`). */
export function existsInDist(dist: string, path: string): boolean {
  const target = join(dist, decodeURIComponent(path));
  return path.endsWith('/') ? existsSync(join(target, 'index.html')) : existsSync(target);
}

/** Whether a link into a section that another part provides is accepted (see PROVIDED_ELSEWHERE). */
export function providedElsewhere(dist: string, path: string): boolean {
  const lang = path.split('/')[1] ?? '';
  return PROVIDED_ELSEWHERE.some(
    ({ section, pattern }) => pattern.test(path) && !existsInDist(dist, `/${lang}/${section}`),
  );
}
