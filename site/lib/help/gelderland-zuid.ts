/**
 * The Gelderland-Zuid specifics from the regional plan (seed 001): read and checked by the help
 * facts module (content/facts/), re-exported here for the site.
 */
import { FACTS, type RegionalNote } from '../../../content/facts';

export { REGIONAL_NOTE_IDS, type RegionalNote, type RegionalNoteId } from '../../../content/facts';

export const GELDERLAND_ZUID = FACTS.gelderlandZuid;

/** The seed's notes for one municipality (by CBS name); empty for all but the four exceptions. */
export function regionalNotesFor(municipalityName: string): RegionalNote[] {
  return FACTS.regionalNotesFor(municipalityName);
}
