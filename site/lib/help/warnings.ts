/** Prints, once per build, which organisations and facts the build left out and why. */
import { ORGANISATION_WARNINGS } from './organisations';

let printed = false;

export function printOrganisationWarningsOnce(): void {
  if (printed || ORGANISATION_WARNINGS.length === 0) return;
  printed = true;
  console.warn(
    `help routes: ${ORGANISATION_WARNINGS.length} row(s) left out of the site:\n  ${ORGANISATION_WARNINGS.join('\n  ')}`,
  );
}
