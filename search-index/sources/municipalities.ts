/**
 * The ONE adapter between search and municipality data: the help facts module (content/facts/)
 * owns the municipality list, its slug rule and its everyday names.
 */
import { z } from 'zod';
import { municipalitySearchEntries } from '../../content/facts/municipalities';
import placeNamesJson from '../../content/search/place-names.json' with { type: 'json' };

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

const placeNamesSchema = z
  .object({
    $comment: z.string(),
    names: z.record(
      z.string().regex(/^GM\d{4}$/, 'a CBS code such as GM0599'),
      z.array(z.string().trim().min(2)).min(1),
    ),
  })
  .strict();

/**
 * content/search/place-names.json: names of larger municipalities in other languages and scripts
 * ("روتردام", "Гаага"), by CBS code. A code that is not a current municipality stops the build.
 */
export function placeNamesByCode(data: unknown = placeNamesJson, known?: readonly string[]): Map<string, string[]> {
  const parsed = placeNamesSchema.safeParse(data);
  if (!parsed.success)
    throw new Error(
      `content/search/place-names.json: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(file)'}: ${i.message}`).join('; ')}`,
    );
  const codes = known ?? municipalitySearchEntries().map((m) => m.code);
  const unknown = Object.keys(parsed.data.names).filter((code) => !codes.includes(code));
  if (unknown.length)
    throw new Error(`content/search/place-names.json: not a current municipality: ${unknown.join(', ')}`);
  return new Map(Object.entries(parsed.data.names));
}

/** All current municipalities with their places (also as written in other scripts), former names and postcodes. */
export function loadMunicipalities(_contentDir?: string): MunicipalityRecord[] {
  const otherNames = placeNamesByCode();
  return municipalitySearchEntries()
    .map(({ pc4, ...entry }) => ({
      ...entry,
      places: [...entry.places, ...(otherNames.get(entry.code) ?? [])],
      postcodes: pc4,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}
