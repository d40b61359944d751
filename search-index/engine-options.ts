/**
 * MiniSearch settings. The index is built with these (at build time) and loaded with these (in
 * the browser and the CLI); a mismatch would silently break search, so they live in one place.
 */
import type { Options, SearchOptions as MiniSearchOptions } from 'minisearch';
import type { ResultType, SearchDocument } from './types';
import { tokenize } from './text';

/** Fields that are searched, and how much a match in each counts. */
export const FIELD_BOOSTS = { title: 4, keywords: 2, places: 2, postcodes: 2, text: 1 } as const;
export type IndexedField = keyof typeof FIELD_BOOSTS;

/** Fields kept in the index to show, compose or rank a result (`boost` only where a document has one). */
export const STORED_FIELDS = ['type', 'title', 'url', 'snippet', 'theme', 'municipality', 'boost'] as const;
export type StoredDocument = Pick<SearchDocument, (typeof STORED_FIELDS)[number]>;

/**
 * How much a result of each type counts: help in a municipality and the theme pages come
 * before organisations and loose page sections; emergency help before everything.
 */
export const TYPE_BOOSTS: Record<ResultType, number> = {
  emergency: 3,
  route: 3,
  municipality: 2.2,
  theme: 2,
  organisation: 1.1,
  page: 1,
};

export const MINISEARCH_OPTIONS: Options<SearchDocument> = {
  idField: 'id',
  fields: Object.keys(FIELD_BOOSTS),
  storeFields: [...STORED_FIELDS],
  tokenize: (text) => tokenize(text),
  // Tokens are already folded; the same function runs on the query, so nothing more to do.
  processTerm: (term) => term,
};

const isNumber = (term: string) => /^\d+$/.test(term);

/** Edit distance allowed for a query word: none for short words and postcodes, more for long words. */
export function allowedTypos(term: string): number {
  if (isNumber(term) || term.length < 5) return 0;
  return term.length < 12 ? 1 : 2;
}

/**
 * Prefix matching only for the word still being typed (the last one): earlier words are
 * complete, and expanding every word to all its continuations costs time and precision.
 */
export function allowsPrefix(term: string, index: number, terms: string[]): boolean {
  if (index !== terms.length - 1) return false;
  return isNumber(term) ? term.length >= 3 : term.length >= 3;
}

export const QUERY_OPTIONS: MiniSearchOptions = {
  boost: { ...FIELD_BOOSTS },
  combineWith: 'OR',
  fuzzy: (term) => allowedTypos(term) || false,
  prefix: allowsPrefix,
  weights: { fuzzy: 0.5, prefix: 0.4 },
  boostDocument: (_id, _term, stored) =>
    (stored?.boost as number | undefined) ?? TYPE_BOOSTS[(stored?.type as ResultType | undefined) ?? 'page'] ?? 1,
};
