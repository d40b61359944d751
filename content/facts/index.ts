/**
 * The help facts module: the ONE place that reads content/data/helplines.json,
 * content/data/veilig-thuis-organisaties.json and content/organisations/*.json. It checks them
 * once (zod, plus the rules in organisations.ts) and answers what the site, the search index and
 * the chat server ask: which services to show for a theme, audience and municipality; a number's
 * display and `tel:` form; cost, hours, chat; source and date; and the `{{tel:id}}` /
 * `{{org:id}}` tokens used in content. A broken fact throws a FactsError (file, row, field) at
 * import, so `npm run build` stops.
 *
 * Local facts from the seeds (content/organisations/local-facts.json, `localFactsFor`) are checked
 * here too; the municipalities and their websites are in municipalities.ts.
 *
 * `FACTS` is built from this checkout's files (JSON imports, so it works bundled by Astro too);
 * `loadFacts(contentDir)` reads another content folder (the chat server's configured one, tests).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import helplinesJson from '../data/helplines.json' with { type: 'json' };
import vtJson from '../data/veilig-thuis-organisaties.json' with { type: 'json' };
import servicesJson from '../organisations/services.json' with { type: 'json' };
import gelderlandZuidJson from '../organisations/gelderland-zuid.json' with { type: 'json' };
import localFactsJson from '../organisations/local-facts.json' with { type: 'json' };
import gemeentenJson from '../data/gemeenten.json' with { type: 'json' };
import themesJson from '../taxonomy/themes.json' with { type: 'json' };
import audiencesJson from '../taxonomy/audiences.json' with { type: 'json' };
import {
  parseFacts,
  type FactFiles,
  type GelderlandZuid,
  type Organisation,
  type ParsedFacts,
  type RegionalNote,
  type VeiligThuisOrganisation,
} from './organisations';
import type { Phone } from './phone';
import { TokenResolver } from './tokens';
import { parseLocalFacts, type LocalFact } from './local-facts';

export {
  FactsError,
  REGIONAL_NOTE_IDS,
  websiteFrom,
  type AreaServed,
  type FactsIssue,
  type GelderlandZuid,
  type Organisation,
  type OrganisationKind,
  type RegionalNote,
  type RegionalNoteId,
  type VeiligThuisOrganisation,
} from './organisations';
export { parseDutchPhone, phoneCandidates, type Phone } from './phone';
export { DAYS, isOpenAt, openingHoursSchema, type Day, type OpeningHours } from './opening-hours';
export { ANY_TOKEN, TokenResolver, type Segment, type TokenKind, type TokenValue } from './tokens';
export { checkContentTokens } from './content-tokens';
export { LOCAL_FACT_LANGS, SEED_REF, parseLocalFacts, type LocalFact, type LocalFactLang } from './local-facts';

/** The files this module reads, relative to content/. */
export const FACT_FILES = {
  helplines: 'data/helplines.json',
  veiligThuisOrganisations: 'data/veilig-thuis-organisaties.json',
  services: 'organisations/services.json',
  gelderlandZuid: 'organisations/gelderland-zuid.json',
  localFacts: 'organisations/local-facts.json',
  municipalities: 'data/gemeenten.json',
} as const;

/** A number with where it comes from: what every page's safety bar shows (112, Veilig Thuis). */
export interface SourcedPhone extends Phone {
  name: string;
  /** The first source of the row. */
  source: string;
  sourceDate: string;
}

/** Services kinds shown in their own blocks (every route), not per theme. */
const ROUTE_BLOCK_IDS = new Set(['alarmnummer-112', 'veilig-thuis', 'veilig-thuis-chat']);

export class Facts {
  /** Every service the site may show (the one rule: see organisations.ts). */
  readonly services: readonly Organisation[];
  /** Rows the data holds but the site does not show, and why. */
  readonly leftOut: readonly string[];
  readonly gelderlandZuid: GelderlandZuid;
  readonly tokens: TokenResolver;
  /** Every local fact from the seeds (local-facts.json), checked. */
  readonly localFacts: readonly LocalFact[];
  private readonly vt: Map<string, VeiligThuisOrganisation>;

  constructor(parsed: ParsedFacts, localFacts: readonly LocalFact[] = []) {
    this.localFacts = localFacts;
    this.services = parsed.services;
    this.leftOut = parsed.leftOut;
    this.gelderlandZuid = parsed.gelderlandZuid;
    this.vt = parsed.veiligThuisOrganisations;
    this.tokens = new TokenResolver(parsed.services);
  }

  service(id: string): Organisation | undefined {
    return this.services.find((service) => service.id === id);
  }

  /** The number of a shown service, with its source; throws when the service or its number is not shown. */
  phone(id: string): SourcedPhone {
    const service = this.service(id);
    if (!service?.phone) throw new Error(`help facts: service "${id}" must be shown and have a phone number`);
    return { ...service.phone, name: service.name, source: service.source[0]!, sourceDate: service.sourceDate };
  }

  /**
   * The services for one theme (besides 112, Veilig Thuis and its chat, which every route shows),
   * for an audience (those for everyone included) and a municipality's Veilig Thuis region:
   * national ones, then the ones for that region.
   */
  servicesFor(query: { theme: string; audience?: string; veiligThuisRegion?: string }): {
    national: Organisation[];
    regional: Organisation[];
  } {
    const matching = this.services.filter(
      (service) =>
        !ROUTE_BLOCK_IDS.has(service.id) &&
        service.kind !== 'emergency' &&
        service.kind !== 'veilig-thuis' &&
        service.themes.includes(query.theme) &&
        (!query.audience || service.audiences.includes('all') || service.audiences.includes(query.audience)),
    );
    return {
      national: matching.filter((service) => 'national' in service.area),
      regional: matching.filter(
        (service) =>
          'veiligThuisRegions' in service.area &&
          query.veiligThuisRegion !== undefined &&
          service.area.veiligThuisRegions.includes(query.veiligThuisRegion),
      ),
    };
  }

  /** Every service that some page shows: the route blocks plus every service of some theme. */
  shownOnPages(themeIds: readonly string[]): Organisation[] {
    return this.services.filter(
      (service) => ROUTE_BLOCK_IDS.has(service.id) || service.themes.some((theme) => themeIds.includes(theme)),
    );
  }

  /** The verified Veilig Thuis organisation of a CBS region, or undefined (then: call Veilig Thuis). */
  veiligThuisOrganisation(regionCode: string): VeiligThuisOrganisation | undefined {
    return this.vt.get(regionCode);
  }

  /** The local facts for one municipality (GM code), in the file's order; empty for most. */
  localFactsFor(code: string): LocalFact[] {
    return this.localFacts.filter((fact) => fact.municipalities.includes(code));
  }

  /** The seed's notes for one municipality (by CBS name); empty for all but the four exceptions. */
  regionalNotesFor(municipalityName: string): RegionalNote[] {
    return this.gelderlandZuid.exceptions
      .filter((exception) => exception.municipality === municipalityName)
      .map((exception) => ({
        note: exception.note,
        themes: exception.themes,
        source: this.gelderlandZuid.source.title,
        lines: exception.lines,
      }));
  }
}

function idsOf(rows: unknown, file: string): string[] {
  if (!Array.isArray(rows)) throw new Error(`${file}: expected a list`);
  return rows.map((row: { id?: unknown }) => String(row.id));
}

/** Checks the files of a content folder and returns the facts; throws a FactsError on any broken fact. */
export function factsFrom(read: (relative: string) => unknown, name: (relative: string) => string): Facts {
  const file = (relative: string) => ({ file: name(relative), data: read(relative) });
  const files: FactFiles = {
    helplines: file(FACT_FILES.helplines),
    veiligThuisOrganisations: file(FACT_FILES.veiligThuisOrganisations),
    services: file(FACT_FILES.services),
    gelderlandZuid: file(FACT_FILES.gelderlandZuid),
    themeIds: idsOf(read('taxonomy/themes.json'), name('taxonomy/themes.json')),
    audienceIds: idsOf(read('taxonomy/audiences.json'), name('taxonomy/audiences.json')),
  };
  const municipalities = read(FACT_FILES.municipalities);
  const knownCodes = new Set(
    Array.isArray(municipalities)
      ? municipalities.map((row: { gemeentecode_gm?: unknown }) => String(row.gemeentecode_gm ?? '')).filter(Boolean)
      : [],
  );
  const parsed = parseFacts(files);
  return new Facts(parsed, parseLocalFacts(read(FACT_FILES.localFacts), knownCodes, name(FACT_FILES.localFacts)));
}

const loaded = new Map<string, Facts>();

/** The facts of a content folder on disk (read and checked once per folder). */
export function loadFacts(contentDir: string): Facts {
  const dir = resolve(contentDir);
  const cached = loaded.get(dir);
  if (cached) return cached;
  const facts = factsFrom(
    (relative) => JSON.parse(readFileSync(join(dir, relative), 'utf8')) as unknown,
    (relative) => join(dir, relative),
  );
  loaded.set(dir, facts);
  return facts;
}

const BUNDLED: Record<string, unknown> = {
  [FACT_FILES.helplines]: helplinesJson,
  [FACT_FILES.veiligThuisOrganisations]: vtJson,
  [FACT_FILES.services]: servicesJson,
  [FACT_FILES.gelderlandZuid]: gelderlandZuidJson,
  [FACT_FILES.localFacts]: localFactsJson,
  [FACT_FILES.municipalities]: gemeentenJson,
  'taxonomy/themes.json': themesJson,
  'taxonomy/audiences.json': audiencesJson,
};

/** The facts of this checkout. */
export const FACTS: Facts = factsFrom(
  (relative) => BUNDLED[relative],
  (relative) => `content/${relative}`,
);

export {
  MUNICIPALITIES,
  WEBSITES_FILE,
  parseMunicipalityWebsites,
  municipalityByCode,
  municipalityBySlug,
  municipalitiesByProvince,
  municipalitySearchEntries,
  type Municipality,
  type MunicipalitySearchEntry,
  type MunicipalityWebsite,
  type Region,
} from './municipalities';
export { municipalitySlug, searchKey } from './text';
