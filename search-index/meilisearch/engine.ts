/**
 * The server engine: the same query interface over Meilisearch. Used by the island only when
 * PUBLIC_SEARCH_BACKEND=meilisearch (then every query is sent to that server; see docs/search.md).
 */
import { Meilisearch } from 'meilisearch';
import { composeResults, type Hit } from '../compose';
import { namesWord, namingFields } from '../naming';
import { MAX_QUERY_CHARS, queryTerms, tokenize } from '../text';
import { clampLimit, type IndexLabels, type SearchEngine, type SearchResult } from '../types';
import type { MeiliDocument } from './settings';

export interface MeilisearchEngineOptions {
  url: string;
  /** A search-only key in the browser; never the master key. */
  apiKey: string;
  index: string;
  lang: string;
  /** Route labels; when absent, routes are titled "{theme} – {place}". */
  labels?: IndexLabels;
}

const NO_STOPWORDS: ReadonlySet<string> = new Set();

export class MeilisearchEngine implements SearchEngine {
  private readonly client: Meilisearch;

  constructor(private readonly options: MeilisearchEngineOptions) {
    this.client = new Meilisearch({ host: options.url, apiKey: options.apiKey });
  }

  async search(query: unknown, options: { limit?: number } = {}): Promise<SearchResult[]> {
    // Stopwords are removed by the server (its stopWords setting); the terms here judge naming.
    const terms = queryTerms(query, NO_STOPWORDS);
    if (terms.length === 0) return [];
    const response = await this.client.index<MeiliDocument>(this.options.index).search(
      (query as string).slice(0, MAX_QUERY_CHARS),
      {
        filter: [`lang = ${JSON.stringify(this.options.lang)}`],
        limit: 60,
        showRankingScore: true,
        showMatchesPosition: true,
      },
    );
    const hits: Hit[] = response.hits.map((hit) => ({
      type: hit.type,
      title: hit.title,
      url: hit.url,
      snippet: hit.snippet,
      theme: hit.theme,
      municipality: hit.municipality,
      score: (hit._rankingScore ?? 0) * hit.typeRank,
      named: namingFields(hit.type).some((field) =>
        (hit._matchesPosition?.[field] ?? []).some(({ start, length }) =>
          matchedWords(hit[field] ?? '', start, length).some((word) =>
            namesWord(terms, word, NO_STOPWORDS),
          ),
        ),
      ),
    }));
    const labels = this.options.labels ?? { routeTitle: '{theme} – {place}', routeSnippet: '' };
    return composeResults(hits, labels, clampLimit(options.limit));
  }
}

/** The whole words around a match position (Meilisearch reports byte-free character spans). */
function matchedWords(text: string, start: number, length: number): string[] {
  const before = text.slice(0, start).match(/[\p{L}\p{N}]*$/u)?.[0] ?? '';
  const after = text.slice(start + length).match(/^[\p{L}\p{N}]*/u)?.[0] ?? '';
  return tokenize(before + text.slice(start, start + length) + after);
}
