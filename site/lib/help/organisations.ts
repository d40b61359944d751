/**
 * Organisations as the site uses them, from the help facts module (content/facts/), which alone
 * reads and checks the data. Only what that module shows reaches a page; what it left out is in
 * ORGANISATION_WARNINGS (printed once by the build).
 */
import { FACTS, type Organisation, type VeiligThuisOrganisation } from '../../../content/facts';

export { websiteFrom, type AreaServed, type Organisation, type OrganisationKind } from '../../../content/facts';
export type { VeiligThuisOrganisation };

/** What the build left out and why; printed once by the pages, asserted by the tests. */
export const ORGANISATION_WARNINGS: readonly string[] = FACTS.leftOut;

/** The national and regional services the site shows (not the Veilig Thuis regional organisations). */
export const SERVICES: readonly Organisation[] = FACTS.services;

export function serviceById(id: string): Organisation | undefined {
  return FACTS.service(id);
}

/** The verified Veilig Thuis organisation of a CBS region, or undefined (then: call Veilig Thuis). */
export function veiligThuisOrganisation(regionCode: string): VeiligThuisOrganisation | undefined {
  return FACTS.veiligThuisOrganisation(regionCode);
}
