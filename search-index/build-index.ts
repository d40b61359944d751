/** Builds the static index file of one language: served as /{lang}/zoeken/index.json. */
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { buildDocuments } from './documents';
import { MINISEARCH_OPTIONS } from './engine-options';
import { foldText } from './text';
import type { IndexFile } from './types';

/** content/ of this checkout; the build, the CLI and the tests all run from the project root. */
export const CONTENT_DIR = join(process.cwd(), 'content');

export function buildIndexFile(lang: string, contentDir: string = CONTENT_DIR): IndexFile {
  const { documents, synonyms, labels } = buildDocuments(contentDir, lang);
  const miniSearch = new MiniSearch(MINISEARCH_OPTIONS);
  miniSearch.addAll(documents);
  return {
    format: 1,
    lang,
    labels,
    stopwords: [...new Set(synonyms.stopwords.map(foldText))],
    engine: miniSearch.toJSON(),
  };
}

/** The exact text of the served file. */
export function buildIndexJson(lang: string, contentDir: string = CONTENT_DIR): string {
  return JSON.stringify(buildIndexFile(lang, contentDir));
}
