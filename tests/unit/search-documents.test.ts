/** The parts the search index is built from: text folding, slugs, sections, synonym files. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { foldText, queryTerms, tokenize, MAX_QUERY_TERMS } from '../../search-index/text';
import { municipalitySlug, loadMunicipalities } from '../../search-index/sources/municipalities';
import { splitSections } from '../../search-index/sources/pages';
import { loadSynonyms } from '../../search-index/sources/synonyms';
import { buildDocuments } from '../../search-index/documents';
import { buildIndexJson, CONTENT_DIR } from '../../search-index/build-index';
import { EmbeddedSearchEngine } from '../../search-index/embedded-engine';
import { TYPE_BOOSTS } from '../../search-index/engine-options';
import { LANGS as SEARCH_LANGS } from '../../search-index/languages';
import { LANGS as SITE_LANGS } from '../../site/i18n/locales';

describe('text folding', () => {
  it('folds case, diacritics, Turkish dotless i and Arabic spelling variants to one form', () => {
    expect(foldText('Súdwest-Fryslân')).toBe('sudwest-fryslan');
    expect(foldText('DÖVÜYOR ışık')).toBe('dovuyor isik');
    expect(foldText('زوجى أمي')).toBe(foldText('زوجي امي'));
  });

  it('splits postcodes from letters and reads Eastern Arabic digits', () => {
    expect(tokenize('6511AB')).toEqual(['6511', 'ab']);
    expect(tokenize('١٥٠١')).toEqual(['1501']);
  });

  it('also indexes an Arabic word without its glued "and"/"the"', () => {
    expect(tokenize('ويضربني')).toEqual(['ويضربني', 'يضربني']);
  });

  it('drops stopwords, unless nothing else is left, and bounds the number of words', () => {
    const stop = new Set(['mijn', 'nu']);
    expect(queryTerms('mijn man', stop)).toEqual(['man']);
    expect(queryTerms('nu', stop)).toEqual(['nu']);
    expect(queryTerms('a b c d e f g h i j k l m n', stop)).toHaveLength(MAX_QUERY_TERMS);
    expect(queryTerms(undefined, stop)).toEqual([]);
  });
});

describe('municipality slugs', () => {
  it.each([
    ["'s-Gravenhage", 's-gravenhage'],
    ['Súdwest-Fryslân', 'sudwest-fryslan'],
    ['Bergen (NH.)', 'bergen-nh'],
    ['Nuenen, Gerwen en Nederwetten', 'nuenen-gerwen-en-nederwetten'],
  ])('%s → %s', (name, slug) => expect(municipalitySlug(name)).toBe(slug));

  it('gives all 342 municipalities a distinct slug, places, and postcodes where CBS has them', () => {
    const municipalities = loadMunicipalities(CONTENT_DIR);
    expect(municipalities).toHaveLength(342);
    expect(new Set(municipalities.map((m) => m.slug)).size).toBe(342);
    const zaanstad = municipalities.find((m) => m.slug === 'zaanstad')!;
    expect(zaanstad.places).toEqual(expect.arrayContaining(['Zaandam', 'Krommenie']));
    expect(zaanstad.postcodes).toContain('1501');
  });
});

describe('page sections', () => {
  it('makes one section per h2/h3 with the anchor Astro gives the heading', () => {
    const sections = splitSections(
      'Intro **text**.\n\n## Gebruik een privévenster\n\nTekst.\n\n## Gebruik een privévenster\n\nNog.',
    );
    expect(sections.map((s) => s.anchor)).toEqual(['', 'gebruik-een-privévenster', 'gebruik-een-privévenster-1']);
    expect(sections[0]!.text).toBe('Intro text.');
  });

  it('keeps the opening of a page that starts with a heading: it is the page itself', () => {
    const sections = splitSections('## Eerst dit\n\nTekst.');
    expect(sections.map((s) => [s.anchor, s.text])).toEqual([
      ['', ''],
      ['eerst-dit', 'Tekst.'],
    ]);
  });
});

describe('synonym files', () => {
  it('exist for all six languages and name every theme id they use correctly', () => {
    const themeIds = ['partnergeweld', 'kindermishandeling'];
    for (const lang of ['nl', 'en', 'tr', 'ar', 'pl', 'uk']) {
      const documents = buildDocuments(CONTENT_DIR, lang).documents;
      expect(documents.filter((d) => d.type === 'theme')).toHaveLength(11);
      expect(documents.find((d) => d.id === 'theme:partnergeweld')!.keywords.length).toBeGreaterThan(50);
    }
    expect(() => loadSynonyms(CONTENT_DIR, 'nl', themeIds)).toThrow(
      /content\/search\/synonyms\.nl\.json: themes\.ouderenmishandeling: unknown theme id/,
    );
  });

  it('fail with the file and field named when an editor makes a mistake', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ghnt-synonyms-'));
    mkdirSync(join(dir, 'search'));
    writeFileSync(join(dir, 'search/synonyms.nl.json'), JSON.stringify({ stopwords: [], emergency: [''], themes: {} }));
    expect(() => loadSynonyms(dir, 'nl', [])).toThrow(/content\/search\/synonyms\.nl\.json: emergency\.0/);
    writeFileSync(join(dir, 'search/synonyms.nl.json'), '{ not json');
    expect(() => loadSynonyms(dir, 'nl', [])).toThrow(/content\/search\/synonyms\.nl\.json/);
  });

  it('changes search without code: a word added to the file finds the theme', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ghnt-content-'));
    cpSync(CONTENT_DIR, dir, { recursive: true });
    const file = join(dir, 'search/synonyms.nl.json');
    const synonyms = JSON.parse(readFileSync(file, 'utf8')) as { themes: Record<string, string[]> };
    synonyms.themes['kindhuwelijk']!.push('zzwoordje');
    writeFileSync(file, JSON.stringify(synonyms));
    const engine = EmbeddedSearchEngine.fromJson(buildIndexJson('nl', dir));
    expect(engine.searchNow('zzwoordje')[0]?.url).toBe('/nl/thema/kindhuwelijk/');
  }, 60_000);
});

describe('page words (synonyms `pages`)', () => {
  /** A copy of content/ with the nl synonyms file changed by `edit`. */
  function contentWith(edit: (synonyms: { pages: Record<string, string[]> }) => void): string {
    const dir = mkdtempSync(join(tmpdir(), 'ghnt-pages-'));
    cpSync(CONTENT_DIR, dir, { recursive: true });
    const file = join(dir, 'search/synonyms.nl.json');
    const synonyms = JSON.parse(readFileSync(file, 'utf8')) as { pages: Record<string, string[]> };
    synonyms.pages ??= {};
    edit(synonyms);
    writeFileSync(file, JSON.stringify(synonyms));
    return dir;
  }

  it('are the keywords of the page opening only, each word once and weighing as on theme documents', () => {
    const documents = buildDocuments(CONTENT_DIR, 'nl').documents;
    const opening = documents.find((d) => d.id === 'page:stappen/opvang/#')!;
    expect(opening.keywords.split(' ')).toEqual(expect.arrayContaining(['vrouwenopvang', 'slapen']));
    expect(new Set(opening.keywords.split(' ')).size).toBe(opening.keywords.split(' ').length);
    expect(opening.boost).toBe(TYPE_BOOSTS.theme);
    const sections = documents.filter((d) => d.id.startsWith('page:stappen/opvang/#') && d !== opening);
    expect(sections.length).toBeGreaterThan(0);
    for (const section of sections) expect([section.keywords, section.boost]).toEqual(['', undefined]);
  });

  it('fail with the file and the key named when a key names no page', () => {
    const dir = contentWith((synonyms) => {
      synonyms.pages['stappen/bestaat-niet'] = ['woord'];
    });
    expect(() => buildDocuments(dir, 'nl')).toThrow(
      /content\/search\/synonyms\.nl\.json: pages\.stappen\/bestaat-niet: no such page/,
    );
  });

  it('fail when a key is written with the language or slashes, or names a theme page', () => {
    const themeIds = JSON.parse(readFileSync(join(CONTENT_DIR, 'taxonomy/themes.json'), 'utf8')).map(
      (theme: { id: string }) => theme.id,
    ) as string[];
    for (const [key, message] of [
      ['/stappen/opvang/', /pages\./],
      ['thema/partnergeweld', /themes\.partnergeweld/],
    ] as const) {
      const dir = contentWith((synonyms) => {
        synonyms.pages[key] = ['woord'];
      });
      expect(() => loadSynonyms(dir, 'nl', themeIds)).toThrow(message);
    }
  });

  it('change search without code: a word added to a page finds that page', () => {
    const dir = contentWith((synonyms) => {
      (synonyms.pages['stappen/stalking'] ??= []).push('zzpaginawoord');
    });
    const engine = EmbeddedSearchEngine.fromJson(buildIndexJson('nl', dir));
    expect(engine.searchNow('zzpaginawoord')[0]?.url).toBe('/nl/stappen/stalking/');
  }, 60_000);
});

describe('search-index boundaries', () => {
  it('indexes exactly the site languages, read from content/pages/', () => {
    expect([...SEARCH_LANGS]).toEqual([...SITE_LANGS].sort());
  });

  it('imports nothing from site/ and never reads the help data files itself (only content/facts/ does)', () => {
    const files = readdirSync(join(CONTENT_DIR, '..', 'search-index'), { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts'),
    );
    expect(files.length).toBeGreaterThan(10);
    const problems = files.filter((file) => {
      const source = readFileSync(join(CONTENT_DIR, '..', 'search-index', file), 'utf8');
      return (
        /from '[./]*site\//.test(source) || /helplines\.json|veilig-thuis-organisaties|organisations\//.test(source)
      );
    });
    expect(problems).toEqual([]);
  });
});
