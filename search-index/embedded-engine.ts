/**
 * The default engine: MiniSearch over the static index file, entirely on the device. Used by
 * the browser island and by the CLI, so what the CLI prints is what a visitor sees.
 */
import MiniSearch, { type SearchResult as MiniSearchHit } from 'minisearch';
import { MINISEARCH_OPTIONS, QUERY_OPTIONS, type StoredDocument } from './engine-options';
import { composeResults, type Hit } from './compose';
import { namesWord, namingFields } from './naming';
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
    const typed = queryTerms(query, this.stopwords);
    if (typed.length === 0) return [];
    // Words typed apart that the index knows as one ("lover boy", "meisjes besnijdenis").
    const joined = typed
      .slice(1)
      .map((term, index) => `${typed[index]}${term}`)
      .filter((pair) => this.miniSearch.search(pair, EXACT).length > 0);
    const terms = [...typed, ...joined];
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

/** Does this MiniSearch hit name its document (see `namesWord`)? */
function namesDocument(hit: MiniSearchHit, terms: string[], known: ReadonlySet<string>): boolean {
  const fields = namingFields(hit.type as StoredDocument['type']);
  return Object.entries(hit.match).some(
    ([indexed, matchedFields]) =>
      matchedFields.some((field) => (fields as string[]).includes(field)) && namesWord(terms, indexed, known),
  );
}
