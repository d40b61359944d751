/**
 * Local facts from the policy seeds (content/organisations/local-facts.json): a short text per
 * language for the pages of the municipalities it names, with its seed lines and source. Checked
 * here with zod: known municipality codes, all six languages, seed references in the
 * `file.txt:L12-14` form, a site path for a link. That each cited line holds its keyword is
 * checked against the seed files by tests/unit/help-local.test.ts (the seeds live outside content/).
 */
import { z } from 'zod';
import { FactsError, type FactsIssue } from './organisations';

/** The languages a local fact must be written in (the site's six; tests compare with site/i18n/locales). */
export const LOCAL_FACT_LANGS = ['nl', 'en', 'tr', 'ar', 'pl', 'uk'] as const;
export type LocalFactLang = (typeof LOCAL_FACT_LANGS)[number];

const perLanguage = z
  .object(
    Object.fromEntries(LOCAL_FACT_LANGS.map((lang) => [lang, z.string().trim().min(10)])) as Record<
      LocalFactLang,
      z.ZodString
    >,
  )
  .strict();

/** A seed reference as tests/support/seeds.ts reads it: "004_523557f05edc7f25.txt:L649-650". */
export const SEED_REF = /^\d{3}_[0-9a-f]{16}\.txt:L\d+(?:-\d+)?$/;

function localFactsSchema(knownCodes: ReadonlySet<string>) {
  return z
    .object({
      $comment: z.string(),
      facts: z.array(
        z
          .object({
            id: z.string().regex(/^[a-z0-9-]+$/, 'an id is lower-case letters, digits and hyphens'),
            municipalities: z
              .array(z.string().refine((code) => knownCodes.has(code), 'not a current municipality (GM code)'))
              .min(1),
            why: z.string().min(20),
            seeds: z
              .array(
                z
                  .object({
                    ref: z.string().regex(SEED_REF, 'a seed reference is "<file>.txt:L<from>[-<to>]"'),
                    keyword: z.string().trim().min(3),
                  })
                  .strict(),
              )
              .min(1),
            /** The seed document's title, with its year or period (shown as "Bron: <source>, regel …"). */
            source: z
              .string()
              .regex(/20\d{2}/, 'the source title names its year or period')
              .min(10),
            text: perLanguage,
            link: z
              .object({
                path: z.string().regex(/^\/[a-z0-9/-]+\/$/, 'a site path without the language, e.g. /ik-zit-klem/'),
                text: perLanguage,
              })
              .strict()
              .optional(),
          })
          .strict(),
      ),
    })
    .strict();
}

export type LocalFact = z.infer<ReturnType<typeof localFactsSchema>>['facts'][number];

/** Checks the local facts file; throws a FactsError (file, fact id, field) on any problem. */
export function parseLocalFacts(data: unknown, knownCodes: ReadonlySet<string>, file: string): LocalFact[] {
  const parsed = localFactsSchema(knownCodes).safeParse(data);
  const issues: FactsIssue[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [first, index, ...rest] = issue.path.map(String);
      const id =
        first === 'facts' && index !== undefined
          ? String((data as { facts: { id?: unknown }[] }).facts[Number(index)]?.id ?? `#${Number(index) + 1}`)
          : '';
      issues.push({ file, row: id, field: rest.join('.') || first || '(file)', message: issue.message });
    }
    throw new FactsError(issues);
  }
  const seen = new Set<string>();
  for (const fact of parsed.data.facts) {
    if (seen.has(fact.id)) issues.push({ file, row: fact.id, field: 'id', message: 'duplicate id' });
    seen.add(fact.id);
    if (new Set(fact.municipalities).size !== fact.municipalities.length)
      issues.push({ file, row: fact.id, field: 'municipalities', message: 'a municipality is listed twice' });
  }
  if (issues.length > 0) throw new FactsError(issues);
  return parsed.data.facts;
}
