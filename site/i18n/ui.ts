/**
 * UI strings: `content/ui/<lang>.json`, flat dotted keys. Dutch is the schema: every other
 * language must have exactly the same keys, each a non-empty string with the same {placeholders}.
 * A mismatch throws while the module loads, so `astro build` (and every test) fails at once.
 */
import { z } from 'zod';
import nl from '../../content/ui/nl.json' with { type: 'json' };
import en from '../../content/ui/en.json' with { type: 'json' };
import tr from '../../content/ui/tr.json' with { type: 'json' };
import ar from '../../content/ui/ar.json' with { type: 'json' };
import pl from '../../content/ui/pl.json' with { type: 'json' };
import uk from '../../content/ui/uk.json' with { type: 'json' };
import { LANGS, type Lang } from './locales';

export type UiKey = keyof typeof nl;
export type UiStrings = Record<UiKey, string>;

const uiSchema = z
  .object(
    Object.fromEntries(Object.keys(nl).map((key) => [key, z.string().trim().min(1)])) as Record<UiKey, z.ZodString>,
  )
  .strict();

const placeholders = (text: string) =>
  [...text.matchAll(/\{(\w+)\}/g)]
    .map((m) => m[1])
    .sort()
    .join(',');

const isMissing = (strings: unknown, path: PropertyKey[]) =>
  typeof strings === 'object' && strings !== null && path.length === 1 && !(String(path[0]) in strings);

/** Validates one language file against the Dutch schema; returns a list of readable problems. */
export function checkUiStrings(lang: string, strings: unknown): string[] {
  const parsed = uiSchema.safeParse(strings);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) =>
        issue.code === 'unrecognized_keys'
          ? `content/ui/${lang}.json: unknown key(s) ${issue.keys.join(', ')} (add them to nl.json first)`
          : `content/ui/${lang}.json: "${issue.path.join('.')}" ${isMissing(strings, issue.path) ? 'is missing' : issue.message}`,
      );
  if (parsed.success) {
    for (const key of Object.keys(nl) as UiKey[]) {
      if (placeholders(parsed.data[key]) !== placeholders(nl[key])) {
        problems.push(
          `content/ui/${lang}.json: "${key}" must use the placeholders of nl.json: {${placeholders(nl[key])}}`,
        );
      }
    }
  }
  return problems;
}

const raw: Record<Lang, unknown> = { nl, en, tr, ar, pl, uk };
const problems = LANGS.flatMap((lang) => checkUiStrings(lang, raw[lang]));
if (problems.length > 0) {
  throw new Error(`UI strings do not match the schema:\n  ${problems.join('\n  ')}`);
}
const strings = raw as Record<Lang, UiStrings>;

/** All UI strings of one language (for islands, which get them as props). */
export function uiStrings(lang: Lang): UiStrings {
  return strings[lang];
}

/** One UI string, with `{name}` placeholders filled in. */
export function t(lang: Lang, key: UiKey, vars: Record<string, string | number> = {}): string {
  return strings[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
