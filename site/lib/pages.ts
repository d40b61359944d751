/** Helpers over the `pages` collection: language and path from an entry id. */
import { getCollection, type CollectionEntry } from 'astro:content';
import { isLang, type Lang } from '../i18n/locales';

export type PageEntry = CollectionEntry<'pages'>;

/** `ar/thema/partnergeweld` → { lang: 'ar', path: 'thema/partnergeweld/' }; `nl/index` → path ''. */
export function entryLocation(entry: PageEntry): { lang: Lang; path: string } {
  const [lang, ...rest] = entry.id.split('/');
  if (!isLang(lang)) throw new Error(`content/pages/${entry.id}.md: the first folder must be a language code`);
  const slug = rest.join('/');
  return { lang, path: slug === 'index' ? '' : `${slug}/` };
}

/** All pages of one language. */
export async function pagesIn(lang: Lang): Promise<PageEntry[]> {
  return getCollection('pages', (entry) => entryLocation(entry).lang === lang);
}
