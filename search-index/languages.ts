/**
 * The languages to index: one per folder of content/pages/ (search reads content, never site/).
 * tests/unit/search-documents.test.ts checks that they are exactly the site's languages.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export const LANGS: readonly string[] = readdirSync(join(process.cwd(), 'content', 'pages'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && /^[a-z]{2}$/.test(entry.name))
  .map((entry) => entry.name)
  .sort();
