import { describe, expect, it } from 'vitest';
import { LANGS, LOCALES, localizedPath, splitLangPath } from '../../site/i18n/locales';

describe('locales', () => {
  it('has the six languages with Arabic right-to-left', () => {
    expect(LANGS).toEqual(['nl', 'en', 'tr', 'ar', 'pl', 'uk']);
    expect(LANGS.filter((lang) => LOCALES[lang].dir === 'rtl')).toEqual(['ar']);
  });

  it('keeps the page when the language changes', () => {
    const here = splitLangPath('/nl/hulp/zaanstad/');
    expect(here).toEqual({ lang: 'nl', rest: 'hulp/zaanstad/' });
    expect(localizedPath('ar', here!.rest)).toBe('/ar/hulp/zaanstad/');
  });

  it('rejects a prefix that is no language', () => {
    expect(splitLangPath('/xx/privacy/')).toBeNull();
    expect(splitLangPath('/_astro/a.js')).toBeNull();
  });
});
