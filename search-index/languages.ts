/** The site's languages, from the one list in site/i18n/locales.ts. */
export { LANGS } from '../site/i18n/locales';
