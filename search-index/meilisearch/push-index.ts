/**
 * Pushes every language's documents and the settings to Meilisearch. The documents go to a
 * fresh index first; only when it is complete is it swapped with the live one in one atomic
 * step, so searchers never see a half-filled index.
 */
import { Meilisearch } from 'meilisearch';
import { buildDocuments } from '../documents';
import { CONTENT_DIR } from '../build-index';
import { LANGS } from '../languages';
import { meiliSettings, toMeiliDocuments } from './settings';

export interface PushOptions {
  url: string;
  masterKey: string;
  /** The live index name; default "ghnt". */
  index?: string;
  contentDir?: string;
}

export async function pushToMeilisearch(options: PushOptions): Promise<{ index: string; documents: number }> {
  const live = options.index || 'ghnt';
  const client = new Meilisearch({ host: options.url, apiKey: options.masterKey });
  if (!(await client.isHealthy())) throw new Error(`Meilisearch at ${options.url} does not answer /health`);

  const content = LANGS.map((lang) => ({ lang, ...buildDocuments(options.contentDir ?? CONTENT_DIR, lang) }));
  const documents = content.flatMap(({ lang, documents: docs }) => toMeiliDocuments(lang, docs));
  const next = `${live}_next_${Date.now()}`;

  await client.createIndex(next, { primaryKey: 'id' }).waitTask();
  await client
    .index(next)
    .updateSettings(meiliSettings(content.map((entry) => entry.synonyms)))
    .waitTask();
  const added = await client.index(next).addDocuments(documents).waitTask();
  if (added.status !== 'succeeded') throw new Error(`adding documents failed: ${JSON.stringify(added.error)}`);

  // A swap needs both indexes to exist; the first push creates an empty live index to swap with.
  const exists = await client
    .getIndex(live)
    .then(() => true)
    .catch(() => false);
  if (!exists) await client.createIndex(live, { primaryKey: 'id' }).waitTask();
  const swapped = await client.swapIndexes([{ indexes: [live, next], rename: false }]).waitTask();
  if (swapped.status !== 'succeeded') throw new Error(`index swap failed: ${JSON.stringify(swapped.error)}`);
  // After the swap `next` holds the previous documents.
  await client.deleteIndex(next).waitTask();
  return { index: live, documents: documents.length };
}
