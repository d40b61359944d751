/**
 * Translations render the key terms one way (content/glossary/<lang>.json), keep organisation
 * names in Dutch with a translation in brackets the first time, and keep the fixes of issue 12
 * item 11: "nobody may harm you" (not "can"), the Dutch term meldcode in Arabic, one phrase for
 * immediate danger in Ukrainian, the formal register on the older-people pages, and an Arabic
 * partner page that does not assume a male partner.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFiles, ROOT } from '../support/content-files';

const TRANSLATIONS = ['en', 'tr', 'ar', 'pl', 'uk'] as const;
type Lang = (typeof TRANSLATIONS)[number];

interface Glossary {
  organisations: Record<string, { name: string; gloss: string }>;
  terms: Record<string, { nl: string; use: string; pattern: string; avoid: string[] }>;
}
const glossary = Object.fromEntries(
  TRANSLATIONS.map((lang) => [
    lang,
    JSON.parse(readFileSync(join(ROOT, 'content/glossary', `${lang}.json`), 'utf8')) as Glossary,
  ]),
) as Record<Lang, Glossary>;

const files = contentFiles();
const dutch = new Map(files.filter((f) => f.lang === 'nl').map((f) => [f.key, f]));
const translated = files.filter((f) => f.lang !== 'nl') as ((typeof files)[number] & { lang: Lang })[];
const page = (lang: string, key: string) => {
  const found = files.find((f) => f.lang === lang && f.key === key);
  if (!found) throw new Error(`no page ${lang}/${key}`);
  return found;
};
const ui = (lang: string) =>
  JSON.parse(readFileSync(join(ROOT, 'content/ui', `${lang}.json`), 'utf8')) as Record<string, string>;
/** The text a reader sees of a page: body, title, description and figure labels. */
const visible = (f: (typeof files)[number]) => {
  const data = f.frontMatter as { title: string; description: string; figures?: { label: string }[] };
  return [data.title, data.description, ...(data.figures ?? []).map((x) => x.label), f.body].join('\n');
};

describe('glossary (content/glossary/<lang>.json)', () => {
  it('exists for every translation, with the required terms', () => {
    for (const lang of TRANSLATIONS) {
      expect(Object.keys(glossary[lang].terms)).toEqual(
        expect.arrayContaining(['meldcode', 'huisverbod', 'aangifte', 'opvang', 'direct-gevaar']),
      );
      expect(glossary[lang].organisations['veilig-thuis']?.name).toBe('Veilig Thuis');
    }
  });

  it('is used: where the Dutch page has a term, the translation has its glossary form', () => {
    const problems: string[] = [];
    for (const f of translated) {
      const nl = dutch.get(f.key);
      if (!nl) continue;
      for (const [id, term] of Object.entries(glossary[f.lang].terms)) {
        if (!new RegExp(term.nl, 'iu').test(nl.body)) continue;
        if (!new RegExp(term.pattern, 'iu').test(f.body)) problems.push(`${f.file}: ${id} should read "${term.use}"`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('has no known wrong form in any translated page', () => {
    const problems: string[] = [];
    for (const f of translated) {
      for (const [id, term] of Object.entries(glossary[f.lang].terms)) {
        for (const wrong of term.avoid) {
          if (new RegExp(wrong, 'iu').test(visible(f))) problems.push(`${f.file}: ${id}: "${wrong}"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('catches a wrong form (the check itself works)', () => {
    const avoid = glossary.ar.terms.meldcode!.avoid.map((w) => new RegExp(w, 'iu'));
    expect(avoid.some((re) => re.test('يجب أن تعمل بقانون الإبلاغ'))).toBe(true);
  });

  it('keeps organisation names in Dutch, with a translation in brackets the first time', () => {
    const problems: string[] = [];
    for (const f of translated) {
      for (const { name, gloss } of Object.values(glossary[f.lang].organisations)) {
        const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const first = new RegExp(`${escaped}(?:'\\p{L}+)?"?`, 'u').exec(f.body);
        if (!first) continue;
        if (!f.body.slice(first.index + first[0].length).startsWith(` (${gloss})`)) {
          problems.push(`${f.file}: first "${name}" without "(${gloss})"`);
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('translation fixes (issue 12, item 11)', () => {
  it('tr: says nobody *may* harm you, not that nobody *can*', () => {
    const text = files
      .filter((f) => f.lang === 'tr')
      .map(visible)
      .join('\n');
    expect(text).not.toMatch(/zarar veremez|korkutamaz/u);
    expect(page('tr', 'voor/zelf').body).toMatch(/zarar vermeye ya da seni korkutmaya hakkı yok/u);
  });

  it('ar: keeps the Dutch term meldcode with a short explanation, never "reporting law"', () => {
    const text =
      files
        .filter((f) => f.lang === 'ar')
        .map(visible)
        .join('\n') + JSON.stringify(ui('ar'));
    expect(text).not.toMatch(/قانون الإبلاغ/u);
    expect(page('ar', 'voor/professionals').body).toMatch(/meldcode \(ميلدكود\): خطة خطوات ملزمة/u);
  });

  it('uk: one phrase for immediate danger (безпосередня небезпека), in pages, interface and chat', () => {
    const chat = ['content/chat/system-messages.json', 'content/chat/quick-replies/uk.md']
      .map((p) => readFileSync(join(ROOT, p), 'utf8'))
      .join('\n');
    const text =
      files
        .filter((f) => f.lang === 'uk')
        .map(visible)
        .join('\n') +
      JSON.stringify(ui('uk')) +
      chat;
    expect(text).not.toMatch(/прям\S* небезпе/iu);
    expect(text).toMatch(/безпосередн\S* небезпе/iu);
  });

  const informal: Record<string, RegExp> = {
    tr: /(?<!\p{L})(sen|sana|seni|senin|sende|senden|kendin|yapabilirsin|değilsin)(?!\p{L})/iu,
    pl: /(?<!\p{L})(ty|ciebie|cię|tobie|tobą|twój|twoja|twoje|twoim|twojej|twoich|możesz|jesteś|masz)(?!\p{L})/iu,
    uk: /(?<!\p{L})(ти|тебе|тобі|тобою|твій|твоя|твоє|твої|твого|твоїй|можеш)(?!\p{L})/iu,
  };
  for (const lang of ['tr', 'pl', 'uk']) {
    for (const key of ['voor/ouderen', 'thema/ouderenmishandeling']) {
      it(`${lang}: addresses older people formally on ${key}`, () => {
        const match = informal[lang]!.exec(visible(page(lang, key)));
        expect(match?.[0] ?? null).toBeNull();
      });
    }
  }

  it('ar: the partner page names a partner of either sex (شريكك أو شريكتك)', () => {
    const text = visible(page('ar', 'thema/partnergeweld'));
    const male = [...text.matchAll(/شريكك/gu)].filter((m) => {
      const rest = text.slice(m.index);
      return !rest.startsWith('شريكك أو شريكتك') && !rest.startsWith('شريكك السابق أو شريكتك السابقة');
    });
    expect(male.map((m) => text.slice(m.index, m.index + 40))).toEqual([]);
    expect(text).toMatch(/الشريك قد يكون رجلاً أو امرأة/u);
  });
});
