/**
 * The ONE adapter between search and municipality data. It reads the imported CBS data in
 * content/data/ directly until the help-routes module (site/lib/help/) exports the same list;
 * switching then changes this file only.
 */
import { readJson } from './read-json';

export interface MunicipalityRecord {
  /** CBS code, e.g. "GM0479". */
  code: string;
  /** CBS name, e.g. "Zaanstad". */
  name: string;
  slug: string;
  province: string;
  /** Places (woonplaatsen) in the municipality. */
  places: string[];
  /** Names of municipalities that merged into this one. */
  formerNames: string[];
  /** Four-digit postcodes whose addresses are mostly in this municipality. */
  postcodes: string[];
}

/** CBS name → URL slug: lowercase, no diacritics, every other run of characters one hyphen. */
export function municipalitySlug(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

interface GemeenteRow {
  gemeentecode_gm: string;
  gemeentenaam: string;
  provincienaam: string;
}
interface PlaceRow {
  woonplaats: string;
  gemeentecode_gm: string;
}
interface FormerRow {
  voormalige_gemeentenaam: string;
  huidige_gemeentecode_gm: string;
}
interface PostcodeRow {
  pc4: string;
  gemeentecode_gm: string;
  hoofdgemeente: string;
}

/** All current municipalities with their places, former names and postcodes. */
export function loadMunicipalities(contentDir: string): MunicipalityRecord[] {
  const gemeenten = readJson<GemeenteRow[]>(contentDir, 'data/gemeenten.json');
  const places = readJson<PlaceRow[]>(contentDir, 'data/woonplaats-gemeente.json');
  const former = readJson<FormerRow[]>(contentDir, 'data/voormalige-gemeenten.json');
  const postcodes = readJson<PostcodeRow[]>(contentDir, 'data/pc4-gemeente.json');

  const byCode = new Map<string, MunicipalityRecord>();
  for (const row of gemeenten) {
    byCode.set(row.gemeentecode_gm, {
      code: row.gemeentecode_gm,
      name: row.gemeentenaam,
      slug: municipalitySlug(row.gemeentenaam),
      province: row.provincienaam,
      places: [],
      formerNames: [],
      postcodes: [],
    });
  }
  for (const row of places) byCode.get(row.gemeentecode_gm)?.places.push(row.woonplaats);
  for (const row of former) byCode.get(row.huidige_gemeentecode_gm)?.formerNames.push(row.voormalige_gemeentenaam);
  // A postcode area can cross a border; it leads to the municipality with most of its addresses.
  for (const row of postcodes) {
    if (row.hoofdgemeente === '1') byCode.get(row.gemeentecode_gm)?.postcodes.push(row.pc4);
  }
  return [...byCode.values()].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
