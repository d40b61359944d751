/** content/search/synonyms.<lang>.json: everyday words per theme, stopwords, emergency words. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readJson } from './read-json';

export type Synonyms = z.infer<ReturnType<typeof synonymsSchema>>;

const words = z.array(z.string().trim().min(1).max(80));

function synonymsSchema(themeIds: string[]) {
  return z
    .object({
      $comment: z.string().optional(),
      stopwords: words,
      emergency: words.min(1),
      themes: z.record(z.string(), words).superRefine((themes, ctx) => {
        for (const id of Object.keys(themes)) {
          if (!themeIds.includes(id)) {
            ctx.addIssue({
              code: z.ZodIssueCode.custom,
              path: [id],
              message: `unknown theme id; use one of: ${themeIds.join(', ')}`,
            });
          }
        }
      }),
      equivalents: z.array(words.min(2)).default([]),
    })
    .strict();
}

/** Loads and checks one language's synonyms; a mistake fails with the file and the field named. */
export function loadSynonyms(contentDir: string, lang: string, themeIds: string[]): Synonyms {
  const file = `search/synonyms.${lang}.json`;
  if (!existsSync(join(contentDir, file))) throw new Error(`content/${file} is missing`);
  const parsed = synonymsSchema(themeIds).safeParse(readJson(contentDir, file));
  if (!parsed.success) {
    throw new Error(
      `content/${file}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}
