/**
 * What the built content pages give a reader: no framework JavaScript, the draft notice on every
 * unreviewed translation, the day the text was checked and its sources on every page, the theme's municipality lookup on every theme page, and phone numbers
 * from data as left-to-right links (also in Arabic).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentFiles, ROOT } from '../support/content-files';

const DIST = join(ROOT, 'dist');
const pages = contentFiles().map((f) => ({
  ...f,
  html: (() => {
    const path = join(DIST, f.lang, f.key, 'index.html');
    return existsSync(path) ? readFileSync(path, 'utf8') : '';
  })(),
  data: f.frontMatter as {
    translation: string;
    kind: string;
    themes?: string[];
    checked: string;
    sources: { title: string; date?: string }[];
  },
}));

describe('built content pages', () => {
  it('are all in the build (run `npm run build` first)', () => {
    expect(pages.filter((p) => p.html === '').map((p) => p.file)).toEqual([]);
  });

  it('keep the space between words and links (Astro 7 would glue them: "Veilig Thuis0800-2000")', () => {
    const text = (html: string) => html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    const problems = pages.flatMap((p) => {
      const bar = text(/<div class="safety-bar">[\s\S]*?<\/section>/.exec(p.html)?.[0] ?? '');
      return /0800-2000/.test(bar) && !/\S0800-2000|0800-2000\S/.test(bar) ? [] : [`${p.file}: ${bar}`];
    });
    expect(pages.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    const nl = pages.find((p) => p.lang === 'nl')!;
    expect(text(nl.html)).toMatch(/Veilig Thuis 0800-2000 \(gratis/);
  });

  it('ship no framework JavaScript: no island, only the quick-exit and chat-availability scripts', () => {
    const problems = pages.flatMap((p) => {
      const scripts = [...p.html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
      // ChatAvailability: "open now" beside the chat link, from the schedule (no request, no framework).
      const foreign = scripts.filter((tag) => !/src="\/_astro\/(QuickExit|ChatAvailability)[^"]*\.js"/.test(tag));
      return [
        ...(p.html.includes('<astro-island') ? [`${p.file}: has an island`] : []),
        ...foreign.map((tag) => `${p.file}: ${tag}`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('have a chat-availability script that asks no server and stores nothing', () => {
    const src = pages
      .map((p) => /src="(\/_astro\/ChatAvailability[^"]*\.js)"/.exec(p.html)?.[1])
      .find((found) => found !== undefined);
    expect(src, 'no page carries the chat-availability script').toBeDefined();
    const code = readFileSync(join(DIST, src!), 'utf8');
    expect(code).not.toMatch(/preact|socket\.io|fetch\(|XMLHttpRequest|sendBeacon|WebSocket|Storage|cookie/);
    expect(code.length).toBeLessThan(8000);
  });

  it('show the draft notice, linking the Dutch original, exactly on draft translations', () => {
    const problems = pages
      .filter((p) => p.html.includes('class="draft-notice"') !== (p.data.translation === 'draft'))
      .map((p) => `${p.file}: draft notice ${p.data.translation === 'draft' ? 'missing' : 'shown'}`);
    const unlinked = pages
      .filter((p) => p.data.translation === 'draft' && !p.html.includes(`href="/nl/${p.key}/"`))
      .map((p) => `${p.file}: no link to /nl/${p.key}/`);
    expect([...problems, ...unlinked]).toEqual([]);
  });

  it('link every theme page to the municipality lookup for its theme', () => {
    const missing = pages
      .filter((p) => p.data.kind === 'theme')
      .filter((p) => !p.html.includes(`href="/${p.lang}/hulp/?thema=${p.data.themes?.[0]}"`))
      .map((p) => p.file);
    expect(missing).toEqual([]);
  });

  it('render every phone token as a left-to-right tel: link and leave no token behind', () => {
    const problems = pages.flatMap((p) => [
      ...(p.html.includes('{{') ? [`${p.file}: token left in the page`] : []),
      ...[...p.html.matchAll(/<a\b[^>]*href="tel:[^"]*"[^>]*>/g)]
        .filter((m) => !m[0].includes('dir="ltr"'))
        .map((m) => `${p.file}: ${m[0]}`),
    ]);
    expect(problems).toEqual([]);
  });

  it('reads Arabic right to left', () => {
    const arabic = pages.filter((p) => p.lang === 'ar');
    expect(arabic.length).toBeGreaterThan(0);
    expect(arabic.filter((p) => !/<html lang="ar" dir="rtl"/.test(p.html)).map((p) => p.file)).toEqual([]);
  });

  it('show "checked on <date>" from the front matter and list every source with its date', () => {
    const escape = (t: string) => t.replace(/&/g, '&amp;').replace(/'/g, '&#39;').replace(/"/g, '&quot;');
    const problems = pages.flatMap((p) => {
      const section = /<section class="page-sources[\s\S]*?<\/section>/.exec(p.html)?.[0];
      if (!section) return [`${p.file}: no sources section`];
      return [
        ...(section.includes(`datetime="${p.data.checked}"`) ? [] : [`${p.file}: no checked date ${p.data.checked}`]),
        ...p.data.sources
          .filter((s) => !section.includes(escape(s.title)) || (s.date && !section.includes(s.date)))
          .map((s) => `${p.file}: source "${s.title}" or its date missing`),
      ];
    });
    expect(problems).toEqual([]);
  });
});
