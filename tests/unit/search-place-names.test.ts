/**
 * Issue 18: a city written in another script or language finds its municipality page, in the
 * index the browser gets (content/search/place-names.json); a wrong file stops the build.
 */
import { describe, expect, it } from 'vitest';
import { buildIndexJson } from '../../search-index/build-index';
import { EmbeddedSearchEngine } from '../../search-index/embedded-engine';
import { placeNamesByCode } from '../../search-index/sources/municipalities';

const CASES: [lang: string, query: string, expected: string][] = [
  ['ar', 'روتردام', '/ar/hulp/rotterdam/'],
  ['ar', 'لاهاي', '/ar/hulp/s-gravenhage/'],
  ['ar', 'أوترخت', '/ar/hulp/utrecht/'],
  ['uk', 'Гаага', '/uk/hulp/s-gravenhage/'],
  ['uk', 'Роттердам', '/uk/hulp/rotterdam/'],
  ['uk', 'Ейндховен', '/uk/hulp/eindhoven/'],
  ['pl', 'Haga', '/pl/hulp/s-gravenhage/'],
  ['pl', 'Lejda', '/pl/hulp/leiden/'],
  ['tr', 'Lahey', '/tr/hulp/s-gravenhage/'],
  ['en', 'The Hague', '/en/hulp/s-gravenhage/'],
];

describe('place names in other scripts', () => {
  const engines = new Map<string, EmbeddedSearchEngine>();
  const engine = (lang: string) => {
    if (!engines.has(lang)) engines.set(lang, EmbeddedSearchEngine.fromJson(buildIndexJson(lang)));
    return engines.get(lang)!;
  };

  for (const [lang, query, expected] of CASES) {
    it(`${lang}: "${query}" finds ${expected} first`, () => {
      expect(engine(lang).searchNow(query, { limit: 3 })[0]?.url).toBe(expected);
    }, 60_000);
  }

  it('finds the city among the first three when the query also asks for help (112 may come first)', () => {
    const urls = engine('ar')
      .searchNow('مساعدة في أمستردام', { limit: 3 })
      .map((r) => r.url);
    expect(urls).toContain('/ar/hulp/amsterdam/');
  }, 60_000);

  it('stops on a code that is not a current municipality, or an empty list', () => {
    expect(() => placeNamesByCode({ $comment: 'x', names: { GM9999: ['X-stad'] } })).toThrow(/GM9999/);
    expect(() => placeNamesByCode({ $comment: 'x', names: { GM0599: [] } })).toThrow(/place-names\.json/);
    expect(() => placeNamesByCode({ $comment: 'x', names: { Rotterdam: ['روتردام'] } })).toThrow(/place-names\.json/);
  });
});
