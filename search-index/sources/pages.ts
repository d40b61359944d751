/**
 * Markdown pages of one language, split into sections: the text before the first heading, then
 * one section per h2/h3 with the anchor Astro gives that heading (github-slugger, as Astro uses).
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import MarkdownIt from 'markdown-it';
import GithubSlugger from 'github-slugger';
import { parse as parseYaml } from 'yaml';

export interface PageSection {
  /** Page path below the language, e.g. `sporen-wissen/`. */
  path: string;
  pageTitle: string;
  description: string;
  kind: string;
  themes: string[];
  /** Heading text; empty for the part before the first heading. */
  heading: string;
  /** Heading id without '#'; empty for the part before the first heading. */
  anchor: string;
  text: string;
}

interface FrontMatter {
  title?: unknown;
  description?: unknown;
  kind?: unknown;
  themes?: unknown;
}

const markdown = new MarkdownIt();

function markdownFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(full);
    return entry.name.endsWith('.md') ? [full] : [];
  });
}

function splitFrontMatter(file: string, source: string): { data: FrontMatter; body: string } {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(source);
  if (!match) return { data: {}, body: source };
  const data = parseYaml(match[1] ?? '') as FrontMatter | null;
  if (data !== null && typeof data !== 'object') throw new Error(`${file}: front matter is not a mapping`);
  return { data: data ?? {}, body: source.slice(match[0].length) };
}

/** Replaces the `{{tel:…}}` / `{{org:…}}` tokens of a text by plain text; throws on an unknown one. */
export type ReplaceTokens = (text: string, where: string) => string;

/**
 * All sections of all pages in content/pages/<lang>/, the home page excluded. Tokens are replaced
 * (the number or name as text) before the text is split, so no snippet shows a `{{…}}`.
 */
export function loadPageSections(contentDir: string, lang: string, replaceTokens: ReplaceTokens): PageSection[] {
  const root = join(contentDir, 'pages', lang);
  return markdownFiles(root)
    .sort()
    .flatMap((file) => {
      const slug = relative(root, file).split(sep).join('/').replace(/\.md$/, '');
      if (slug === 'index') return [];
      const { data, body } = splitFrontMatter(file, readFileSync(file, 'utf8'));
      const where = relative(join(contentDir, '..'), file);
      const page = {
        path: `${slug}/`,
        pageTitle: typeof data.title === 'string' ? replaceTokens(data.title, where) : slug,
        description: typeof data.description === 'string' ? replaceTokens(data.description, where) : '',
        kind: typeof data.kind === 'string' ? data.kind : 'page',
        themes: Array.isArray(data.themes) ? data.themes.filter((t): t is string => typeof t === 'string') : [],
      };
      return splitSections(replaceTokens(body, where)).map((section) => ({ ...page, ...section }));
    });
}

/** Plain text per heading section of a markdown body; the first one (anchor '') is the opening. */
export function splitSections(body: string): { heading: string; anchor: string; text: string }[] {
  const slugger = new GithubSlugger();
  const sections: { heading: string; anchor: string; text: string[] }[] = [{ heading: '', anchor: '', text: [] }];
  const tokens = markdown.parse(body, {});
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'heading_open') {
      const heading = plainText(tokens[i + 1]?.children ?? []);
      // Every heading takes a slug, so later duplicates get the same -1, -2 suffix as in Astro.
      const anchor = slugger.slug(heading);
      if (token.tag === 'h2' || token.tag === 'h3') sections.push({ heading, anchor, text: [] });
      else sections[sections.length - 1]!.text.push(heading);
      i += 2;
    } else if (token.type === 'inline') {
      sections[sections.length - 1]!.text.push(plainText(token.children ?? []));
    }
  }
  return (
    sections
      .map((section) => ({ heading: section.heading, anchor: section.anchor, text: section.text.join(' ').trim() }))
      // The opening is kept even when empty: it is the page itself (its title, description and words).
      .filter((section, index) => index === 0 || section.heading !== '' || section.text !== '')
  );
}

function plainText(children: { type: string; content: string }[]): string {
  return children
    .filter((child) => child.type === 'text' || child.type === 'code_inline')
    .map((child) => child.content)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}
