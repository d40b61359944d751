/** The municipalities live in the help facts module (content/facts/municipalities.ts); re-exported for the site. */
export {
  MUNICIPALITIES,
  municipalityByCode,
  municipalityBySlug,
  municipalitiesByProvince,
  municipalitySearchEntries,
  type Municipality,
  type MunicipalitySearchEntry,
  type Region,
} from '../../../content/facts/municipalities';
