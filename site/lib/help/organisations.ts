/**
 * Organisations as schema-checked data, derived from the imported rows (content/data/
 * helplines.json and veilig-thuis-organisaties.json) and the reviewed mapping in
 * content/organisations/services.json. Names, numbers and websites are read from the rows,
 * never typed. Only rows with confidence "verified" and a source reach the site; everything left
 * out is listed in ORGANISATION_WARNINGS (printed once by the build).
 */
import { z } from 'zod';
import helplineRows from '../../../content/data/helplines.json' with { type: 'json' };
import vtRows from '../../../content/data/veilig-thuis-organisaties.json' with { type: 'json' };
import mappingJson from '../../../content/organisations/services.json' with { type: 'json' };
import { AUDIENCE_IDS, THEME_IDS } from '../taxonomy';
import { openingHoursSchema, type OpeningHours } from './opening-hours';
import { parseDutchPhone, phoneCandidates, type Phone } from './phone';

export type OrganisationKind = z.infer<typeof kindSchema>;
const kindSchema = z.enum(['emergency', 'veilig-thuis', 'chat', 'police', 'helpline', 'information']);

const areaSchema = z.union([
  z.object({ national: z.literal(true) }).strict(),
  z.object({ veiligThuisRegions: z.array(z.string().regex(/^VT\d{2}$/)).min(1) }).strict(),
]);
export type AreaServed = z.infer<typeof areaSchema>;

const mappingSchema = z
  .object({
    $comment: z.string(),
    services: z.record(
      z.string(),
      z
        .object({
          kind: kindSchema,
          phoneIndex: z.number().int().min(0).nullable().optional(),
          themes: z.array(z.string().refine((id) => THEME_IDS.includes(id), 'unknown theme id')),
          audiences: z.array(
            z.string().refine((id) => id === 'all' || AUDIENCE_IDS.includes(id), 'unknown audience id'),
          ),
          area: areaSchema.nullable(),
          hours: openingHoursSchema.optional(),
          why: z.string().min(10),
        })
        .strict(),
    ),
    notServices: z.record(z.string(), z.string()),
  })
  .strict();

/** One organisation or service as the site uses it. */
export interface Organisation {
  id: string;
  name: string;
  kind: OrganisationKind;
  phone: Phone | null;
  /** true/false when the row says so ("ja"/"nee"); null when the source does not say. */
  free: boolean | null;
  hours: OpeningHours | null;
  chat: boolean;
  /** https URL, only when the row names a website. */
  website: string | null;
  themes: string[];
  /** Audience ids, or ["all"]. */
  audiences: string[];
  area: AreaServed;
  /** Always empty for now: no row states languages, and none are guessed. */
  languages: string[];
  source: string[];
  /** The row's source dates as written ("rijksoverheid undated; regiogv 2021-02-10"). */
  sourceDate: string;
  /** The most recent date in the sources (YYYY, YYYY-MM or YYYY-MM-DD); null when all are undated. */
  verifiedAt: string | null;
}

const mappingParsed = mappingSchema.safeParse(mappingJson);
if (!mappingParsed.success) {
  throw new Error(
    `content/organisations/services.json: ${mappingParsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
  );
}
const mapping = mappingParsed.data;

/** What the build left out and why; printed once by the pages, asserted by the tests. */
export const ORGANISATION_WARNINGS: string[] = [];

/** "Politie - geen spoed (aangifte, ...)" → "Politie - geen spoed": the name before the first explanation. */
function displayName(rowName: string): string {
  return rowName.split(' (')[0]!.trim();
}

/** The first domain-like token of a website cell, as an https URL; null when there is none. */
export function websiteFrom(cell: string): string | null {
  const match = /^(?:https?:\/\/)?((?:[a-z0-9-]+\.)+[a-z]{2,})(\/[^\s;()]*)?/i.exec(cell.trim());
  return match ? `https://${match[1]!.toLowerCase()}${match[2] ?? '/'}` : null;
}

function freeFrom(cell: string): boolean | null {
  if (/^ja\b/i.test(cell.trim())) return true;
  if (/^nee\b/i.test(cell.trim())) return false;
  return null;
}

function latestDate(text: string): string | null {
  const dates = [...text.matchAll(/\b(20\d{2}(?:-\d{2}(?:-\d{2})?)?)\b/g)].map((m) => m[1]!);
  return dates.sort().at(-1) ?? null;
}

function sourcesOf(cell: string): string[] {
  return cell
    .split(' | ')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function buildHelpline(id: string, entry: z.infer<typeof mappingSchema>['services'][string]): Organisation | null {
  const row = helplineRows.find((candidate) => candidate.id === id);
  const missing: string[] = [];
  if (!row) {
    ORGANISATION_WARNINGS.push(`services.json: "${id}" is not a row of content/data/helplines.json`);
    return null;
  }
  if (row.confidence !== 'verified') missing.push(`confidence is "${row.confidence}", not "verified"`);
  const source = sourcesOf(row.source_url);
  if (source.length === 0) missing.push('source_url');
  if (entry.area === null) missing.push('area served (no source says which area)');
  let phone: Phone | null = null;
  if (entry.phoneIndex !== null) {
    const candidate = phoneCandidates(row.phone)[entry.phoneIndex ?? 0];
    if (candidate) {
      phone = parseDutchPhone(candidate);
      if (!phone) missing.push(`a valid Dutch phone number (got "${candidate}")`);
    }
  }
  const website = websiteFrom(row.website);
  if (!phone && !website && entry.kind !== 'chat') missing.push('a phone number or website');
  if (missing.length > 0 || entry.area === null) {
    ORGANISATION_WARNINGS.push(`helplines.json row "${id}" left out: missing ${missing.join(', ')}`);
    return null;
  }
  return {
    id,
    name: displayName(row.name),
    kind: entry.kind,
    phone,
    free: freeFrom(row.free),
    hours: entry.hours ?? null,
    chat: /^ja\b/i.test(row.chat.trim()),
    website,
    themes: entry.themes,
    audiences: entry.audiences,
    area: entry.area,
    languages: [],
    source,
    sourceDate: row.source_date,
    verifiedAt: latestDate(row.source_date),
  };
}

for (const row of helplineRows) {
  if (!(row.id in mapping.services) && !(row.id in mapping.notServices)) {
    ORGANISATION_WARNINGS.push(
      row.confidence === 'verified'
        ? `helplines.json row "${row.id}" is verified but not mapped in content/organisations/services.json`
        : `helplines.json row "${row.id}" left out: confidence is "${row.confidence}"${row.phone ? '' : ', no phone'}`,
    );
  }
}

/** The national and regional services (not the Veilig Thuis regional organisations). */
export const SERVICES: readonly Organisation[] = Object.entries(mapping.services)
  .map(([id, entry]) => buildHelpline(id, entry))
  .filter((o): o is Organisation => o !== null);

export function serviceById(id: string): Organisation | undefined {
  return SERVICES.find((service) => service.id === id);
}

/** A regional Veilig Thuis organisation (veilig-thuis-organisaties.json), verified rows only. */
export interface VeiligThuisOrganisation {
  /** The CBS region code, e.g. "VT06". */
  region: string;
  name: string;
  website: string | null;
  source: string[];
  sourceDate: string;
  verifiedAt: string | null;
}

const VT_ORGANISATIONS = new Map<string, VeiligThuisOrganisation>();
for (const row of vtRows) {
  // Historical rows (CBS 2022, ids like VT15_2022) only explain the old Brabant split.
  if (!/^VT\d{2}$/.test(row.id)) continue;
  if (row.confidence !== 'verified') {
    ORGANISATION_WARNINGS.push(
      `veilig-thuis-organisaties.json row "${row.id}" (${row.name}) left out: confidence is "${row.confidence}"; its municipalities are told to call 0800-2000`,
    );
    continue;
  }
  VT_ORGANISATIONS.set(row.id, {
    region: row.id,
    name: row.name.split(' (')[0]!.trim(),
    website: row.website ? websiteFrom(row.website) : null,
    source: sourcesOf(row.source_url),
    sourceDate: row.source_date,
    verifiedAt: latestDate(row.source_date),
  });
}

/** The verified Veilig Thuis organisation of a CBS region, or undefined (then: call 0800-2000). */
export function veiligThuisOrganisation(regionCode: string): VeiligThuisOrganisation | undefined {
  return VT_ORGANISATIONS.get(regionCode);
}
