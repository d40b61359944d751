/**
 * Issue 13: help that goes all the way. What a person in trouble comes for must not thin out
 * again: the next-step pages exist in six languages with 400–900 Dutch words, the theme pages have
 * substance (median ≥ 450 words, ≥ 9 of 11 name a specialised service with its number), and the
 * services the issue names stand on the pages that need them, as tokens (the number comes from
 * the facts data).
 */
import { describe, expect, it } from 'vitest';
import { contentFiles } from '../support/content-files';
import { pageSchema } from '../../site/content.schema';

const LANGS = ['nl', 'en', 'tr', 'ar', 'pl', 'uk'];
const files = contentFiles();
const nl = (key: string) => {
  const found = files.find((f) => f.lang === 'nl' && f.key === key);
  if (!found) throw new Error(`no Dutch page ${key}`);
  return found;
};

/** Words a reader reads: a token counts as one word, link targets and markup do not count. */
export function wordCount(body: string): number {
  const text = body
    .replace(/\{\{[^}]*\}\}/g, ' token ')
    .replace(/\]\([^)]*\)/g, ']')
    .replace(/[#*_>`[\]\\|-]/g, ' ');
  return text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
}

const telTokens = (body: string) => [...body.matchAll(/\{\{\s*tel:([a-z0-9-]+)\s*\}\}/g)].map((m) => m[1]!);
/** The numbers every page shows anyway (safety bar): not "a specialised service". */
const GENERAL = new Set(['alarmnummer-112', 'veilig-thuis']);

const NEXT_STEPS = [
  'veilig-weggaan',
  'opvang',
  'politie-en-recht',
  'stalking',
  'digitale-veiligheid',
  'verblijfsrecht',
  'mannen',
  'makkelijk-lezen',
  'ouderen-en-geld',
  'controle-en-geld',
  'melding-over-mij',
  'na-het-geweld',
].map((slug) => `stappen/${slug}`);

describe('next-step pages', () => {
  for (const key of NEXT_STEPS) {
    it(`${key}: in six languages, kind next-step, 400–900 Dutch words, sources and a check date`, () => {
      for (const lang of LANGS)
        expect(
          files.some((f) => f.lang === lang && f.key === key),
          `${lang}/${key}`,
        ).toBe(true);
      const page = nl(key);
      const data = pageSchema.parse(page.frontMatter);
      expect(data.kind).toBe('next-step');
      expect(data.sources.length).toBeGreaterThan(0);
      const words = wordCount(page.body);
      expect(words).toBeGreaterThanOrEqual(400);
      expect(words).toBeLessThanOrEqual(900);
    });
  }

  it('are the only next-step pages, so the home page lists exactly these', () => {
    const onDisk = files
      .filter((f) => f.lang === 'nl' && pageSchema.parse(f.frontMatter).kind === 'next-step')
      .map((f) => f.key);
    expect(onDisk.sort()).toEqual([...NEXT_STEPS].sort());
  });
});

describe('theme pages', () => {
  const themes = files.filter((f) => f.lang === 'nl' && f.key.startsWith('thema/'));

  it('are eleven, with a median of at least 450 Dutch words', () => {
    expect(themes).toHaveLength(11);
    const counts = themes.map((f) => wordCount(f.body)).sort((a, b) => a - b);
    expect(counts[5]).toBeGreaterThanOrEqual(450);
  });

  it('at least 9 of 11 name a specialised service with its number', () => {
    const withService = themes.filter((f) => telTokens(f.body).some((id) => !GENERAL.has(id)));
    expect(withService.length).toBeGreaterThanOrEqual(9);
  });

  it.each([
    ['thema/seksueel-geweld', 'centrum-seksueel-geweld'],
    ['thema/kindermishandeling', 'kindertelefoon'],
    ['voor/jongeren', 'kindertelefoon'],
    ['thema/huwelijksdwang', 'bz-24-7-contactcenter'],
    ['thema/mensenhandel', 'arbeidsinspectie-uitbuiting'],
    ['voor/jongeren', '113-zelfmoordpreventie'],
  ])('%s names %s in every language', (key, service) => {
    for (const lang of LANGS) {
      const page = files.find((f) => f.lang === lang && f.key === key)!;
      expect(telTokens(page.body), `${lang}/${key}`).toContain(service);
    }
  });

  it('seksueel-geweld says why coming within 7 days matters', () => {
    expect(nl('thema/seksueel-geweld').body).toMatch(/7 dagen/);
  });
});

describe('wordCount', () => {
  it('counts words a reader reads, a token as one', () => {
    expect(wordCount('## Kop\n\nBel [Veilig Thuis](/nl/x/) op {{tel:veilig-thuis}}. - Een lijst')).toBe(8);
  });
});
