/**
 * Loads the configured engine in the browser. Embedded: one request for this language's index
 * file, before any typing; after that, searching sends nothing. Meilisearch: loaded only when
 * configured, so the default page never ships its client.
 */
import type { SearchBackend } from '../../lib/search-backend';
import type { IndexLabels, SearchEngine } from '../../../search-index/types';
import { EmbeddedSearchEngine } from '../../../search-index/embedded-engine';

export async function loadSearchEngine(
  lang: string,
  backend: SearchBackend,
  server: { labels: IndexLabels; stopwords: string[] },
): Promise<SearchEngine> {
  if (backend.kind === 'meilisearch') {
    const { MeilisearchEngine } = await import('../../../search-index/meilisearch/engine');
    return new MeilisearchEngine({
      url: backend.url,
      apiKey: backend.searchKey,
      index: backend.index,
      lang,
      ...server,
    });
  }
  const response = await fetch(`/${lang}/zoeken/index.json`, { credentials: 'omit' });
  if (!response.ok) throw new Error(`search index: HTTP ${response.status}`);
  return EmbeddedSearchEngine.fromJson(await response.text());
}
