/**
 * What a municipality page says about the municipality itself: its own website (with source and
 * date) and the local facts from the seeds. Both come from the help facts module (content/facts/).
 */
import {
  FACTS,
  municipalityByCode,
  type LocalFact,
  type LocalFactLang,
  type MunicipalityWebsite,
} from '../../../content/facts';

export type { LocalFact, LocalFactLang, MunicipalityWebsite };

export interface LocalHelp {
  /** The municipality's own website; null when the data has no row (the page then says: ask your municipality). */
  website: MunicipalityWebsite | null;
  /** Facts from the seeds for this municipality (Moviera, the Amsterdam teams, Ik zit klem …). */
  facts: LocalFact[];
}

/** The local help of a municipality by GM code; an unknown code has neither website nor facts. */
export function localHelpFor(code: string): LocalHelp {
  return { website: municipalityByCode(code)?.website ?? null, facts: FACTS.localFactsFor(code) };
}

/** "L649-650" → "649–650", "L60" → "60": the line numbers of a seed reference, as shown. */
export function seedLinesLabel(ref: string): string {
  const match = /:L(\d+)(?:-(\d+))?$/.exec(ref);
  if (!match) return ref;
  return match[2] ? `${match[1]}–${match[2]}` : match[1]!;
}
