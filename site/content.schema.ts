/**
 * The front matter of a content page (content/pages/<lang>/<path>.md). Kept apart from
 * content.config.ts so the unit tests can check every file with the very schema the build uses.
 */
import { z } from 'zod';
import { THEME_IDS, AUDIENCE_IDS } from './lib/taxonomy';

/** The "what you can do now" steps a page may list; their text is in content/ui (`content.step.*`). */
export const STEP_IDS = [
  'emergency',
  'call-veilig-thuis',
  'ask-advice',
  'chat',
  'local-help',
  'talk',
  'hide-visit',
] as const;
export type StepId = (typeof STEP_IDS)[number];

const themeId = z
  .string()
  .refine((id) => THEME_IDS.includes(id), { message: `must be one of: ${THEME_IDS.join(', ')}` });
const audienceId = z
  .string()
  .refine((id) => AUDIENCE_IDS.includes(id), { message: `must be one of: ${AUDIENCE_IDS.join(', ')}` });

/** Where in ../shared/seeds a fact was read, e.g. `004_523557f05edc7f25.txt:L199` or `…:L199-200`. */
export const SEED_REF = /^\d{3}_[0-9a-f]{16}\.txt:L\d+(?:-\d+)?$/;

/** A figure used on a page: the number as written, what it counts, where it comes from and when. */
const figure = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    value: z.string().min(1),
    label: z.string().min(1),
    /** Who published the figure, as the seed names it (or the seed document itself). */
    source: z.string().min(1),
    year: z.union([z.number().int(), z.string().min(4)]),
    /** The seed line(s) the figure was checked against. */
    seed: z.string().regex(SEED_REF, 'must look like 004_523557f05edc7f25.txt:L199 or …:L199-200'),
  })
  .strict();

/** A campaign page: the national one has no region; a regional one names its Veilig Thuis region. */
const campaign = z
  .object({
    region: z.string().min(1),
    /** CBS code of the Veilig Thuis region (content/data/gemeente-veiligthuisregio.json), e.g. VT22. */
    veiligThuisRegion: z.string().regex(/^VT\d{2}$/),
  })
  .strict();

export const pageSchema = z
  .object({
    title: z.string().min(1),
    description: z.string().min(1).max(200),
    kind: z.enum(['home', 'campaign', 'theme', 'audience', 'explainer', 'safety', 'about']),
    themes: z.array(themeId).default([]),
    audiences: z.array(audienceId).default([]),
    translation: z.enum(['original', 'draft', 'reviewed']),
    order: z.number().int().optional(),
    figures: z.array(figure).default([]),
    steps: z.array(z.enum(STEP_IDS)).default([]),
    campaign: campaign.optional(),
  })
  .strict();

export type PageData = z.infer<typeof pageSchema>;
export type Figure = PageData['figures'][number];
