/**
 * The built site (run `npm run build` first) holds help facts only as the facts module gives
 * them: no `{{…}}` token in any built html or json file, and the search index of each language
 * offers exactly the organisations that the help pages of that language show.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACTS } from '../../content/facts';
import { ROOT } from '../support/content-files';

const DIST = join(ROOT, 'dist');
const LANGS = ['nl', 'en', 'tr', 'ar', 'pl', 'uk'];

function filesIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesIn(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('built html and json files', () => {
  const files = filesIn(DIST).filter((file) => /\.(html|json)$/.test(file));

  it('are there (run `npm run build` first)', () => {
    expect(files.length).toBeGreaterThan(1000);
  });

  it('contain no {{ token', () => {
    const withToken = files
      .filter((file) => readFileSync(file, 'utf8').includes('{{'))
      .map((file) => relative(ROOT, file));
    expect(withToken).toEqual([]);
  });
});

/** The ids of the documents in a built index file (MiniSearch keeps them in `documentIds`). */
function indexedOrganisations(lang: string): string[] {
  const index = JSON.parse(readFileSync(join(DIST, lang, 'zoeken', 'index.json'), 'utf8')) as {
    engine: { documentIds: Record<string, string> };
  };
  return Object.values(index.engine.documentIds)
    .filter((id) => id.startsWith('organisation:'))
    .map((id) => id.slice('organisation:'.length))
    .sort();
}

/** Whether some content page of the language names the service with its number (a tel token). */
function namedInPageText(lang: string, id: string): boolean {
  return filesIn(join(ROOT, 'content/pages', lang)).some((file) =>
    readFileSync(file, 'utf8').includes(`{{tel:${id}}}`),
  );
}

/** Every organisation some help page of a language shows: its service items and its route blocks. */
function organisationsOnPages(lang: string): string[] {
  const shown = new Set<string>();
  const blocks = FACTS.services.filter((s) => ['alarmnummer-112', 'veilig-thuis', 'veilig-thuis-chat'].includes(s.id));
  for (const file of filesIn(join(DIST, lang, 'hulp')).filter((f) => f.endsWith('index.html'))) {
    const html = readFileSync(file, 'utf8');
    for (const match of html.matchAll(/data-service="([^"]+)"/g)) shown.add(match[1]!);
    for (const service of blocks) {
      const href = service.phone ? `href="tel:${service.phone.tel}"` : `href="/${lang}/chat/"`;
      if (html.includes(href)) shown.add(service.id);
    }
  }
  return [...shown].sort();
}

describe('the search index', () => {
  for (const lang of LANGS) {
    it(`${lang}: holds no {{ and offers exactly the organisations the help pages show`, () => {
      const raw = readFileSync(join(DIST, lang, 'zoeken', 'index.json'), 'utf8');
      expect(raw.includes('{{')).toBe(false);
      const onPages = organisationsOnPages(lang);
      expect(onPages.length).toBeGreaterThan(10);
      // Plus a service people search for by their own words (synonyms `services`, e.g. 113), which
      // the help routes do not list but the content pages name with its number.
      const searchedFor = Object.keys(
        (
          JSON.parse(readFileSync(join(ROOT, 'content/search', `synonyms.${lang}.json`), 'utf8')) as {
            services?: Record<string, string[]>;
          }
        ).services ?? {},
      ).filter((id) => !onPages.includes(id));
      for (const id of searchedFor) expect(namedInPageText(lang, id), `${id} named in a ${lang} page`).toBe(true);
      expect(indexedOrganisations(lang)).toEqual([...onPages, ...searchedFor].sort());
      // The rows the issue found offered by search but refused by the pages.
      for (const id of ['de-luisterlijn', 'blijf-groep', 'ouderenmishandeling'])
        expect(indexedOrganisations(lang)).not.toContain(id);
    });
  }
});
