/**
 * `npm run data:import`: copies the public data in ../shared/data/ into content/data/ as JSON,
 * row for row, so that the site and the chat server read facts that nobody retyped.
 * Each CSV becomes `<name>.json` (an array of objects keyed by the CSV header); SOURCES.md and
 * HELPLINES.md are copied beside them so every file keeps its source, date and licence.
 */
import { readFileSync, writeFileSync, readdirSync, mkdirSync, existsSync } from 'node:fs';
import { join, basename, resolve } from 'node:path';
import { parse } from 'csv-parse/sync';

const sourceDir = resolve(process.env.SHARED_DATA_DIR ?? join(import.meta.dirname, '../../../shared/data'));
const targetDir = resolve(join(import.meta.dirname, '../data'));

if (!existsSync(sourceDir)) {
  console.error(`data:import: no source folder at ${sourceDir} (set SHARED_DATA_DIR)`);
  process.exit(1);
}
mkdirSync(targetDir, { recursive: true });

for (const file of readdirSync(sourceDir).sort()) {
  const from = join(sourceDir, file);
  if (file.endsWith('.csv')) {
    const rows = parse(readFileSync(from, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<
      string,
      string
    >[];
    const to = join(targetDir, `${basename(file, '.csv')}.json`);
    writeFileSync(to, JSON.stringify(rows, null, 1) + '\n');
    console.log(`data:import: ${file} → content/data/${basename(to)} (${rows.length} rows)`);
  } else if (file.endsWith('.md')) {
    // Written, not copied, so the read-only mode of the shared folder does not come along.
    writeFileSync(join(targetDir, `upstream-${file}`), readFileSync(from));
    console.log(`data:import: ${file} → content/data/upstream-${file}`);
  }
}
