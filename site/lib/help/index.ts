/** The help-route module: plain data and pure functions, importable by the site and the servers. */
export { helpRouteFor, type HelpRoute, type ThemeRoute, type HelpRouteOptions } from './route';
export {
  MUNICIPALITIES,
  municipalityByCode,
  municipalityBySlug,
  municipalitiesByProvince,
  municipalitySearchEntries,
  type Municipality,
  type MunicipalitySearchEntry,
} from '../../../content/facts/municipalities';
export { MunicipalityLookup, type LookupIndex, type LookupResult, type LookupMatch } from './lookup';
export { buildLookupIndex } from './lookup-index';
export { municipalitySlug, searchKey } from './text';
export { SERVICES, ORGANISATION_WARNINGS, veiligThuisOrganisation, type Organisation } from './organisations';
export { isOpenAt, type OpeningHours } from './opening-hours';
export { parseDutchPhone, type Phone } from './phone';
