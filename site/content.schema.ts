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

/**
 * Where a figure was counted: the whole country or one region. Shown beside every figure (text in
 * content/ui, `content.facts.area.<id>`), so a regional number never reads as a national one.
 */
export const FIGURE_AREAS = ['nederland', 'amsterdam-amstelland', 'gelderland-zuid'] as const;

/** A figure used on a page: the number as written, whom it counts, where and when, and its source. */
const figure = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    value: z.string().min(1),
    /** Whom the figure counts, in words: "van de kinderen die kindermishandeling meemaakten, …". */
    label: z.string().min(1),
    /** Where it was counted. */
    area: z.enum(FIGURE_AREAS),
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

/** A date written as '2026-12-04' (quoted in YAML, so it stays a string). */
export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A source the page text rests on: a seed document, a page of the source pack
 * (../shared/sources) or a public web page. The page lists them under the text with their date.
 */
const source = z
  .object({
    /** The document's own name (Dutch, as it calls itself). */
    title: z.string().min(1),
    /** The date the document states ('2021', '2020-2025', '2025-08-10'); leave out when it has none. */
    date: z.string().min(4).optional(),
    /** A public address; only for sources a reader can open. */
    url: z.string().url().optional(),
    /** The seed file the text was checked against, e.g. `001_313bcaa61ec58c26.txt` (optionally :L…). */
    seed: z
      .string()
      .regex(/^\d{3}_[0-9a-f]{16}\.txt(?::L\d+(?:-\d+)?)?$/)
      .optional(),
  })
  .strict();

export const pageSchema = z
  .object({
    title: z.string().min(1),
    description: z.string().min(1).max(200),
    /** `next-step`: a page under stappen/ on one practical step (leaving safely, shelter, the police, …); the home page lists them by `order`. */
    kind: z.enum(['home', 'campaign', 'theme', 'audience', 'explainer', 'next-step', 'safety', 'about']),
    themes: z.array(themeId).default([]),
    audiences: z.array(audienceId).default([]),
    translation: z.enum(['original', 'draft', 'reviewed']),
    order: z.number().int().optional(),
    figures: z.array(figure).default([]),
    steps: z.array(z.enum(STEP_IDS)).default([]),
    campaign: campaign.optional(),
    /** The day a person last checked the text against its sources ('2026-12-04'). */
    checked: z.string().regex(ISO_DATE, "must look like '2026-12-04' (quoted)"),
    /** What the text rests on; the page lists these with their dates. */
    sources: z.array(source).min(1),
  })
  .strict();

export type PageData = z.infer<typeof pageSchema>;
export type Figure = PageData['figures'][number];
export type Source = PageData['sources'][number];
