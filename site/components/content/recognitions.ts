/**
 * The "Herken je dit?" statements of the "Ik zit klem" campaign: content/campaigns/ik-zit-klem.json.
 * One file, all six languages, so a regional campaign page shows the same statements without
 * copying them. Checked when the module loads: a missing language or an unknown `{{tel:…}}` /
 * `{{org:…}}` token fails the build. A statement is kept as segments (text, a number, a name) so
 * a number becomes a left-to-right `tel:` link; headings and link labels get the plain text.
 */
import { z } from 'zod';
import { FACTS, type Segment } from '../../../content/facts';
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

const FILE = 'content/campaigns/ik-zit-klem.json';

export const RECOGNITION_GROUPS = parsed.data.groups.map((group) => ({
  ...group,
  heading: Object.fromEntries(
    LANGS.map((lang) => [lang, FACTS.tokens.replace(group.heading[lang], `${FILE}: ${group.id}.heading.${lang}`)]),
  ) as Record<Lang, string>,
  linkLabel: Object.fromEntries(
    LANGS.map((lang) => [lang, FACTS.tokens.replace(group.linkLabel[lang], `${FILE}: ${group.id}.linkLabel.${lang}`)]),
  ) as Record<Lang, string>,
  statements: Object.fromEntries(
    LANGS.map((lang) => [
      lang,
      group.statements[lang].map((statement, i) =>
        FACTS.tokens.split(statement, `${FILE}: ${group.id}.statements.${lang}.${i}`),
      ),
    ]),
  ) as Record<Lang, Segment[][]>,
}));
