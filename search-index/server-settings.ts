/** What a server engine needs in the browser from content: route labels and stopwords (Node, build time). */
import { buildIndexFile } from './build-index';
import type { IndexLabels } from './types';

export function serverSearchSettings(lang: string): { labels: IndexLabels; stopwords: string[] } {
  const { labels, stopwords } = buildIndexFile(lang);
  return { labels, stopwords };
}
