/**
 * `npm run data:import`: copies the public data in ../shared/data/ into content/data/ as JSON,
 * row for row, so that the site and the chat server read facts that nobody retyped.
 * Each CSV becomes `<name>.json` (an array of objects keyed by the CSV header); SOURCES.md and
 * HELPLINES.md are copied beside them so every file keeps its source, date and licence.
 * It also writes content/data/SOURCES.md: per file its source, reference date, licence, row
 * count and the SHA-256 of the CSV it came from, so a reviewer can tell which copy is in use.
 * Rows this project verified itself (content/verified/helplines.csv, same columns) are appended to
 * helplines.json; an id that the shared file already has stops the import.
 */
import { readFileSync, writeFileSync, readdirSync, mkdirSync, existsSync } from 'node:fs';
import { join, basename, resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';

/**
 * Source, reference date and licence of each CSV, as stated in ../shared/data/SOURCES.md and
 * HELPLINES.md (metadata about the files, not facts shown to visitors). A CSV without an entry
 * here stops the import: a file without a known source does not reach the site.
 */
const FILE_SOURCES: Record<string, { source: string; date: string; licence: string }> = {
  'gemeenten.csv': {
    source: 'nlextract/NLExtract bagv2/etl/data/cbs/gemeentelijke-indeling.csv @2a97e2fe (CBS Gemeentelijke indeling)',
    date: '2025-01-01 (342 gemeenten)',
    licence: 'CBS data CC BY 4.0; carrier repository GPL-3',
  },
  'gemeente-veiligheidsregio.csv': {
    source: 'minvws/nl-covid19-data-dashboard packages/common/src/data/gm.ts + vr.ts @5d711c75',
    date: '2023-01-01 indeling (valid for the 2024/2025 codes; not checked against a 2025 source)',
    licence: 'EUPL-1.2 (Ministerie van VWS)',
  },
  'gemeente-veiligthuisregio.csv': {
    source:
      'cartomap/nl rd/veiligthuisregio_2025.topojson + rd/gemeente_2025.topojson @01e3b4ce (CBS/PDOK), spatial join',
    date: 'CBS Veilig Thuis-regio 2025',
    licence: 'not stated in shared/data (CBS open data is usually CC BY 4.0: verify)',
  },
  'pc4-gemeente.csv': {
    source:
      'reidhin/grenswijzigen data/grenswijziging_gemeente_van_2024_naar_2024_voor_postcode.rda @966c3d78 (CBS pc6hnr20240801_gwb)',
    date: 'CBS addresses 2024-08-01, gemeenten 2024',
    licence: 'CC BY-NC-SA 4.0 (repository); CBS data CC BY 4.0. NonCommercial/ShareAlike: decide before going public',
  },
  'woonplaats-gemeente.csv': {
    source: 'etjanssens/provinciequiz woonplaatsen.csv @221652f9 (appears to be the BAG woonplaats list)',
    date: 'mid-2025',
    licence: 'none stated (BAG itself is CC0; provenance of this copy undocumented)',
  },
  'voormalige-gemeenten.csv': {
    source:
      'NLExtract (above) + RvIG Landelijke Tabel 33 (BRP-API/Haal-Centraal-BRP-bevragen @7f508f97) + minvws/nl-covid19-data-backend-processing @e2f65490',
    date: 'mergers 1970-2023',
    licence: 'CBS CC BY 4.0 / RvIG EUPL / VWS EUPL',
  },
  'gemeente-websites.csv': {
    source:
      'Sjors/verkiezingen-processen-verbaal GEMEENTES.md @9466b5f9 (by CBS code) + LisetHamming/woo-generator adreslijst.json @f7f2a696 (Register van Overheidsorganisaties, by name); method per row',
    date: '2026-02-01 (per row: source_url, source_date, method)',
    licence: 'MIT (Sjors); woo-generator states none',
  },
  'helplines.csv': {
    source: 'stored copies of public pages; one source URL and date per row (columns source_url, source_date)',
    date: 'per row (source_date); collected for this project',
    licence: 'facts from public pages; see each row',
  },
  'veilig-thuis-organisaties.csv': {
    source: "CBS/PDOK Veilig Thuis-regio 2025 (cartomap/nl) + the organisations' own pages; per row in source_url",
    date: 'CBS-indeling 2025; per row (source_date)',
    licence: 'regions: not stated in shared/data (CBS open data is usually CC BY 4.0: verify); facts from public pages',
  },
};

const sourceDir = resolve(process.env.SHARED_DATA_DIR ?? join(import.meta.dirname, '../../../shared/data'));
const targetDir = resolve(join(import.meta.dirname, '../data'));
const verifiedHelplines = resolve(join(import.meta.dirname, '../verified/helplines.csv'));

const readCsv = (path: string) =>
  parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
const sha256Of = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex').slice(0, 16);

if (!existsSync(sourceDir)) {
  console.error(`data:import: no source folder at ${sourceDir} (set SHARED_DATA_DIR)`);
  process.exit(1);
}
mkdirSync(targetDir, { recursive: true });

const sourceRows: string[] = [];
for (const file of readdirSync(sourceDir).sort()) {
  const from = join(sourceDir, file);
  if (file.endsWith('.csv')) {
    const meta = FILE_SOURCES[file];
    if (!meta) {
      console.error(`data:import: ${file} has no source, date and licence in FILE_SOURCES; nothing imported`);
      process.exit(1);
    }
    const rows = readCsv(from);
    if (file === 'helplines.csv') {
      const own = readCsv(verifiedHelplines);
      const taken = new Set(rows.map((row) => row.id));
      const clash = own.filter((row) => taken.has(row.id)).map((row) => row.id);
      if (clash.length) {
        console.error(
          `data:import: content/verified/helplines.csv repeats shared ids (${clash.join(', ')}); nothing imported`,
        );
        process.exit(1);
      }
      rows.push(...own);
      sourceRows.push(
        `| helplines.json (appended) | content/verified/helplines.csv | ${own.length} | rows this project verified (docs/sources-verified.md) | per row (source_date) | facts from public pages | \`${sha256Of(verifiedHelplines)}\` |`,
      );
    }
    const to = join(targetDir, `${basename(file, '.csv')}.json`);
    writeFileSync(to, JSON.stringify(rows, null, 1) + '\n');
    console.log(`data:import: ${file} → content/data/${basename(to)} (${rows.length} rows)`);
    const sha256 = sha256Of(from);
    sourceRows.push(
      `| ${basename(to)} | ${file} | ${rows.length} | ${meta.source} | ${meta.date} | ${meta.licence} | \`${sha256}\` |`,
    );
  } else if (file.endsWith('.md')) {
    // Written, not copied, so the read-only mode of the shared folder does not come along.
    writeFileSync(join(targetDir, `upstream-${file}`), readFileSync(from));
    console.log(`data:import: ${file} → content/data/upstream-${file}`);
  }
}

writeFileSync(
  join(targetDir, 'SOURCES.md'),
  [
    '# Sources of content/data (written by `npm run data:import`; do not edit by hand)',
    '',
    'Every file here is a row-for-row JSON copy of a CSV in ../shared/data/; helplines.json also carries the',
    'rows of content/verified/helplines.csv (verified by this project). Details of each source,',
    'its gaps and how it was made: upstream-SOURCES.md and upstream-HELPLINES.md beside this file.',
    'Read README.md before the site goes public.',
    '',
    '| file | from | rows | source | reference date | licence | SHA-256 of the CSV (first 16) |',
    '|---|---|---|---|---|---|---|',
    ...sourceRows,
    '',
  ].join('\n'),
);
console.log('data:import: wrote content/data/SOURCES.md');
