/**
 * Texts the chat server sends or serves, read from content/ (editors change them there, not in
 * code): system messages per language, operators' quick replies per language (markdown rendered
 * with html off and linkify on), and the help route beside a conversation. Numbers and names of
 * help come from the help facts module (content/facts/): texts write `{{tel:veilig-thuis}}`, and
 * the number is put in when the content loads (an unknown token stops the server with the file
 * and key named); the help route names only what the site shows.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { z } from 'zod';
import { loadFacts, type TokenResolver } from '../../../content/facts';
import { LANG_CODES, type HelpRoute, type Lang, type QuickReply } from '../protocol';
import type { Regions } from './regions';

export const SYSTEM_MESSAGE_KEYS = ['privacy', 'danger', 'professional'] as const;
export type SystemMessageKey = (typeof SYSTEM_MESSAGE_KEYS)[number];

export interface ChatContent {
  systemMessage(lang: Lang, key: SystemMessageKey): string;
  /** Whether a theme id exists in content/taxonomy/themes.json. */
  isKnownTheme(id: string): boolean;
  quickReplies(lang: Lang): QuickReply[];
  helpRoute(municipality: string): HelpRoute | undefined;
}

const messagesSchema = z.object(
  Object.fromEntries(
    LANG_CODES.map((lang) => [
      lang,
      z.object(Object.fromEntries(SYSTEM_MESSAGE_KEYS.map((k) => [k, z.string().min(1)]))),
    ]),
  ) as Record<Lang, z.ZodObject<Record<SystemMessageKey, z.ZodString>>>,
);

function markdown() {
  const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
  const defaultLinkOpen =
    md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx]!.attrSet('rel', 'noopener noreferrer');
    return defaultLinkOpen(tokens, idx, options, env, self);
  };
  return md;
}

/**
 * Splits a quick-replies file into replies: each `## title` starts one. With `tokens`, every
 * `{{tel:…}}` / `{{org:…}}` is replaced by the number or name (an unknown one throws).
 */
export function parseQuickReplies(
  lang: string,
  source: string,
  md = markdown(),
  tokens?: Pick<TokenResolver, 'replace'>,
): QuickReply[] {
  const body = source.replace(/<!--[\s\S]*?-->/g, '');
  const sections = body.split(/^## +/m).slice(1);
  return sections.map((section, i) => {
    const newline = section.indexOf('\n');
    const where = `content/chat/quick-replies/${lang}.md: reply ${i + 1}`;
    const rawTitle = (newline === -1 ? section : section.slice(0, newline)).trim();
    const rawText = (newline === -1 ? '' : section.slice(newline + 1)).trim();
    const title = tokens ? tokens.replace(rawTitle, where) : rawTitle;
    const text = tokens ? tokens.replace(rawText, where) : rawText;
    if (!title || !text) throw new Error(`quick-replies/${lang}.md: reply ${i + 1} needs a "## title" and a text`);
    return { id: `${lang}-${i + 1}`, title, text, html: md.render(text) };
  });
}

export function loadChatContent(options: { contentDir: string; regions: Regions }): ChatContent {
  const chatDir = join(options.contentDir, 'chat');
  const messagesPath = join(chatDir, 'system-messages.json');
  const parsed = messagesSchema.safeParse(JSON.parse(readFileSync(messagesPath, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${messagesPath}: invalid system messages\n${lines.join('\n')}`);
  }
  const facts = loadFacts(options.contentDir);
  const messages = Object.fromEntries(
    LANG_CODES.map((lang) => [
      lang,
      Object.fromEntries(
        SYSTEM_MESSAGE_KEYS.map((key) => [
          key,
          facts.tokens.replace(parsed.data[lang][key], `content/chat/system-messages.json: ${lang}.${key}`),
        ]),
      ),
    ]),
  ) as Record<Lang, Record<SystemMessageKey, string>>;
  const md = markdown();
  const replies = Object.fromEntries(
    LANG_CODES.map((lang) => [
      lang,
      parseQuickReplies(lang, readFileSync(join(chatDir, 'quick-replies', `${lang}.md`), 'utf8'), md, facts.tokens),
    ]),
  ) as Record<Lang, QuickReply[]>;

  const phones = ['alarmnummer-112', 'veilig-thuis'].map((id) => {
    const phone = facts.phone(id);
    return { id, name: phone.name, phone: phone.display };
  });

  const themes = new Set(
    (JSON.parse(readFileSync(join(options.contentDir, 'taxonomy', 'themes.json'), 'utf8')) as { id: string }[]).map(
      (theme) => theme.id,
    ),
  );

  return {
    systemMessage: (lang, key) => messages[lang][key],
    isKnownTheme: (id) => themes.has(id),
    quickReplies: (lang) => replies[lang].map((r) => ({ ...r })),
    helpRoute(code) {
      const m = options.regions.forMunicipality(code);
      if (!m) return undefined;
      // Only a verified organisation is named (the same rule as the site); else the CBS region name.
      const organisation = facts.veiligThuisOrganisation(m.region);
      return {
        municipality: { code: m.code, name: m.name },
        veiligThuis: {
          region: m.region,
          name: organisation?.name ?? `Veilig Thuis ${m.regionName}`,
          // As the console shows it: "veiligthuisutrecht.nl" (it links with https://).
          website: organisation?.website?.replace(/^https:\/\//, '').replace(/\/$/, '') ?? null,
        },
        phones,
      };
    },
  };
}
