/**
 * The Gelderland-Zuid specifics from the regional plan (seed 001), as data with line citations:
 * the 15 municipalities and the exceptions for Gennep, Maasdriel, Mook en Middelaar and Zaltbommel.
 */
import { z } from 'zod';
import raw from '../../../content/organisations/gelderland-zuid.json' with { type: 'json' };
import { THEME_IDS } from '../taxonomy';

const lines = z.tuple([z.number().int().positive(), z.number().int().positive()]);
export const REGIONAL_NOTE_IDS = ['denBosch', 'mookVeiligThuis', 'mookDivorce', 'gennep'] as const;
export type RegionalNoteId = (typeof REGIONAL_NOTE_IDS)[number];

const schema = z
  .object({
    $comment: z.string(),
    source: z.object({ file: z.string(), title: z.string(), period: z.string() }).strict(),
    veiligThuisRegion: z.string().regex(/^VT\d{2}$/),
    members: z.object({ lines, quote: z.string(), municipalities: z.array(z.string()).length(15) }).strict(),
    exceptions: z.array(
      z
        .object({
          municipality: z.string(),
          note: z.enum(REGIONAL_NOTE_IDS),
          themes: z.array(z.string().refine((id) => THEME_IDS.includes(id), 'unknown theme id')),
          lines,
          quote: z.string().min(10),
        })
        .strict(),
    ),
  })
  .strict();

const parsed = schema.safeParse(raw);
if (!parsed.success) {
  throw new Error(
    `content/organisations/gelderland-zuid.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
  );
}
export const GELDERLAND_ZUID = parsed.data;

/** A regional arrangement shown with a route: which note, for which themes (none = the Veilig Thuis block). */
export interface RegionalNote {
  note: RegionalNoteId;
  themes: string[];
  source: string;
  lines: [number, number];
}

/** The seed's notes for one municipality (by CBS name); empty for all but the four exceptions. */
export function regionalNotesFor(municipalityName: string): RegionalNote[] {
  return GELDERLAND_ZUID.exceptions
    .filter((exception) => exception.municipality === municipalityName)
    .map((exception) => ({
      note: exception.note,
      themes: exception.themes,
      source: GELDERLAND_ZUID.source.title,
      lines: exception.lines,
    }));
}
