/**
 * The 342 municipalities (CBS 2025) with everything the help routes and the lookup need,
 * joined from the imported rows in content/data/ (never retyped): province, Veilig Thuis region
 * (CBS 2025), safety region, places (woonplaatsen), former municipalities and PC4 postcodes.
 * Plain data, no Astro imports: the site, the chat server and the search index import it.
 */
import gemeenten from '../data/gemeenten.json' with { type: 'json' };
import vtRegions from '../data/gemeente-veiligthuisregio.json' with { type: 'json' };
import safetyRegions from '../data/gemeente-veiligheidsregio.json' with { type: 'json' };
import places from '../data/woonplaats-gemeente.json' with { type: 'json' };
import formerMunicipalities from '../data/voormalige-gemeenten.json' with { type: 'json' };
import pc4Rows from '../data/pc4-gemeente.json' with { type: 'json' };
import websiteRows from '../data/gemeente-websites.json' with { type: 'json' };
import { z } from 'zod';
import { FactsError, type FactsIssue } from './organisations';
import { municipalitySlug } from './text';

export interface Region {
  code: string;
  name: string;
}

export interface Municipality {
  /** CBS code with prefix, e.g. "GM0479". */
  code: string;
  /** CBS official name, e.g. "'s-Gravenhage". */
  name: string;
  slug: string;
  province: string;
  veiligThuisRegion: Region;
  safetyRegion: Region;
  /** Woonplaatsen as in the source; a name with an everyday alias is split ("s-Gravenhage / Den Haag"). */
  places: string[];
  /** Everyday names taken from the place list's "official / everyday" pairs ("Den Haag"). */
  aliases: string[];
  formerNames: string[];
  /** PC4 postcodes with addresses in this municipality (a few straddle two municipalities). */
  pc4: string[];
  /** The municipality's own website with its source (gemeente-websites.json); null when it has no row. */
  website: MunicipalityWebsite | null;
}

/** A municipality's website as the imported row gives it, with where it comes from. */
export interface MunicipalityWebsite {
  /** https URL, e.g. "https://www.zaanstad.nl/". */
  url: string;
  /** The host to show, without "www.": "zaanstad.nl". */
  host: string;
  /** The source the row was taken from (a URL). */
  source: string;
  /** A short name for that source: "Sjors/verkiezingen-processen-verbaal" for a GitHub file, else the host. */
  sourceName: string;
  /** The date of the source, YYYY-MM-DD. */
  sourceDate: string;
}

/** The file the websites come from, relative to the repository root (for messages). */
export const WEBSITES_FILE = 'content/data/gemeente-websites.json';

const httpsUrl = z
  .string()
  .refine((value) => URL.canParse(value) && new URL(value).protocol === 'https:', 'must be an https URL');
const websiteRowSchema = z
  .object({
    gemeentecode: z.string().regex(/^\d{4}$/, 'a CBS municipality code is four digits'),
    gemeentenaam: z.string().trim().min(1),
    website: httpsUrl,
    source_url: httpsUrl,
    source_date: z.string().regex(/^20\d{2}-\d{2}-\d{2}$/, 'a source date is YYYY-MM-DD'),
    method: z.string().trim().min(1),
  })
  .strict();

function sourceNameOf(url: string): string {
  const parsed = new URL(url);
  const [owner, repo] = parsed.pathname.split('/').filter(Boolean);
  if (parsed.hostname === 'github.com' && owner && repo) return `${owner}/${repo}`;
  return parsed.hostname.replace(/^www\./, '');
}

/**
 * Checks the imported website rows (zod, row by row) against the current municipalities:
 * an https website and source, a dated source, a known code and at most one row per code.
 * Returns the websites by GM code; throws a FactsError naming file, row and field on any problem.
 * A current municipality without a row is not an error here: its page says "ask your municipality"
 * (tests/unit/help-local.test.ts asserts that the data has all 342).
 */
export function parseMunicipalityWebsites(
  data: unknown,
  knownCodes: ReadonlySet<string>,
  file = WEBSITES_FILE,
): Map<string, MunicipalityWebsite> {
  const issues: FactsIssue[] = [];
  const websites = new Map<string, MunicipalityWebsite>();
  if (!Array.isArray(data))
    throw new FactsError([{ file, row: '', field: '(file)', message: 'expected a list of rows' }]);
  data.forEach((raw: unknown, i) => {
    const candidate = (raw as { gemeentecode?: unknown } | null)?.gemeentecode;
    const row = typeof candidate === 'string' && candidate ? candidate : `#${i + 1}`;
    const parsed = websiteRowSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        issues.push({ file, row, field: issue.path.map(String).join('.') || '(row)', message: issue.message });
      return;
    }
    const code = `GM${parsed.data.gemeentecode}`;
    if (!knownCodes.has(code)) {
      issues.push({ file, row, field: 'gemeentecode', message: `${code} is not a current municipality` });
      return;
    }
    if (websites.has(code)) {
      issues.push({ file, row, field: 'gemeentecode', message: 'a second row for this municipality' });
      return;
    }
    const url = parsed.data.website;
    websites.set(code, {
      url,
      host: new URL(url).hostname.replace(/^www\./, ''),
      source: parsed.data.source_url,
      sourceName: sourceNameOf(parsed.data.source_url),
      sourceDate: parsed.data.source_date,
    });
  });
  if (issues.length > 0) throw new FactsError(issues);
  return websites;
}

const websitesByCode = parseMunicipalityWebsites(
  websiteRows,
  new Set(gemeenten.filter((row) => row.gemeentecode_gm).map((row) => row.gemeentecode_gm)),
);

function fail(message: string): never {
  throw new Error(`content/data: ${message}`);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

const vtByCode = new Map(vtRegions.map((row) => [row.gemeentecode_gm, row]));
const vrByCode = new Map(safetyRegions.map((row) => [row.gemeentecode_gm, row]));
const placesByCode = groupBy(places, (row) => row.gemeentecode_gm);
const formerByCode = groupBy(formerMunicipalities, (row) => row.huidige_gemeentecode_gm);
const pc4ByCode = groupBy(pc4Rows, (row) => row.gemeentecode_gm);

/**
 * "s-Gravenhage / Den Haag": the source lost the apostrophe of the official name and added the
 * everyday one after " / ". The official part is the municipality itself; the rest is an alias.
 */
function splitPlace(place: string, municipalityName: string): { place: string | null; alias: string | null } {
  const [official, everyday] = place.split(' / ');
  if (everyday === undefined) return { place, alias: null };
  const officialIsMunicipality = `'${official}` === municipalityName || official === municipalityName;
  return officialIsMunicipality
    ? { place: null, alias: everyday }
    : // A bilingual pair (Dutch / Frisian): both are names of the same place.
      { place: official ?? place, alias: everyday };
}

function buildMunicipality(row: (typeof gemeenten)[number]): Municipality {
  const code = row.gemeentecode_gm;
  const vt = vtByCode.get(code) ?? fail(`${code} ${row.gemeentenaam} has no Veilig Thuis region`);
  const vr = vrByCode.get(code) ?? fail(`${code} ${row.gemeentenaam} has no safety region`);
  const placeNames: string[] = [];
  const aliases: string[] = [];
  for (const placeRow of placesByCode.get(code) ?? []) {
    const { place, alias } = splitPlace(placeRow.woonplaats, row.gemeentenaam);
    if (place) placeNames.push(place);
    if (alias) aliases.push(alias);
  }
  return {
    code,
    name: row.gemeentenaam,
    slug: municipalitySlug(row.gemeentenaam),
    province: row.provincienaam,
    veiligThuisRegion: { code: vt.veiligthuisregiocode, name: vt.veiligthuisregionaam },
    safetyRegion: { code: vr.veiligheidsregiocode, name: vr.veiligheidsregionaam },
    places: [...new Set(placeNames)].sort((a, b) => a.localeCompare(b, 'nl')),
    aliases,
    formerNames: [...new Set((formerByCode.get(code) ?? []).map((f) => f.voormalige_gemeentenaam))].sort((a, b) =>
      a.localeCompare(b, 'nl'),
    ),
    pc4: [...new Set((pc4ByCode.get(code) ?? []).map((p) => p.pc4))].sort(),
    website: websitesByCode.get(code) ?? null,
  };
}

/** All current municipalities, sorted by name (Dutch collation). */
export const MUNICIPALITIES: readonly Municipality[] = gemeenten
  .filter((row) => row.gemeentecode_gm)
  .map(buildMunicipality)
  .sort((a, b) => a.name.localeCompare(b.name, 'nl'));

const byCode = new Map(MUNICIPALITIES.map((m) => [m.code, m]));
const bySlug = new Map(MUNICIPALITIES.map((m) => [m.slug, m]));
if (bySlug.size !== MUNICIPALITIES.length) fail('two municipalities share a slug');

/** A municipality by CBS code ("GM0479" or "0479"); undefined when unknown. */
export function municipalityByCode(code: string): Municipality | undefined {
  const normalized = /^\d{4}$/.test(code) ? `GM${code}` : code.toUpperCase();
  return byCode.get(normalized);
}

export function municipalityBySlug(slug: string): Municipality | undefined {
  return bySlug.get(slug);
}

/** Provinces in Dutch alphabetical order, each with its municipalities. */
export function municipalitiesByProvince(): { province: string; municipalities: Municipality[] }[] {
  const groups = groupBy(MUNICIPALITIES, (m) => m.province);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'nl'))
    .map(([province, municipalities]) => ({ province, municipalities }));
}

/** For the search index: per municipality its names, places, former names and postcodes. */
export interface MunicipalitySearchEntry {
  code: string;
  name: string;
  slug: string;
  province: string;
  places: string[];
  formerNames: string[];
  pc4: string[];
}

/** Every municipality as a search entry (places include everyday names such as "Den Haag"). */
export function municipalitySearchEntries(): MunicipalitySearchEntry[] {
  return MUNICIPALITIES.map((m) => ({
    code: m.code,
    name: m.name,
    slug: m.slug,
    province: m.province,
    places: [...m.places, ...m.aliases],
    formerNames: m.formerNames,
    pc4: m.pc4,
  }));
}
