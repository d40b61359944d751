/** content/search/synonyms.<lang>.json: everyday words per theme and per page, stopwords, emergency words. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { readJson } from './read-json';

export type Synonyms = z.infer<ReturnType<typeof synonymsSchema>>;

const words = z.array(z.string().trim().min(1).max(80));

/** A page as editors name it: its path below the language, without slashes around it ("stappen/opvang"). */
const PAGE_KEY = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)*$/;

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
      // Which pages exist is checked where the pages are read (documents.ts), with the file named.
      pages: z
        .record(z.string(), words.min(1))
        .superRefine((pages, ctx) => {
          for (const key of Object.keys(pages)) {
            if (!PAGE_KEY.test(key)) {
              ctx.addIssue({
                code: z.ZodIssueCode.custom,
                path: [key],
                message: 'a page is named by its path without language and slashes, e.g. "stappen/opvang"',
              });
            } else if (key.startsWith('thema/')) {
              ctx.addIssue({
                code: z.ZodIssueCode.custom,
                path: [key],
                message: `a theme page takes its words from themes.${key.slice('thema/'.length)}`,
              });
            }
          }
        })
        .default({}),
      /**
       * Words people type for a service, by its service id (the facts module): the
       * chat ("chatten", "دردشة" → our chat page), 113 ("ik wil niet meer leven"). The service's
       * document carries them with a theme's weight; a token-only service (113) gets a document.
       */
      services: z.record(z.string().regex(/^[a-z0-9-]+$/), words.min(1)).default({}),
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
