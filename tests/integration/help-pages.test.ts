/**
 * Reads the built site (run `npx astro build` first): every municipality page in every language
 * shows 112, 0800-2000 and its Veilig Thuis region; Gelderland-Zuid pages name Veilig Thuis
 * Gelderland-Zuid; every phone link anywhere in dist is a number from the data; the help pages
 * ship no JavaScript beyond the quick exit and the chat's "open now" line (and, on the lookup
 * page, the lookup island).
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import helplines from '../../content/data/helplines.json' with { type: 'json' };
import { LANGS } from '../../site/i18n/locales';
import { MUNICIPALITIES } from '../../content/facts/municipalities';
import { GELDERLAND_ZUID } from '../../site/lib/help/gelderland-zuid';
import { parseDutchPhone, phoneCandidates } from '../../site/lib/help/phone';
import { THEME_IDS } from '../../site/lib/taxonomy';

const DIST = join(import.meta.dirname, '../../dist');
if (!existsSync(join(DIST, 'nl/hulp/index.html'))) throw new Error('No dist/nl/hulp/: run `npx astro build` first');
const read = (path: string) => readFileSync(join(DIST, path), 'utf8');

function* htmlFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* htmlFiles(path);
    else if (entry.name.endsWith('.html')) yield path;
  }
}

/** `tel:` targets of every number in a verified row with a source: the only numbers the site may show. */
const numbersFromData = new Set(
  helplines
    .filter((row) => row.confidence === 'verified' && row.source_url.trim() !== '')
    .flatMap((row) => phoneCandidates(row.phone))
    .flatMap((candidate) => {
      const phone = parseDutchPhone(candidate);
      return phone ? [phone.tel, candidate.replace(/[^0-9+]/g, '')] : [];
    }),
);

const scriptsOf = (html: string) => [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);

describe('municipality pages in dist', () => {
  it('exist for all 342 municipalities in all six languages and show 112, 0800-2000 and the region', () => {
    let pages = 0;
    for (const lang of LANGS) {
      for (const m of MUNICIPALITIES) {
        const html = read(`${lang}/hulp/${m.slug}/index.html`);
        expect(html.includes('href="tel:112"'), `${lang}/${m.slug}`).toBe(true);
        expect(/href="tel:08002000"[^>]*><bdi>0800-2000<\/bdi>/.test(html), `${lang}/${m.slug}`).toBe(true);
        expect(html.includes(`data-vt-region="${m.veiligThuisRegion.code}"`), `${lang}/${m.slug}`).toBe(true);
        expect(html.includes(`<bdi>${m.veiligThuisRegion.name}</bdi>`), `${lang}/${m.slug}`).toBe(true);
        for (const theme of THEME_IDS) expect(html.includes(`id="thema-${theme}"`)).toBe(true);
        pages++;
      }
    }
    expect(pages).toBe(342 * 6);
  });

  it('name Veilig Thuis Gelderland-Zuid on the pages of its 15 municipalities', () => {
    for (const name of GELDERLAND_ZUID.members.municipalities) {
      const m = MUNICIPALITIES.find((candidate) => candidate.name === name)!;
      for (const lang of LANGS) {
        const html = read(`${lang}/hulp/${m.slug}/index.html`);
        expect(html.includes('<bdi>Veilig Thuis Gelderland-Zuid</bdi>'), `${lang}/${m.slug}`).toBe(true);
        expect(html.includes('href="https://veiligthuisgelderlandzuid.nl/"')).toBe(true);
      }
    }
  });

  it('name no organisation and no website where the region is unverified (Zaanstad)', () => {
    const html = read('nl/hulp/zaanstad/index.html');
    expect(html.includes('data-vt-unverified')).toBe(true);
    expect(html.includes('data-vt-organisation')).toBe(false);
    expect(html.includes('veiligthuiszw.nl')).toBe(false);
  });

  it('link every fact to its source on the same page, and every in-page link to an existing id', () => {
    for (const lang of LANGS) {
      for (const slug of ['zaanstad', 'breda', 'mook-en-middelaar']) {
        const html = read(`${lang}/hulp/${slug}/index.html`);
        const ids = new Set([...html.matchAll(/\bid="([^"]+)"/g)].map((m) => m[1]!));
        const targets = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
        expect(targets.filter((id) => id.startsWith('bron-')).length).toBeGreaterThan(10);
        expect(targets.filter((id) => !ids.has(id))).toEqual([]);
      }
    }
  });

  it('ship no JavaScript beyond the quick exit and the chat-availability line', () => {
    for (const lang of LANGS) {
      for (const slug of ['zaanstad', 's-gravenhage', 'nijmegen']) {
        const html = read(`${lang}/hulp/${slug}/index.html`);
        // ChatAvailability: "open now" beside the chat link, from the schedule; no request, no
        // framework (its own checks are in tests/unit/content-build.test.ts).
        const allowed = /\/_astro\/(QuickExit|ChatAvailability)[^/]*\.js$/;
        expect(scriptsOf(html).filter((src) => !allowed.test(src))).toEqual([]);
        expect(html.includes('<astro-island')).toBe(false);
      }
    }
  });
});

describe('the lookup page in dist', () => {
  it('ships only the lookup island and embeds its data, under 60 KB gzipped', () => {
    for (const lang of LANGS) {
      const html = read(`${lang}/hulp/index.html`);
      const islands = [...html.matchAll(/<astro-island[^>]*component-url="([^"]+)"/g)].map((m) => m[1]!);
      expect(islands).toHaveLength(1);
      expect(islands[0]).toMatch(/MunicipalityLookup/);
      const data = /<script type="application\/json" id="municipality-index">([\s\S]*?)<\/script>/.exec(html)?.[1];
      expect(data).toBeDefined();
      expect(gzipSync(data!, { level: 9 }).length).toBeLessThan(60 * 1024);
      // The province list works without JavaScript: a link to every municipality.
      expect(html.match(/data-municipality-link/g)).toHaveLength(342);
    }
  });
});

describe('phone numbers anywhere in dist', () => {
  it('all come from a verified row with a source', () => {
    const unknown = new Set<string>();
    let links = 0;
    for (const file of htmlFiles(DIST)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/href="tel:([^"]+)"/g)) {
        links++;
        if (!numbersFromData.has(match[1]!)) unknown.add(`${match[1]} in ${file.slice(DIST.length)}`);
      }
    }
    expect(links).toBeGreaterThan(342 * 6 * 3);
    expect([...unknown]).toEqual([]);
  });
});
