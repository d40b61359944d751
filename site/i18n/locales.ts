/**
 * The one list of languages. Routing, hreflang, the language switcher and the RTL set are all
 * derived from it. Dutch is the original; every other language is a translation of it.
 */
export const LOCALES = {
  nl: { label: 'Nederlands', dir: 'ltr', hreflang: 'nl-NL' },
  en: { label: 'English', dir: 'ltr', hreflang: 'en' },
  tr: { label: 'Türkçe', dir: 'ltr', hreflang: 'tr' },
  ar: { label: 'العربية', dir: 'rtl', hreflang: 'ar' },
  pl: { label: 'Polski', dir: 'ltr', hreflang: 'pl' },
  uk: { label: 'Українська', dir: 'ltr', hreflang: 'uk' },
} as const;

export type Lang = keyof typeof LOCALES;
export const LANGS = Object.keys(LOCALES) as Lang[];
export const DEFAULT_LANG: Lang = 'nl';

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && Object.hasOwn(LOCALES, value);
}

/** The path of the same page in another language: `/nl/privacy/` → `/ar/privacy/`. */
export function localizedPath(lang: Lang, pathWithoutLang: string): string {
  const rest = pathWithoutLang.replace(/^\/+/, '');
  return `/${lang}/${rest}`;
}

/** Splits `/ar/hulp/zaanstad/` into `ar` and `hulp/zaanstad/`; null when the prefix is no language. */
export function splitLangPath(pathname: string): { lang: Lang; rest: string } | null {
  const match = /^\/([a-z]{2})(?:\/(.*))?$/.exec(pathname);
  if (!match || !isLang(match[1])) return null;
  return { lang: match[1], rest: match[2] ?? '' };
}
