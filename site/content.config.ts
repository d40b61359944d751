/**
 * Content collections. Pages are markdown in content/pages/<lang>/<path>.md; the entry id is
 * `<lang>/<path>`, and the URL is `/<lang>/<path>/`. The schema (content.schema.ts) is checked by
 * `astro build` and `astro check`: a wrong field fails with the file and field named.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pageSchema } from './content.schema';

const pages = defineCollection({
  loader: glob({ pattern: '**/*.md', base: './content/pages' }),
  schema: pageSchema,
});

export const collections = { pages };
