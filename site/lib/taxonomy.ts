/** Themes and audiences: the ids every part of the product shares (pages, routes, search, chat). */
import { z } from 'zod';
import themesJson from '../../content/taxonomy/themes.json' with { type: 'json' };
import audiencesJson from '../../content/taxonomy/audiences.json' with { type: 'json' };
import { LANGS, type Lang } from '../i18n/locales';

const localizedName = z
  .object(Object.fromEntries(LANGS.map((lang) => [lang, z.string().min(1)])) as Record<Lang, z.ZodString>)
  .strict();
const entrySchema = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), name: localizedName }).strict();

function load(file: string, raw: unknown) {
  const parsed = z.array(entrySchema).safeParse(raw);
  if (!parsed.success)
    throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export const THEMES = load('content/taxonomy/themes.json', themesJson);
export const AUDIENCES = load('content/taxonomy/audiences.json', audiencesJson);
export const THEME_IDS = THEMES.map((theme) => theme.id);
export const AUDIENCE_IDS = AUDIENCES.map((audience) => audience.id);
