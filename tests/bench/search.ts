/**
 * Search benchmark (not part of `npm test`): per language, the index file size raw and gzip,
 * the time to load it, and query latency p50/p95/p99 over at least 1,000 queries including
 * typos and half-typed words, with the budgets checked. Prints JSON.
 *   npx tsx tests/bench/search.ts        (npm run -s bench:search)
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import { buildIndexJson, CONTENT_DIR } from '../../search-index/build-index';
import { EmbeddedSearchEngine } from '../../search-index/embedded-engine';
import { loadMunicipalities } from '../../search-index/sources/municipalities';
import { LANGS } from '../../search-index/languages';

const BUDGET_GZIP_BYTES = 150 * 1024;
const BUDGET_P95_MS = 5;
const QUERIES_PER_LANGUAGE = 1200;
const LOAD_RUNS = 5;

// A fixed pseudo-random sequence, so every run measures the same queries.
let seed = 20261123;
function random(): number {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
}
const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;

/** One typo: a letter dropped, doubled or replaced. */
function withTypo(word: string): string {
  if (word.length < 4) return word;
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 1) return word.slice(0, at) + word[at] + word.slice(at);
  return word.slice(0, at) + 'e' + word.slice(at + 1);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

const fixture = JSON.parse(readFileSync('tests/fixtures/search-relevance.json', 'utf8')) as {
  pairs: { lang: string; query: string }[];
};
const places = loadMunicipalities(CONTENT_DIR).flatMap((m) => [m.name, ...m.places.slice(0, 3), m.postcodes[0] ?? '']);

function queriesFor(lang: string): string[] {
  const phrases = fixture.pairs.filter((pair) => pair.lang === lang).map((pair) => pair.query);
  const queries: string[] = [];
  while (queries.length < QUERIES_PER_LANGUAGE) {
    const kind = queries.length % 4;
    if (kind === 0) queries.push(pick(phrases));
    else if (kind === 1) queries.push(withTypo(pick(places)));
    else if (kind === 2) queries.push(`${pick(phrases)} ${withTypo(pick(places))}`);
    else {
      // Half-typed: what the island searches while someone is still typing.
      const phrase = pick(phrases);
      queries.push(phrase.slice(0, Math.max(2, Math.floor(phrase.length * random()))));
    }
  }
  return queries;
}

const round = (ms: number) => Number(ms.toFixed(3));

const results = LANGS.map((lang) => {
  const json = buildIndexJson(lang);
  const raw = Buffer.byteLength(json);
  // Level 6 is what a server compresses with on the fly; level 9 is what a CDN may store.
  const gzip = gzipSync(json, { level: 6 }).length;

  const loadTimes: number[] = [];
  let engine = EmbeddedSearchEngine.fromJson(json);
  for (let run = 0; run < LOAD_RUNS; run++) {
    const start = performance.now();
    engine = EmbeddedSearchEngine.fromJson(json);
    loadTimes.push(performance.now() - start);
  }
  loadTimes.sort((a, b) => a - b);

  const queries = queriesFor(lang);
  // Warm up the JIT so the figures describe steady typing, not the first keystroke.
  for (const query of queries.slice(0, 100)) engine.searchNow(query);
  const latencies: number[] = [];
  // CPU time too: on a shared machine wall time also counts the waits for a free core.
  const cpuTimes: number[] = [];
  for (const query of queries) {
    const cpu = process.cpuUsage();
    const start = performance.now();
    engine.searchNow(query);
    latencies.push(performance.now() - start);
    const used = process.cpuUsage(cpu);
    cpuTimes.push((used.user + used.system) / 1000);
  }
  latencies.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  const p95 = percentile(latencies, 95);
  return {
    lang,
    indexBytes: { raw, gzip },
    loadMs: { median: round(percentile(loadTimes, 50)), max: round(loadTimes[loadTimes.length - 1]!) },
    queries: queries.length,
    queryMs: {
      p50: round(percentile(latencies, 50)),
      p95: round(p95),
      p99: round(percentile(latencies, 99)),
      max: round(latencies[latencies.length - 1]!),
    },
    queryCpuMs: {
      p50: round(percentile(cpuTimes, 50)),
      p95: round(percentile(cpuTimes, 95)),
      p99: round(percentile(cpuTimes, 99)),
    },
    withinBudget: { gzip: gzip <= BUDGET_GZIP_BYTES, p95: p95 <= BUDGET_P95_MS },
  };
});

const report = {
  benchmark: 'search',
  node: process.version,
  loadAverage1m: Number(loadavg()[0]!.toFixed(2)),
  budgets: { gzipBytesPerLanguage: BUDGET_GZIP_BYTES, p95Ms: BUDGET_P95_MS },
  allWithinBudget: results.every((r) => r.withinBudget.gzip && r.withinBudget.p95),
  languages: results,
};
console.log(JSON.stringify(report, null, 2));
process.exitCode = report.allWithinBudget ? 0 : 1;
