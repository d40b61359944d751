/**
 * Relevance: every query → expected-URL pair of tests/fixtures/search-relevance.json is run
 * through the embedded engine and index the browser gets; the expected URL must be among the
 * first three results for at least 95% of the pairs. The score is printed with every miss.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndexJson } from '../../search-index/build-index';
import { EmbeddedSearchEngine } from '../../search-index/embedded-engine';

interface Pair {
  lang: string;
  query: string;
  expected: string;
  kind: string;
  /** A page path another part of the project writes; the pair is pending until it exists. */
  requiresPage?: string;
}

const fixture = JSON.parse(readFileSync('tests/fixtures/search-relevance.json', 'utf8')) as { pairs: Pair[] };
const pageExists = (pair: Pair) =>
  !pair.requiresPage ||
  existsSync(`content/pages/${pair.lang}/${pair.requiresPage}.md`) ||
  existsSync(`content/pages/${pair.lang}/${pair.requiresPage}/index.md`);
const scored = fixture.pairs.filter(pageExists);
const pending = fixture.pairs
  .filter((pair) => !pageExists(pair))
  .map((pair) => `${pair.lang} "${pair.query}" → ${pair.expected}`);
const TOP = 3;
const REQUIRED_HIT_RATE = 0.95;

describe('search relevance', () => {
  it('has at least 150 pairs across all six languages', () => {
    expect(scored.length).toBeGreaterThanOrEqual(150);
    expect(new Set(fixture.pairs.map((pair) => pair.lang))).toEqual(new Set(['nl', 'en', 'tr', 'ar', 'pl', 'uk']));
  });

  it(`finds the expected URL in the top ${TOP} for at least ${REQUIRED_HIT_RATE * 100}% of the queries`, () => {
    const engines = new Map<string, EmbeddedSearchEngine>();
    const misses: string[] = [];
    const perLanguage: Record<string, { hits: number; total: number }> = {};
    for (const pair of scored) {
      if (!engines.has(pair.lang)) engines.set(pair.lang, EmbeddedSearchEngine.fromJson(buildIndexJson(pair.lang)));
      const urls = engines
        .get(pair.lang)!
        .searchNow(pair.query, { limit: TOP })
        .map((result) => result.url);
      const counts = (perLanguage[pair.lang] ??= { hits: 0, total: 0 });
      counts.total++;
      if (urls.includes(pair.expected)) counts.hits++;
      else misses.push(`${pair.lang} "${pair.query}" → expected ${pair.expected}, got ${JSON.stringify(urls)}`);
    }
    const hits = scored.length - misses.length;
    const rate = hits / scored.length;
    console.log(
      JSON.stringify(
        {
          searchRelevance: {
            top: TOP,
            pairs: scored.length,
            hits,
            hitRate: Number(rate.toFixed(4)),
            perLanguage,
          },
          misses,
          pendingUntilTheirPageExists: pending,
        },
        null,
        1,
      ),
    );
    expect(rate).toBeGreaterThanOrEqual(REQUIRED_HIT_RATE);
  }, 120_000); // six index builds; generous for a busy two-core machine
});
