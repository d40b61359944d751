/**
 * The "Herken je dit?" statements of the "Ik zit klem" campaign: content/campaigns/ik-zit-klem.json.
 * One file, all six languages, so a regional campaign page shows the same statements without
 * copying them. Checked when the module loads: a missing language fails the build.
 */
import { z } from 'zod';
import raw from '../../../content/campaigns/ik-zit-klem.json' with { type: 'json' };
import { LANGS, type Lang } from '../../i18n/locales';

const perLang = <T extends z.ZodTypeAny>(schema: T) =>
  z.object(Object.fromEntries(LANGS.map((lang) => [lang, schema])) as Record<Lang, T>).strict();

const groupSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** Page (path below the language prefix) that tells this person more. */
    link: z.string().regex(/^[a-z0-9/-]+\/$/),
    heading: perLang(z.string().min(1)),
    statements: perLang(z.array(z.string().min(1)).min(2)),
    linkLabel: perLang(z.string().min(1)),
  })
  .strict();

const parsed = z
  .object({ groups: z.array(groupSchema).min(1) })
  .strict()
  .safeParse(raw);
if (!parsed.success) {
  throw new Error(
    `content/campaigns/ik-zit-klem.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
  );
}

export const RECOGNITION_GROUPS = parsed.data.groups;
