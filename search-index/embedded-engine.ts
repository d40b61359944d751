/**
 * The default engine: MiniSearch over the static index file, entirely on the device. Used by
 * the browser island and by the CLI, so what the CLI prints is what a visitor sees.
 */
import MiniSearch, { type SearchResult as MiniSearchHit } from 'minisearch';
import { MINISEARCH_OPTIONS, QUERY_OPTIONS, allowedTypos, type StoredDocument } from './engine-options';
import { composeResults, type Hit } from './compose';
import { queryTerms } from './text';
import { clampLimit, type IndexFile, type SearchDocument, type SearchEngine, type SearchResult } from './types';

/** Parses an index file's text; throws a clear error when it is not one. */
export function parseIndexFile(json: string): IndexFile {
  const parsed = JSON.parse(json) as Partial<IndexFile>;
  if (parsed?.format !== 1 || typeof parsed.lang !== 'string' || !parsed.engine || !parsed.labels) {
    throw new Error('not a search index file (format 1)');
  }
  return parsed as IndexFile;
}

export class EmbeddedSearchEngine implements SearchEngine {
  private readonly miniSearch: MiniSearch<SearchDocument>;
  private readonly stopwords: ReadonlySet<string>;

  constructor(private readonly index: IndexFile) {
    this.miniSearch = MiniSearch.loadJS(index.engine as never, MINISEARCH_OPTIONS);
    this.stopwords = new Set(index.stopwords);
  }

  static fromJson(json: string): EmbeddedSearchEngine {
    return new EmbeddedSearchEngine(parseIndexFile(json));
  }

  /** Synchronous search, for the island's keystrokes and the benchmark. Never throws on any input. */
  searchNow(query: unknown, options: { limit?: number } = {}): SearchResult[] {
    const terms = queryTerms(query, this.stopwords);
    if (terms.length === 0) return [];
    // A word that exists as typed is not a typo of another word: "slaat" must not name "Sleat".
    const known = new Set(terms.filter((term) => this.miniSearch.search(term, EXACT).length > 0));
    const hits = this.miniSearch
      .search(terms.join(' '), QUERY_OPTIONS)
      .slice(0, 60)
      .map((hit) => toHit(hit, terms, known));
    return composeResults(hits, this.index.labels, clampLimit(options.limit));
  }

  async search(query: unknown, options: { limit?: number } = {}): Promise<SearchResult[]> {
    return this.searchNow(query, options);
  }
}

const EXACT = { prefix: false, fuzzy: false } as const;

function toHit(hit: MiniSearchHit, terms: string[], known: ReadonlySet<string>): Hit {
  const stored = hit as unknown as StoredDocument;
  return {
    type: stored.type,
    title: stored.title,
    url: stored.url,
    snippet: stored.snippet,
    theme: stored.theme,
    municipality: stored.municipality,
    score: hit.score,
    named: namesDocument(hit, terms, known),
  };
}

/**
 * True when a query word is this document's own word (exactly, with a typo, or as the start of
 * the word being typed), in a field that names it. A municipality is named by its name, places
 * and postcodes; "man" matching the start of "Manderveen" does not name it.
 */
function namesDocument(hit: MiniSearchHit, terms: string[], known: ReadonlySet<string>): boolean {
  const namingFields = hit.type === 'municipality' ? ['title', 'places'] : ['title', 'keywords'];
  const last = terms[terms.length - 1] ?? '';
  return Object.entries(hit.match).some(
    ([indexed, fields]) =>
      fields.some((field) => namingFields.includes(field)) &&
      terms.some(
        (term) =>
          term === indexed ||
          (!known.has(term) &&
            ((allowedTypos(term) > 0 && withinDistance(term, indexed, allowedTypos(term))) ||
              (term === last && term.length >= 4 && !/^\d+$/.test(term) && indexed.startsWith(term)))),
      ),
  );
}

/** Levenshtein distance ≤ max, computed in a band; words here are short. */
export function withinDistance(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return false;
    previous = current;
  }
  return previous[b.length]! <= max;
}
