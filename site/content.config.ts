/**
 * Content collections. Pages are markdown in content/pages/<lang>/<path>.md; the entry id is
 * `<lang>/<path>`, and the URL is `/<lang>/<path>/`. The schema is checked by `astro build`
 * and `astro check`: a wrong field fails with the file and field named.
 */
import { defineCollection, z } from 'astro:content';
import { glob } from 'astro/loaders';
import { THEME_IDS, AUDIENCE_IDS } from './lib/taxonomy';

const themeId = z
  .string()
  .refine((id) => THEME_IDS.includes(id), { message: `must be one of: ${THEME_IDS.join(', ')}` });
const audienceId = z
  .string()
  .refine((id) => AUDIENCE_IDS.includes(id), { message: `must be one of: ${AUDIENCE_IDS.join(', ')}` });

/** A figure used on a page: the number as written, what it counts, and where it comes from. */
const figure = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    value: z.string().min(1),
    label: z.string().min(1),
    source: z.string().min(1),
    year: z.union([z.number().int(), z.string().min(4)]),
  })
  .strict();

const pages = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './content/pages' }),
  schema: z
    .object({
      title: z.string().min(1),
      description: z.string().min(1).max(200),
      kind: z.enum(['home', 'campaign', 'theme', 'audience', 'explainer', 'safety', 'about']),
      themes: z.array(themeId).default([]),
      audiences: z.array(audienceId).default([]),
      translation: z.enum(['original', 'draft', 'reviewed']),
      order: z.number().int().optional(),
      figures: z.array(figure).default([]),
    })
    .strict(),
});

export const collections = { pages };
