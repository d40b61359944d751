/** The shapes every part of search agrees on: documents, results, the index file, the engine. */

/** What a result leads to; the island groups by it and the ranking puts the first ones first. */
export const RESULT_TYPES = ['emergency', 'route', 'municipality', 'theme', 'organisation', 'page'] as const;
export type ResultType = (typeof RESULT_TYPES)[number];

/** One searchable thing in one language. `id` is unique within a language. */
export interface SearchDocument {
  id: string;
  lang: string;
  type: Exclude<ResultType, 'route'>;
  title: string;
  url: string;
  snippet: string;
  /** Theme id for theme documents and pages about one theme. */
  theme?: string;
  /** Municipality slug for municipality documents. */
  municipality?: string;
  /**
   * Ranking weight in place of its type's (TYPE_BOOSTS): a page opening that carries the editors'
   * everyday words (`pages` in the synonyms file) weighs as a theme document, so those words count
   * as much there as on a theme.
   */
  boost?: number;
  /** Synonyms and everyday words: indexed, never shown. */
  keywords: string;
  /** Places, former municipality names and everyday names: indexed, never shown. */
  places: string;
  /**
   * Four-digit postcodes: indexed, never shown. A field of their own, so that a city with many
   * postcodes does not make its place names weigh less ("Den Haag").
   */
  postcodes: string;
  /** Body text of a page section: indexed, never shown. */
  text: string;
}

/** What a search returns, best first; also the CLI's JSON output. All fields are plain text or a URL. */
export interface SearchResult {
  title: string;
  url: string;
  type: ResultType;
  snippet: string;
}

/** Words shown around results that are composed at query time (the route of a place and a theme). */
export interface IndexLabels {
  /** `{theme}` and `{place}` are replaced, e.g. "{theme} in {place}". */
  routeTitle: string;
  routeSnippet: string;
}

/** The static file `/{lang}/zoeken/index.json`: everything the embedded engine needs, nothing else. */
export interface IndexFile {
  format: 1;
  lang: string;
  labels: IndexLabels;
  stopwords: string[];
  /** MiniSearch's own serialisation (`JSON.stringify(miniSearch)`). */
  engine: unknown;
}

export interface SearchOptions {
  /** Most results to return; default 10, at most 50. */
  limit?: number;
}

/** The one query interface: the embedded engine and Meilisearch both implement it. */
export interface SearchEngine {
  search(query: unknown, options?: SearchOptions): Promise<SearchResult[]>;
}

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 50;

/** A requested limit made safe: a whole number from 1 to MAX_LIMIT. */
export function clampLimit(limit: unknown): number {
  if (typeof limit !== 'number' || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}
