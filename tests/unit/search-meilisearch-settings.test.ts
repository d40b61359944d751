/**
 * The Meilisearch documents and settings are derived from the same content as the embedded
 * index. Pure functions, checked here without a server; the contract suite checks a real one.
 */
import { describe, expect, it } from 'vitest';
import { buildDocuments } from '../../search-index/documents';
import { CONTENT_DIR } from '../../search-index/build-index';
import { meiliSettings, meiliSynonyms, toMeiliDocuments } from '../../search-index/meilisearch/settings';

describe('Meilisearch documents and settings', () => {
  const nl = buildDocuments(CONTENT_DIR, 'nl');
  const ar = buildDocuments(CONTENT_DIR, 'ar');

  it('gives every document an id Meilisearch accepts, unique across languages', () => {
    const documents = [...toMeiliDocuments('nl', nl.documents), ...toMeiliDocuments('ar', ar.documents)];
    for (const document of documents) expect(document.id).toMatch(/^[A-Za-z0-9_-]{1,511}$/);
    expect(new Set(documents.map((d) => d.id)).size).toBe(documents.length);
  });

  it('ranks emergency, municipalities and themes above organisations and pages', () => {
    // By type, for documents without words of their own (those weigh as a theme: `boost`).
    const rank = Object.fromEntries(
      toMeiliDocuments(
        'nl',
        nl.documents.filter((d) => d.boost === undefined),
      ).map((d) => [d.type, d.typeRank]),
    );
    expect(rank.emergency).toBeGreaterThan(rank.municipality!);
    expect(rank.municipality).toBeGreaterThan(rank.theme!);
    expect(rank.theme).toBeGreaterThan(rank.organisation!);
    expect(rank.organisation).toBeGreaterThan(rank.page!);
  });

  it("ranks a page opening that carries the editors' words as a theme, its sections as pages", () => {
    const documents = toMeiliDocuments('nl', nl.documents);
    const rank = (id: string) => documents[nl.documents.findIndex((d) => d.id === id)]!.typeRank;
    expect(rank('page:stappen/opvang/#')).toBe(rank('theme:partnergeweld'));
    expect(rank('page:stappen/opvang/#hoe-kom-je-aan-een-plek')).toBeLessThan(rank('theme:partnergeweld'));
  });

  it('makes every equivalents group a two-way synonym list', () => {
    const synonyms = meiliSynonyms([nl.synonyms]);
    expect(synonyms['fgm']).toEqual(expect.arrayContaining(['meisjesbesnijdenis', 'vgv']));
    expect(synonyms['meisjesbesnijdenis']).toContain('fgm');
    expect(synonyms['loverboy']).toEqual(['pooierboy']);
  });

  it('filters on language, type, theme and municipality and ranks by type after matched words', () => {
    const settings = meiliSettings([nl.synonyms, ar.synonyms]);
    expect(settings.filterableAttributes).toEqual(['lang', 'type', 'theme', 'municipality']);
    expect(settings.searchableAttributes).toEqual(['title', 'keywords', 'places', 'postcodes', 'text']);
    expect(settings.rankingRules?.slice(0, 2)).toEqual(['words', 'typeRank:desc']);
    expect(settings.displayedAttributes).toEqual(expect.arrayContaining(['id', 'typeRank', 'url']));
    expect(settings.stopWords).toEqual(expect.arrayContaining(['mijn', 'في']));
  });
});
