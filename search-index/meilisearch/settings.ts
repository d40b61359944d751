/**
 * The Meilisearch documents and index settings, derived from the same documents and synonym
 * files as the embedded index, so both engines search the same things the same way.
 */
import type { Settings } from 'meilisearch';
import { TYPE_BOOSTS } from '../engine-options';
import type { SearchDocument } from '../types';
import type { Synonyms } from '../sources/synonyms';

/** A document as stored in Meilisearch: one index holds every language, filtered by `lang`. */
export interface MeiliDocument extends Omit<SearchDocument, 'id'> {
  id: string;
  /**
   * Higher first: emergency, municipality routes and themes before pages (see TYPE_BOOSTS); a page
   * opening with the editors' words ranks as a theme (its `boost`), as in the embedded engine.
   */
  typeRank: number;
}

export function toMeiliDocuments(lang: string, documents: SearchDocument[]): MeiliDocument[] {
  // Meilisearch ids allow [A-Za-z0-9_-] only; the whole index is replaced on every push.
  return documents.map((document, position) => ({
    ...document,
    id: `${lang}_${position}`,
    typeRank: Math.round((document.boost ?? TYPE_BOOSTS[document.type]) * 10),
  }));
}

/** Every word of an `equivalents` group finds the others. */
export function meiliSynonyms(all: Synonyms[]): Record<string, string[]> {
  const synonyms: Record<string, Set<string>> = {};
  for (const group of all.flatMap((entry) => entry.equivalents)) {
    for (const word of group) {
      const key = word.toLowerCase();
      synonyms[key] ??= new Set();
      for (const other of group) if (other !== word) synonyms[key].add(other.toLowerCase());
    }
  }
  return Object.fromEntries(Object.entries(synonyms).map(([word, others]) => [word, [...others]]));
}

export function meiliSettings(all: Synonyms[]): Settings {
  return {
    searchableAttributes: ['title', 'keywords', 'places', 'postcodes', 'text'],
    filterableAttributes: ['lang', 'type', 'theme', 'municipality'],
    displayedAttributes: [
      'id',
      'typeRank',
      'type',
      'title',
      'url',
      'snippet',
      'theme',
      'municipality',
      'keywords',
      'places',
      'postcodes',
    ],
    rankingRules: ['words', 'typeRank:desc', 'typo', 'proximity', 'attribute', 'exactness'],
    sortableAttributes: ['typeRank'],
    synonyms: meiliSynonyms(all),
    stopWords: [...new Set(all.flatMap((entry) => entry.stopwords.map((word) => word.toLowerCase())))],
    // The same typo budget as the embedded engine (allowedTypos): 1 from 5 letters, 2 from 12, none in postcodes.
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 12 }, disableOnNumbers: true },
  };
}
