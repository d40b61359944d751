/**
 * Adds or changes UI strings in all six content/ui/<lang>.json files at once, so a key can
 * never exist in one language only. Input: a JSON file `{ "key": { "nl": "…", "en": "…", … } }`.
 *   npx tsx content/scripts/ui-add.ts new-keys.json
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const LANGS = ['nl', 'en', 'tr', 'ar', 'pl', 'uk'] as const;
const file = process.argv[2];
if (!file) {
  console.error('usage: tsx content/scripts/ui-add.ts <file.json>');
  process.exit(2);
}
const additions = JSON.parse(readFileSync(file, 'utf8')) as Record<
  string,
  Partial<Record<(typeof LANGS)[number], string>>
>;
for (const [key, values] of Object.entries(additions)) {
  const missing = LANGS.filter((lang) => !values[lang]?.trim());
  if (missing.length) {
    console.error(`ui-add: "${key}" has no text for ${missing.join(', ')}; nothing was written`);
    process.exit(1);
  }
}
for (const lang of LANGS) {
  const path = join(import.meta.dirname, '../ui', `${lang}.json`);
  const strings = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  for (const [key, values] of Object.entries(additions)) strings[key] = values[lang]!;
  writeFileSync(path, JSON.stringify(strings, null, 2) + '\n');
}
console.log(`ui-add: ${Object.keys(additions).length} key(s) written to ${LANGS.length} languages`);
