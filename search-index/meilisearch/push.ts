/**
 * `npm run search:push`: pushes the search documents and settings to Meilisearch with an atomic
 * index swap (see push-index.ts).
 *   MEILI_URL=https://… MEILI_MASTER_KEY=… [MEILI_INDEX=ghnt] npm run search:push
 */
import { pushToMeilisearch } from './push-index';

const url = process.env.MEILI_URL;
const masterKey = process.env.MEILI_MASTER_KEY;
if (!url || !masterKey) {
  console.error('search:push: set MEILI_URL and MEILI_MASTER_KEY');
  process.exit(2);
}
pushToMeilisearch({ url, masterKey, index: process.env.MEILI_INDEX })
  .then((result) => console.log(JSON.stringify(result)))
  .catch((error: unknown) => {
    console.error(`search:push: ${(error as Error).message}`);
    process.exit(1);
  });
