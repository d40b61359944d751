/**
 * The server engine: the same query interface over Meilisearch. Used by the island only when
 * PUBLIC_SEARCH_BACKEND=meilisearch (then every query is sent to that server; see docs/search.md).
 */
import { Meilisearch } from 'meilisearch';
import { composeResults, type Hit } from '../compose';
import { namesWord, namingFields } from '../naming';
import { queryTerms, tokenize } from '../text';
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
  /** Folded stopwords of this language (content/search/synonyms.<lang>.json). */
  stopwords?: string[];
}

const NO_STOPWORDS: ReadonlySet<string> = new Set();

export class MeilisearchEngine implements SearchEngine {
  private readonly client: Meilisearch;
  private readonly stopwords: ReadonlySet<string>;

  constructor(private readonly options: MeilisearchEngineOptions) {
    this.client = new Meilisearch({ host: options.url, apiKey: options.apiKey });
    this.stopwords = new Set(options.stopwords ?? []);
  }

  async search(query: unknown, options: { limit?: number } = {}): Promise<SearchResult[]> {
    // Stopwords are dropped here: a search for a stopword alone would match every document.
    const terms = queryTerms(query, this.stopwords);
    if (terms.length === 0) return [];
    // One search per word in one request, merged here: Meilisearch alone would drop words from
    // the end until something matches all the rest, losing the place in "man slaat mij zaandam".
    const response = await this.client.multiSearch({
      queries: terms.map((term) => ({
        indexUid: this.options.index,
        q: term,
        filter: [`lang = ${JSON.stringify(this.options.lang)}`],
        limit: 30,
        showRankingScore: true,
        showMatchesPosition: true,
      })),
    });
    const merged = new Map<string, Hit>();
    for (const result of response.results) {
      for (const raw of result.hits) {
        const hit = raw as unknown as MeiliDocument & {
          _rankingScore?: number;
          _matchesPosition?: Partial<Record<string, { start: number; length: number }[]>>;
        };
        const named = namingFields(hit.type).some((field) =>
          (hit._matchesPosition?.[field] ?? []).some(({ start, length }) =>
            matchedWords(hit[field] ?? '', start, length).some((word) => namesWord(terms, word, NO_STOPWORDS)),
          ),
        );
        const score = (hit._rankingScore ?? 0) * hit.typeRank;
        const seen = merged.get(hit.id);
        if (seen) {
          seen.score += score;
          seen.named ||= named;
        } else {
          merged.set(hit.id, {
            type: hit.type,
            title: hit.title,
            url: hit.url,
            snippet: hit.snippet,
            theme: hit.theme,
            municipality: hit.municipality,
            score,
            named,
          });
        }
      }
    }
    const labels = this.options.labels ?? { routeTitle: '{theme} – {place}', routeSnippet: '' };
    return composeResults([...merged.values()], labels, clampLimit(options.limit));
  }
}

/** The whole words around a match position (Meilisearch reports byte-free character spans). */
function matchedWords(text: string, start: number, length: number): string[] {
  const before = text.slice(0, start).match(/[\p{L}\p{N}]*$/u)?.[0] ?? '';
  const after = text.slice(start + length).match(/^[\p{L}\p{N}]*/u)?.[0] ?? '';
  return tokenize(before + text.slice(start, start + length) + after);
}
