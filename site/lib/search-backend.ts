/**
 * Which search engine the site's island uses, from build-time environment variables:
 * the embedded default (queries never leave the device), or Meilisearch when
 * PUBLIC_SEARCH_BACKEND=meilisearch with PUBLIC_MEILI_URL and a search-only PUBLIC_MEILI_SEARCH_KEY.
 */
export type SearchBackend =
  { kind: 'embedded' } | { kind: 'meilisearch'; url: string; searchKey: string; index: string };

export function searchBackendConfig(env: Record<string, string | boolean | undefined>): SearchBackend {
  if (env.PUBLIC_SEARCH_BACKEND !== 'meilisearch') return { kind: 'embedded' };
  const url = env.PUBLIC_MEILI_URL;
  const searchKey = env.PUBLIC_MEILI_SEARCH_KEY;
  if (typeof url !== 'string' || !/^https?:\/\//.test(url) || typeof searchKey !== 'string' || !searchKey) {
    throw new Error(
      'PUBLIC_SEARCH_BACKEND=meilisearch needs PUBLIC_MEILI_URL (http/https) and PUBLIC_MEILI_SEARCH_KEY',
    );
  }
  const index = typeof env.PUBLIC_MEILI_INDEX === 'string' && env.PUBLIC_MEILI_INDEX ? env.PUBLIC_MEILI_INDEX : 'ghnt';
  return { kind: 'meilisearch', url, searchKey, index };
}
