/**
 * Builds the search documents of one language from content/: emergency help, municipalities
 * (with places, former names and postcodes), themes (with everyday words), organisations and
 * page sections (a page's opening with the everyday words of the synonyms file's `pages`). Node
 * only; the browser never runs this.
 */
import { loadMunicipalities } from './sources/municipalities';
import { loadSynonyms, type Synonyms } from './sources/synonyms';
import { loadPageSections, type PageSection } from './sources/pages';
import { loadFacts } from '../content/facts';
import { readJson } from './sources/read-json';
import { tokenize } from './text';
import { TYPE_BOOSTS } from './engine-options';
import type { IndexLabels, SearchDocument } from './types';

interface ThemeRow {
  id: string;
  name: Record<string, string>;
}

export interface LanguageContent {
  documents: SearchDocument[];
  synonyms: Synonyms;
  labels: IndexLabels;
}

const SNIPPET_CHARS = 160;

/** The first words of a text, cut at a word boundary. */
export function snippetOf(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= SNIPPET_CHARS) return clean;
  const cut = clean.slice(0, SNIPPET_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), SNIPPET_CHARS - 20))}…`;
}

/**
 * Each word once: phrases share words ("babam dövüyor", "annem dövüyor"), and a word repeated
 * in one theme's list must not outweigh the same word in another theme's list.
 */
function uniqueWords(phrases: string[]): string {
  return [...new Set(phrases.flatMap((phrase) => tokenize(phrase)))].join(' ');
}

function uiString(strings: Record<string, string>, lang: string, key: string): string {
  const value = strings[key];
  if (!value) throw new Error(`content/ui/${lang}.json: "${key}" is missing`);
  return value;
}

/**
 * The `pages` words of the synonyms file per page path (`stappen/opvang/`), each word once as on
 * theme documents. A key naming no page fails with the file and the key named: a page renamed or
 * not yet written must not lose its words silently.
 */
function pageKeywords(synonyms: Synonyms, sections: PageSection[], lang: string): Map<string, string> {
  const paths = new Set(sections.filter((section) => section.anchor === '').map((section) => section.path));
  const keywords = new Map<string, string>();
  for (const [key, phrases] of Object.entries(synonyms.pages)) {
    if (!paths.has(`${key}/`)) {
      throw new Error(
        `content/search/synonyms.${lang}.json: pages.${key}: no such page (content/pages/${lang}/${key}.md does not exist)`,
      );
    }
    keywords.set(`${key}/`, uniqueWords(phrases));
  }
  return keywords;
}

export function buildDocuments(contentDir: string, lang: string): LanguageContent {
  const ui = readJson<Record<string, string>>(contentDir, `ui/${lang}.json`);
  const text = (key: string) => uiString(ui, lang, key);
  const themes = readJson<ThemeRow[]>(contentDir, 'taxonomy/themes.json');
  const synonyms = loadSynonyms(
    contentDir,
    lang,
    themes.map((theme) => theme.id),
  );
  // The help facts module decides what may be shown: search offers exactly what the pages show.
  const facts = loadFacts(contentDir);
  const sections = loadPageSections(contentDir, lang, (value, where) => facts.tokens.replace(value, where));
  const pageWords = pageKeywords(synonyms, sections, lang);
  const documents: SearchDocument[] = [];
  const base = { lang, keywords: '', places: '', postcodes: '', text: '' };

  const emergency = facts.phone('alarmnummer-112');
  const veiligThuis = facts.phone('veilig-thuis');
  documents.push({
    ...base,
    id: 'emergency',
    type: 'emergency',
    title: `${text('safety.danger')} ${emergency.display}`,
    url: `tel:${emergency.tel}`,
    snippet: `${text('safety.veiligThuis')} ${veiligThuis.display}: ${text('safety.veiligThuisNote')}`,
    keywords: synonyms.emergency.join(' '),
  });

  for (const municipality of loadMunicipalities(contentDir)) {
    documents.push({
      ...base,
      id: `municipality:${municipality.slug}`,
      type: 'municipality',
      title: municipality.name,
      url: `/${lang}/hulp/${municipality.slug}/`,
      snippet: text('search.municipality.snippet')
        .replace('{place}', municipality.name)
        .replace('{province}', municipality.province),
      municipality: municipality.slug,
      places: [...municipality.places, ...municipality.formerNames].join(' '),
      postcodes: municipality.postcodes.join(' '),
    });
  }

  for (const theme of themes) {
    const page = sections.find((section) => section.path === `thema/${theme.id}/` && section.anchor === '');
    documents.push({
      ...base,
      id: `theme:${theme.id}`,
      type: 'theme',
      title: theme.name[lang] ?? theme.id,
      url: `/${lang}/thema/${theme.id}/`,
      snippet: page?.description || text('search.theme.snippet'),
      theme: theme.id,
      keywords: uniqueWords(synonyms.themes[theme.id] ?? []),
      text: page ? `${page.description} ${page.text}` : '',
    });
  }

  // The services the help pages show, and those a page names in its text that people search for
  // by their own words (113): each with the synonyms file's `services` words, if any.
  const shown = facts.shownOnPages(themes.map((theme) => theme.id));
  const unknownServices = Object.keys(synonyms.services).filter(
    (id) => !facts.services.some((service) => service.id === id),
  );
  if (unknownServices.length)
    throw new Error(
      `content/search/synonyms.${lang}.json: services.${unknownServices[0]}: no service the site shows (see the facts module)`,
    );
  const searched = facts.services.filter(
    (service) => !shown.includes(service) && synonyms.services[service.id] !== undefined,
  );
  for (const service of [...shown, ...searched]) {
    // The Veilig Thuis chat is offered on every page as our own chat page, so search links there
    // too, under the name the site's own links use in this language.
    const ownChat = service.id === 'veilig-thuis-chat';
    const url = ownChat ? `/${lang}/chat/` : service.phone ? `tel:${service.phone.tel}` : service.website;
    if (!url) continue;
    const words = synonyms.services[service.id];
    documents.push({
      ...base,
      id: `organisation:${service.id}`,
      type: 'organisation',
      title: ownChat ? text('content.routes.chat') : service.name,
      url,
      snippet: service.phone
        ? service.phone.display
        : url.startsWith('/')
          ? service.name
          : new URL(url).hostname.replace(/^www\./, ''),
      text: service.topics,
      ...(words ? { keywords: uniqueWords(words), boost: TYPE_BOOSTS.theme } : {}),
    });
  }

  for (const section of sections) {
    // A theme page's opening is the theme document itself.
    if (section.kind === 'theme' && section.anchor === '') continue;
    documents.push({
      ...base,
      id: `page:${section.path}#${section.anchor}`,
      type: 'page',
      title: section.heading ? `${section.heading} – ${section.pageTitle}` : section.pageTitle,
      url: `/${lang}/${section.path}${section.anchor ? `#${section.anchor}` : ''}`,
      snippet: snippetOf(section.text || section.description),
      theme: section.themes[0],
      // Everyday words belong to the page as a whole, so its opening (the page itself) carries them,
      // and weighs as a theme document does: its words must count as much as a theme's words.
      ...(!section.anchor && pageWords.has(section.path)
        ? { keywords: pageWords.get(section.path)!, boost: TYPE_BOOSTS.theme }
        : {}),
      text: section.anchor ? section.text : `${section.description} ${section.text}`,
    });
  }

  return {
    documents,
    synonyms,
    labels: { routeTitle: text('search.route.title'), routeSnippet: text('search.route.snippet') },
  };
}
