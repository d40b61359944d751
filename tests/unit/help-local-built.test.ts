/**
 * Reads the built site (run `npx astro build` first): every municipality page links the
 * municipality's own website with the date of its source (or, without a row, says to ask the
 * municipality); the Zaanstad, Amsterdam and a Gelderland-Zuid page carry their local facts in
 * all six languages; no municipality page says "we have no data" about the local team any more.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACTS, MUNICIPALITIES, municipalityBySlug } from '../../content/facts';
import { LANGS } from '../../site/i18n/locales';
import { ROOT } from '../support/content-files';

const DIST = join(ROOT, 'dist');
const page = (lang: string, slug: string) => {
  const path = join(DIST, lang, 'hulp', slug, 'index.html');
  if (!existsSync(path)) throw new Error(`No ${path}: run \`npx astro build\` first`);
  return readFileSync(path, 'utf8');
};

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
/** The text of some html: tags dropped, entities decoded, white space collapsed. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, entity: string) =>
      entity.startsWith('#x')
        ? String.fromCodePoint(parseInt(entity.slice(2), 16))
        : entity.startsWith('#')
          ? String.fromCodePoint(Number(entity.slice(1)))
          : (ENTITIES[entity] ?? whole),
    )
    .replace(/\s+/g, ' ')
    .trim();
}

/** The element with `data-local-fact="<id>"` (an <li>), or null. */
function localFact(html: string, id: string): string | null {
  return new RegExp(`<li[^>]*data-local-fact="${id}"[^>]*>([\\s\\S]*?)</li>`).exec(html)?.[1] ?? null;
}

describe('municipality pages in dist: the municipality itself', () => {
  it('every one of the 342 pages links its own website, with the source and its date', () => {
    expect(MUNICIPALITIES).toHaveLength(342);
    const missing: string[] = [];
    for (const m of MUNICIPALITIES) {
      const html = page('nl', m.slug);
      const block = /<p[^>]*data-municipality-website[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '';
      const website = m.website!;
      if (
        !block.includes(`href="${website.url}"`) ||
        !block.includes(`href="${website.source}"`) ||
        !textOf(block).includes(`bron: ${website.sourceName}, ${website.sourceDate}`)
      )
        missing.push(m.slug);
    }
    expect(missing).toEqual([]);
  });

  it('the website link is there in every language (Zaanstad, Amsterdam, Nijmegen)', () => {
    for (const lang of LANGS)
      for (const slug of ['zaanstad', 'amsterdam', 'nijmegen']) {
        const html = page(lang, slug);
        expect(html, `${lang}/${slug}`).toContain(`href="${municipalityBySlug(slug)!.website!.url}"`);
        expect(html, `${lang}/${slug}`).toContain('data-municipality-website');
      }
  });

  it('say what to ask the municipality, never only "we have no data"', () => {
    for (const lang of LANGS)
      for (const slug of ['zaanstad', 'elburg', 'vaals']) {
        const html = page(lang, slug);
        expect(html, `${lang}/${slug}`).toContain('id="in-je-gemeente"');
        expect(html, `${lang}/${slug}`).toMatch(/<ul class="local-block__ask[^"]*"[^>]*>\s*<li>[^<]+<\/li>\s*<li>/);
      }
    expect(page('nl', 'zaanstad')).not.toContain('nog geen gecontroleerde gegevens');
    expect(textOf(page('nl', 'zaanstad'))).toContain('het wijkteam of sociaal team');
  });

  it('Zaanstad, Amsterdam and Nijmegen carry their local facts in all six languages, with seed lines', () => {
    const expected: Record<string, string[]> = {
      zaanstad: ['zaanstad-ik-zit-klem'],
      amsterdam: ['amsterdam-wijkteams', 'amsterdam-blijf-groep'],
      nijmegen: ['moviera'],
      maasdriel: ['moviera-aware'],
    };
    for (const [slug, ids] of Object.entries(expected))
      for (const lang of LANGS) {
        const html = page(lang, slug);
        for (const id of ids) {
          const fact = FACTS.localFacts.find((candidate) => candidate.id === id)!;
          const item = localFact(html, id);
          expect(item, `${lang}/${slug}: ${id}`).not.toBeNull();
          expect(textOf(item!), `${lang}/${slug}: ${id}`).toContain(fact.text[lang]);
          expect(textOf(item!), `${lang}/${slug}: ${id}`).toContain(fact.source);
          if (fact.link) expect(item!, `${lang}/${slug}: ${id}`).toContain(`href="/${lang}${fact.link.path}"`);
        }
      }
    // Only where the seed says so: not on Amstelveen (same region as Amsterdam) nor Purmerend.
    expect(page('nl', 'amstelveen')).not.toContain('data-local-fact');
    expect(page('nl', 'purmerend')).not.toContain('data-local-fact');
  });
});
