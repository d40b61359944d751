/**
 * The help facts, checked once: organisations and services from the imported rows
 * (content/data/helplines.json, content/data/veilig-thuis-organisaties.json), the reviewed mapping
 * in content/organisations/services.json and the Gelderland-Zuid notes in
 * content/organisations/gelderland-zuid.json. Names, numbers and websites are read from the rows,
 * never typed.
 *
 * One rule for what may be shown, the same for pages, search and chat (`isShown` below): a row is
 * shown only when it is `verified`, names a source and a source date, is mapped in services.json
 * with an area, and has a valid phone number or website. Anything that would put a wrong fact in
 * front of a visitor is an error (a FactsError naming file, row and field), never a warning:
 * a malformed number, a missing required field, a verified row without source or date, a mapping
 * that points nowhere. Rows that are simply not (yet) fit to show — unverified, or no sourced
 * area — are left out and listed in `leftOut`.
 */
import { z } from 'zod';
import { openingHoursSchema, type OpeningHours } from './opening-hours';
import { parseDutchPhone, parseInternationalPhone, phoneMatches, type Phone } from './phone';

/** One problem in the data: the build stops on it. */
export interface FactsIssue {
  file: string;
  /** The row id (or the mapping key); empty when the whole file is wrong. */
  row: string;
  field: string;
  message: string;
}

/** Thrown when the help data would put a wrong or unsourced fact on the site. */
export class FactsError extends Error {
  readonly issues: FactsIssue[];
  constructor(issues: FactsIssue[]) {
    super(
      `help facts: ${issues.length} error(s); fix the data before building:\n${issues
        .map((i) => `  ${i.file}: row "${i.row}", field "${i.field}": ${i.message}`)
        .join('\n')}`,
    );
    this.name = 'FactsError';
    this.issues = issues;
  }
}

export type OrganisationKind = z.infer<typeof kindSchema>;
const kindSchema = z.enum(['emergency', 'veilig-thuis', 'chat', 'police', 'helpline', 'information']);

const areaSchema = z.union([
  z.object({ national: z.literal(true) }).strict(),
  z.object({ veiligThuisRegions: z.array(z.string().regex(/^VT\d{2}$/)).min(1) }).strict(),
]);
export type AreaServed = z.infer<typeof areaSchema>;

const text = z.string();
const helplineRowSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, 'an id is lower-case letters, digits and hyphens'),
    name: text,
    phone: text,
    free: text,
    hours: text,
    chat: text,
    website: text,
    themes: text,
    source_url: text,
    source_date: text,
    confidence: z.enum(['verified', 'unverified']),
  })
  .strict();
type HelplineRow = z.infer<typeof helplineRowSchema>;

const vtRowSchema = z
  .object({
    id: z.string().regex(/^VT\d{2}(_\d{4})?$/, 'an id is a CBS Veilig Thuis region code such as VT06'),
    name: text,
    website: text,
    veiligheidsregiocode_or_note: text,
    municipalities_note: text,
    source_url: text,
    source_date: text,
    confidence: z.enum(['verified', 'unverified']),
  })
  .strict();

function mappingSchema(themeIds: readonly string[], audienceIds: readonly string[]) {
  return z
    .object({
      $comment: z.string(),
      services: z.record(
        z.string(),
        z
          .object({
            kind: kindSchema,
            phoneIndex: z.number().int().min(0).nullable().optional(),
            /** `international`: the number is for callers abroad and is shown and dialled with +31. */
            dial: z.enum(['national', 'international']).optional(),
            themes: z.array(z.string().refine((id) => themeIds.includes(id), 'unknown theme id')),
            audiences: z.array(
              z.string().refine((id) => id === 'all' || audienceIds.includes(id), 'unknown audience id'),
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
}
type ServiceMapping = z.infer<ReturnType<typeof mappingSchema>>['services'][string];

export const REGIONAL_NOTE_IDS = ['denBosch', 'mookVeiligThuis', 'mookDivorce', 'gennep'] as const;
export type RegionalNoteId = (typeof REGIONAL_NOTE_IDS)[number];

function gelderlandZuidSchema(themeIds: readonly string[]) {
  const lines = z.tuple([z.number().int().positive(), z.number().int().positive()]);
  return z
    .object({
      $comment: z.string(),
      source: z.object({ file: z.string(), title: z.string(), period: z.string() }).strict(),
      veiligThuisRegion: z.string().regex(/^VT\d{2}$/),
      members: z.object({ lines, quote: z.string(), municipalities: z.array(z.string()).length(15) }).strict(),
      exceptions: z.array(
        z
          .object({
            municipality: z.string(),
            note: z.enum(REGIONAL_NOTE_IDS),
            themes: z.array(z.string().refine((id) => themeIds.includes(id), 'unknown theme id')),
            lines,
            quote: z.string().min(10),
          })
          .strict(),
      ),
    })
    .strict();
}
export type GelderlandZuid = z.infer<ReturnType<typeof gelderlandZuidSchema>>;

/** A regional arrangement shown with a route: which note, for which themes (none = the Veilig Thuis block). */
export interface RegionalNote {
  note: RegionalNoteId;
  themes: string[];
  source: string;
  lines: [number, number];
}

/** One organisation or service as the site, the search and the chat use it. */
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
  /** The row's own words for what the service is for (Dutch, as imported): search matches on them. */
  topics: string;
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

/** The raw contents of the help data files, and the names to use for them in messages. */
export interface FactFiles {
  helplines: { file: string; data: unknown };
  veiligThuisOrganisations: { file: string; data: unknown };
  services: { file: string; data: unknown };
  gelderlandZuid: { file: string; data: unknown };
  themeIds: readonly string[];
  audienceIds: readonly string[];
}

export interface ParsedFacts {
  services: Organisation[];
  veiligThuisOrganisations: Map<string, VeiligThuisOrganisation>;
  gelderlandZuid: GelderlandZuid;
  /** Rows that are fine but not fit to show, and why (printed once by the build). */
  leftOut: string[];
}

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

function latestDate(value: string): string | null {
  const dates = [...value.matchAll(/\b(20\d{2}(?:-\d{2}(?:-\d{2})?)?)\b/g)].map((m) => m[1]!);
  return dates.sort().at(-1) ?? null;
}

function sourcesOf(cell: string): string[] {
  return cell
    .split(' | ')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A phone cell that is one number and nothing else ("0800-2000", "020 - 261 52 75"). */
const PLAIN_PHONE_CELL = /^\+?[\d\s\-–]+$/;

/**
 * The service's number from its row, or an error text. A cell with text around the number needs
 * an explicit `phoneIndex` in services.json; the chosen number must stand alone in the cell (not
 * glued to letters, as in "0800-04X2") and be a valid Dutch number.
 */
function phoneOf(row: HelplineRow, entry: ServiceMapping): { phone: Phone | null } | { error: string } {
  if (entry.phoneIndex === null) return { phone: null };
  const cell = row.phone.trim();
  if (cell === '') return { phone: null };
  if (entry.phoneIndex === undefined && !PLAIN_PHONE_CELL.test(cell)) {
    return {
      error: `"${cell}" is not one plain phone number; fix the number in the data, or set phoneIndex (or null) in services.json`,
    };
  }
  const index = entry.phoneIndex ?? 0;
  const match = phoneMatches(cell)[index];
  if (!match) return { error: `"${cell}" has no phone number at phoneIndex ${index}` };
  const after = cell.slice((match.index ?? 0) + match[0].length);
  if (/^[^\s()/,;]/.test(after)) return { error: `"${cell}": the number runs into "${after.slice(0, 5)}"` };
  if (entry.dial === 'international') {
    const phone = parseInternationalPhone(match[0]);
    if (!phone) return { error: `"${match[0]}" is not a valid Dutch number written with +31 (dial: international)` };
    return { phone };
  }
  const phone = parseDutchPhone(match[0]);
  if (!phone) return { error: `"${match[0]}" is not a valid Dutch phone number` };
  return { phone };
}

/** The id of row i of a file, or "#<n>" when it has none. */
function rowName(rows: unknown[], i: number): string {
  const candidate = (rows[i] as { id?: unknown } | undefined)?.id;
  return typeof candidate === 'string' && candidate ? candidate : `#${i + 1}`;
}

/** zod's issues as FactsIssues: for one row (`row` given, path = field), or for a whole file. */
function zodIssues(file: string, error: z.ZodError, row?: string): FactsIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String);
    if (row !== undefined) return { file, row, field: field.join('.') || '(row)', message: issue.message };
    const [first, key, ...rest] = field;
    if (first === 'services' || first === 'notServices' || first === 'exceptions')
      return { file, row: key ?? '', field: rest.join('.') || first, message: issue.message };
    return { file, row: '', field: field.join('.') || '(file)', message: issue.message };
  });
}

/** Checks all help data at once; throws a FactsError listing every problem. */
export function parseFacts(files: FactFiles): ParsedFacts {
  const issues: FactsIssue[] = [];
  const leftOut: string[] = [];
  const fileOf = {
    helplines: files.helplines.file,
    vt: files.veiligThuisOrganisations.file,
    services: files.services.file,
    gz: files.gelderlandZuid.file,
  };

  // Row by row, so that one broken row does not hide the problems of the others.
  const brokenRows = new Set<string>();
  const rowsOf = <T>(schema: z.ZodType<T>, file: string, data: unknown): T[] => {
    if (!Array.isArray(data)) {
      issues.push({ file, row: '', field: '(file)', message: 'expected a list of rows' });
      return [];
    }
    return data.flatMap((raw: unknown, i) => {
      const parsed = schema.safeParse(raw);
      if (parsed.success) return [parsed.data];
      issues.push(...zodIssues(file, parsed.error, rowName(data, i)));
      brokenRows.add(rowName(data, i)); // already reported: no follow-up error for its mapping
      return [];
    });
  };
  const helplineRows = rowsOf(helplineRowSchema, fileOf.helplines, files.helplines.data);
  const vtRowsParsed = rowsOf(vtRowSchema, fileOf.vt, files.veiligThuisOrganisations.data);
  const mapping = mappingSchema(files.themeIds, files.audienceIds).safeParse(files.services.data);
  if (!mapping.success) issues.push(...zodIssues(fileOf.services, mapping.error));
  const gz = gelderlandZuidSchema(files.themeIds).safeParse(files.gelderlandZuid.data);
  if (!gz.success) issues.push(...zodIssues(fileOf.gz, gz.error));
  if (!mapping.success || !gz.success) throw new FactsError(issues);
  const helplines = { data: helplineRows };
  const vtRows = { data: vtRowsParsed };

  // Every row: unique id, a name; every verified row: a source and a source date.
  const seen = new Set<string>();
  const checkRow = (
    file: string,
    row: { id: string; name: string; source_url: string; source_date: string; confidence: string },
  ) => {
    if (seen.has(`${file}#${row.id}`)) issues.push({ file, row: row.id, field: 'id', message: 'duplicate id' });
    seen.add(`${file}#${row.id}`);
    if (!row.name.trim()) issues.push({ file, row: row.id, field: 'name', message: 'required, but empty' });
    if (row.confidence !== 'verified') return;
    if (sourcesOf(row.source_url).length === 0)
      issues.push({ file, row: row.id, field: 'source_url', message: 'a verified row needs its source' });
    if (!row.source_date.trim())
      issues.push({
        file,
        row: row.id,
        field: 'source_date',
        message: 'a verified row needs the date of its source (write "undated" only when the source has none)',
      });
  };
  for (const row of helplines.data) checkRow(fileOf.helplines, row);
  for (const row of vtRows.data) checkRow(fileOf.vt, row);

  const rowsById = new Map(helplines.data.map((row) => [row.id, row]));
  for (const id of Object.keys(mapping.data.notServices)) {
    if (!rowsById.has(id) && !brokenRows.has(id))
      issues.push({
        file: fileOf.services,
        row: id,
        field: 'notServices',
        message: `no row "${id}" in ${fileOf.helplines}`,
      });
    if (id in mapping.data.services)
      issues.push({ file: fileOf.services, row: id, field: 'notServices', message: 'also listed under services' });
  }
  for (const row of helplines.data) {
    if (row.id in mapping.data.services || row.id in mapping.data.notServices) continue;
    if (row.confidence === 'verified')
      issues.push({
        file: fileOf.helplines,
        row: row.id,
        field: 'id',
        message: `verified, but not mapped in ${fileOf.services} (add it under services or notServices)`,
      });
    else leftOut.push(`${fileOf.helplines} row "${row.id}" left out: confidence is "${row.confidence}"`);
  }

  const services: Organisation[] = [];
  for (const [id, entry] of Object.entries(mapping.data.services)) {
    const row = rowsById.get(id);
    if (!row && brokenRows.has(id)) continue;
    if (!row) {
      issues.push({
        file: fileOf.services,
        row: id,
        field: 'services',
        message: `no row "${id}" in ${fileOf.helplines}`,
      });
      continue;
    }
    if (row.confidence !== 'verified') {
      leftOut.push(`${fileOf.helplines} row "${id}" left out: confidence is "${row.confidence}"`);
      continue;
    }
    const phone = phoneOf(row, entry);
    if ('error' in phone) {
      issues.push({ file: fileOf.helplines, row: id, field: 'phone', message: phone.error });
      continue;
    }
    const website = row.website.trim() ? websiteFrom(row.website) : null;
    if (row.website.trim() && !website && !phone.phone)
      issues.push({ file: fileOf.helplines, row: id, field: 'website', message: `"${row.website}" is not a website` });
    if (!phone.phone && !website && entry.kind !== 'chat') {
      issues.push({
        file: fileOf.helplines,
        row: id,
        field: 'phone',
        message: 'required: a phone number or a website',
      });
      continue;
    }
    if (entry.area === null) {
      leftOut.push(
        `${fileOf.helplines} row "${id}" left out: no area served (area null: no source says which area it serves)`,
      );
      continue;
    }
    services.push({
      id,
      name: displayName(row.name),
      kind: entry.kind,
      phone: phone.phone,
      free: freeFrom(row.free),
      hours: entry.hours ?? null,
      chat: /^ja\b/i.test(row.chat.trim()),
      website,
      themes: entry.themes,
      topics: row.themes,
      audiences: entry.audiences,
      area: entry.area,
      languages: [],
      source: sourcesOf(row.source_url),
      sourceDate: row.source_date,
      verifiedAt: latestDate(row.source_date),
    });
  }

  const veiligThuisOrganisations = new Map<string, VeiligThuisOrganisation>();
  for (const row of vtRows.data) {
    // Historical rows (CBS 2022, ids like VT15_2022) only explain the old Brabant split.
    if (!/^VT\d{2}$/.test(row.id)) continue;
    if (row.confidence !== 'verified') {
      leftOut.push(
        `${fileOf.vt} row "${row.id}" (${row.name}) left out: confidence is "${row.confidence}"; its municipalities are told to call Veilig Thuis`,
      );
      continue;
    }
    const website = row.website.trim() ? websiteFrom(row.website) : null;
    if (row.website.trim() && !website) {
      issues.push({ file: fileOf.vt, row: row.id, field: 'website', message: `"${row.website}" is not a website` });
      continue;
    }
    veiligThuisOrganisations.set(row.id, {
      region: row.id,
      name: displayName(row.name),
      website,
      source: sourcesOf(row.source_url),
      sourceDate: row.source_date,
      verifiedAt: latestDate(row.source_date),
    });
  }

  if (issues.length > 0) throw new FactsError(issues);
  return { services, veiligThuisOrganisations, gelderlandZuid: gz.data, leftOut };
}
