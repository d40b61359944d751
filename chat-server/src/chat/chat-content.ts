/**
 * Texts the chat server sends or serves, read from content/ (editors change them there, not in
 * code): system messages per language, operators' quick replies per language (markdown rendered
 * with html off and linkify on), and the help route beside a conversation.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { z } from 'zod';
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

/** Splits a quick-replies file into replies: each `## title` starts one. */
export function parseQuickReplies(lang: string, source: string, md = markdown()): QuickReply[] {
  const body = source.replace(/<!--[\s\S]*?-->/g, '');
  const sections = body.split(/^## +/m).slice(1);
  return sections.map((section, i) => {
    const newline = section.indexOf('\n');
    const title = (newline === -1 ? section : section.slice(0, newline)).trim();
    const text = (newline === -1 ? '' : section.slice(newline + 1)).trim();
    if (!title || !text) throw new Error(`quick-replies/${lang}.md: reply ${i + 1} needs a "## title" and a text`);
    return { id: `${lang}-${i + 1}`, title, text, html: md.render(text) };
  });
}

interface Helpline {
  id: string;
  name: string;
  phone: string;
}
interface Organisation {
  id: string;
  name: string;
  website: string;
}

export function loadChatContent(options: { contentDir: string; regions: Regions }): ChatContent {
  const chatDir = join(options.contentDir, 'chat');
  const messagesPath = join(chatDir, 'system-messages.json');
  const parsed = messagesSchema.safeParse(JSON.parse(readFileSync(messagesPath, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`${messagesPath}: invalid system messages\n${lines.join('\n')}`);
  }
  const messages = parsed.data;
  const md = markdown();
  const replies = Object.fromEntries(
    LANG_CODES.map((lang) => [
      lang,
      parseQuickReplies(lang, readFileSync(join(chatDir, 'quick-replies', `${lang}.md`), 'utf8'), md),
    ]),
  ) as Record<Lang, QuickReply[]>;

  const helplines = JSON.parse(readFileSync(join(options.contentDir, 'data', 'helplines.json'), 'utf8')) as Helpline[];
  const phones = ['alarmnummer-112', 'veilig-thuis']
    .map((id) => helplines.find((h) => h.id === id))
    .filter((h): h is Helpline => h !== undefined)
    .map(({ id, name, phone }) => ({ id, name, phone }));
  const organisations = JSON.parse(
    readFileSync(join(options.contentDir, 'data', 'veilig-thuis-organisaties.json'), 'utf8'),
  ) as Organisation[];

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
      const organisation = organisations.find((o) => o.id === m.region);
      return {
        municipality: { code: m.code, name: m.name },
        veiligThuis: {
          region: m.region,
          name: organisation?.name ?? `Veilig Thuis ${m.regionName}`,
          website: organisation?.website || null,
        },
        phones,
      };
    },
  };
}
