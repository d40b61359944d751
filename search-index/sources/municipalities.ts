/**
 * The ONE adapter between search and municipality data: the help facts module (content/facts/)
 * owns the municipality list, its slug rule and its everyday names.
 */
import { municipalitySearchEntries } from '../../content/facts/municipalities';

export { municipalitySlug } from '../../content/facts/text';

export interface MunicipalityRecord {
  /** CBS code, e.g. "GM0479". */
  code: string;
  /** CBS name, e.g. "Zaanstad". */
  name: string;
  slug: string;
  province: string;
  /** Places (woonplaatsen) in the municipality and everyday names ("Den Haag"). */
  places: string[];
  /** Names of municipalities that merged into this one. */
  formerNames: string[];
  /** Four-digit postcodes with addresses in this municipality. */
  postcodes: string[];
}

/** All current municipalities with their places, former names and postcodes. */
export function loadMunicipalities(_contentDir?: string): MunicipalityRecord[] {
  return municipalitySearchEntries()
    .map(({ pc4, ...entry }) => ({ ...entry, postcodes: pc4 }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
