/**
 * Every built page, read as HTML (no browser): what the markdown or data of one page can break,
 * checked on all of them. The browser crawl (tests/e2e/page-crawl.e2e.ts) runs axe and watches the
 * network on every template in every language plus a fixed sample; the many pages that only fill a
 * template with other text are checked here, in seconds:
 * - privacy: nothing is loaded from another origin (scripts, styles, images, frames, fonts, forms);
 * - safety: the quick exit and 112 / 0800-2000 are on every page;
 * - structure axe would flag in page text: a lang and a title, one h1, no skipped heading level
 *   inside the text, every link and image named, no duplicate id.
 */
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, type HTMLElement } from 'node-html-parser';
import { DIST, htmlFiles } from '../support/dist-files';

/** Elements that make the browser fetch something, and the attribute that names it. */
const LOADING = [
  ['script[src]', 'src'],
  ['img[src]', 'src'],
  ['img[srcset]', 'srcset'],
  ['source[src]', 'src'],
  ['source[srcset]', 'srcset'],
  ['iframe[src]', 'src'],
  ['video[src]', 'src'],
  ['audio[src]', 'src'],
  ['embed[src]', 'src'],
  ['object[data]', 'data'],
  ['form[action]', 'action'],
] as const;
/** `<link rel>` values that fetch or connect (alternate/canonical are only names). */
const FETCHING_LINK = /\b(stylesheet|preload|modulepreload|prefetch|preconnect|dns-prefetch|icon|manifest)\b/;
const OFF_ORIGIN = /^(?:[a-z][a-z0-9+.-]*:)?\/\//i;

/** Problems of one page; empty when it is fine. */
export function pageProblems(html: string): string[] {
  const problems: string[] = [];
  const root = parse(html, { comment: false });
  const text = (el: HTMLElement) => el.textContent.replace(/\s+/g, ' ').trim();

  // Privacy: nothing fetched from another origin.
  for (const [selector, attribute] of LOADING) {
    for (const el of root.querySelectorAll(selector)) {
      const value = el.getAttribute(attribute) ?? '';
      if (value.split(',').some((part) => OFF_ORIGIN.test(part.trim())))
        problems.push(`loads from another origin: <${el.tagName.toLowerCase()} ${attribute}="${value}">`);
    }
  }
  for (const link of root.querySelectorAll('link[href]')) {
    if (FETCHING_LINK.test(link.getAttribute('rel') ?? '') && OFF_ORIGIN.test(link.getAttribute('href')!))
      problems.push(
        `loads from another origin: <link rel="${link.getAttribute('rel')}" href="${link.getAttribute('href')}">`,
      );
  }
  if (/url\(\s*['"]?(?:https?:)?\/\//i.test(html)) problems.push('CSS url() to another origin');
  if (root.querySelector('meta[http-equiv="refresh" i]')) problems.push('meta refresh');

  // Safety: quick exit and the two numbers.
  if (!root.querySelector('[data-quick-exit]')) problems.push('no quick exit');
  const tels = root.querySelectorAll('a[href^="tel:"]').map((a) => a.getAttribute('href'));
  if (!tels.includes('tel:112')) problems.push('no tel:112');
  if (!tels.includes('tel:08002000')) problems.push('no tel:08002000 (Veilig Thuis)');

  // Structure.
  const htmlEl = root.querySelector('html');
  if (!htmlEl?.getAttribute('lang')) problems.push('no lang on <html>');
  if (!text(root.querySelector('title') ?? parse(''))) problems.push('empty <title>');
  const h1s = root.querySelectorAll('h1');
  if (h1s.length !== 1) problems.push(`${h1s.length} h1 elements`);
  const main = root.querySelector('main');
  if (!main) problems.push('no <main>');
  let previous = 1;
  for (const heading of main?.querySelectorAll('h1, h2, h3, h4, h5, h6') ?? []) {
    const level = Number(heading.tagName[1]);
    if (level > previous + 1) problems.push(`heading skips from h${previous} to h${level}: "${text(heading)}"`);
    previous = level;
  }
  for (const a of root.querySelectorAll('a[href]')) {
    const named =
      text(a) || a.getAttribute('aria-label') || a.querySelector('img[alt]:not([alt=""])')?.getAttribute('alt');
    if (!named) problems.push(`link without a name: ${a.getAttribute('href')}`);
  }
  for (const img of root.querySelectorAll('img')) {
    if (img.getAttribute('alt') === undefined && img.getAttribute('role') !== 'presentation')
      problems.push(`image without alt: ${img.getAttribute('src')}`);
  }
  const ids = root.querySelectorAll('[id]').map((el) => el.id);
  const duplicates = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
  if (duplicates.length) problems.push(`duplicate id: ${duplicates.join(', ')}`);
  return problems;
}

describe('every built page (HTML, no browser)', () => {
  it('finds the build (run `npm run build` first)', () => {
    expect(htmlFiles(DIST).length).toBeGreaterThan(2000);
  });

  it('loads nothing from another origin, carries the quick exit and 112 / 0800-2000, and has a sound structure', () => {
    const found: string[] = [];
    for (const file of htmlFiles(DIST)) {
      // The operators' console is not a visitor page (no quick exit by design, issue 14).
      if (file.includes(`${join(DIST, 'medewerkers')}`)) continue;
      for (const problem of pageProblems(readFileSync(file, 'utf8'))) found.push(`${relative(DIST, file)}: ${problem}`);
    }
    expect(found).toEqual([]);
  }, 120_000); // ~2,300 files: a few seconds alone, much longer on a loaded two-core machine
});

describe('the page check itself', () => {
  const page = (body: string, head = '') =>
    `<!DOCTYPE html><html lang="nl"><head><title>t</title>${head}</head><body>` +
    '<a data-quick-exit href="https://www.buienradar.nl/">Snel weg</a>' +
    '<a href="tel:112">112</a><a href="tel:08002000">0800-2000</a>' +
    `<main><h1>Kop</h1>${body}</main></body></html>`;

  it('passes a sound page (links to other sites are navigation, not loading)', () => {
    expect(pageProblems(page('<h2>a</h2><p><a href="https://example.org/">ergens</a></p>'))).toEqual([]);
  });

  it('finds what it is there for', () => {
    expect(pageProblems(page('<script src="https://cdn.example/x.js"></script>'))[0]).toMatch(/another origin/);
    expect(pageProblems(page('', '<link rel="stylesheet" href="//fonts.example/f.css">'))[0]).toMatch(/another origin/);
    expect(pageProblems(page('<img src="/a.png">'))).toEqual(['image without alt: /a.png']);
    expect(pageProblems(page('<h2>a</h2><h4>b</h4>'))).toEqual(['heading skips from h2 to h4: "b"']);
    expect(pageProblems(page('<a href="/nl/"></a>'))).toEqual(['link without a name: /nl/']);
    expect(pageProblems(page('<p id="x"></p><p id="x"></p>'))).toEqual(['duplicate id: x']);
    expect(pageProblems(page('<h1>twee</h1>'))).toEqual(['2 h1 elements']);
    expect(pageProblems(page('').replace('<a href="tel:112">112</a>', ''))).toEqual(['no tel:112']);
    expect(pageProblems(page('').replace('data-quick-exit', ''))).toEqual(['no quick exit']);
  });
});
