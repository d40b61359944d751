/**
 * Command-line search over exactly the engine and index the browser uses:
 *   npm run -s search -- --lang nl "zaandam" [--limit N] [--index dist/nl/zoeken/index.json]
 * Prints a JSON array, best first, of { title, url, type, snippet }.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { buildIndexJson } from './build-index';
import { EmbeddedSearchEngine } from './embedded-engine';
import { LANGS } from './languages';

function fail(message: string): never {
  console.error(`search: ${message}`);
  console.error('usage: npm run -s search -- --lang <nl|en|tr|ar|pl|uk> [--limit N] [--index FILE] "query"');
  process.exit(2);
}

const { values, positionals } = parseArgs({
  options: {
    lang: { type: 'string', default: 'nl' },
    limit: { type: 'string', default: '10' },
    index: { type: 'string' },
  },
  allowPositionals: true,
});
const lang = values.lang ?? 'nl';
if (!(LANGS as readonly string[]).includes(lang)) fail(`unknown language "${lang}"`);
const limit = Number(values.limit);
if (!Number.isInteger(limit) || limit < 1) fail('--limit must be a whole number of at least 1');

// Without --index the file is built in memory by the same function the site build serves.
const json = values.index ? readFileSync(values.index, 'utf8') : buildIndexJson(lang);
const engine = EmbeddedSearchEngine.fromJson(json);
const results = engine.searchNow(positionals.join(' '), { limit });
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
