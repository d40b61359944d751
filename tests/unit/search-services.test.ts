/**
 * Issue 18: "chat" in any language leads to our chat page, and words about ending one's life find
 * 113 (a service pages name in their text), in the index the browser gets; a services key that is
 * no service of the site stops the build.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildIndexJson } from '../../search-index/build-index';
import { buildDocuments } from '../../search-index/documents';
import { EmbeddedSearchEngine } from '../../search-index/embedded-engine';
import { ROOT } from '../support/content-files';

const engines = new Map<string, EmbeddedSearchEngine>();
const top = (lang: string, query: string, limit = 3) => {
  if (!engines.has(lang)) engines.set(lang, EmbeddedSearchEngine.fromJson(buildIndexJson(lang)));
  return engines
    .get(lang)!
    .searchNow(query, { limit })
    .map((r) => r.url);
};

describe('services people search for by their own words', () => {
  it.each([
    ['nl', 'chat'],
    ['nl', 'chatten'],
    ['en', 'chat'],
    ['tr', 'sohbet'],
    ['ar', 'دردشة'],
    ['pl', 'czat'],
    ['uk', 'чат'],
  ])(
    '%s: "%s" leads to the chat page first',
    (lang, query) => {
      expect(top(lang, query)[0]).toBe(`/${lang}/chat/`);
    },
    60_000,
  );

  it.each([
    ['nl', 'ik wil niet meer leven'],
    ['nl', 'zelfdoding'],
    ['en', 'suicide'],
    ['ar', 'انتحار'],
    ['uk', 'не хочу жити'],
  ])(
    '%s: "%s" finds 113 among the first three',
    (lang, query) => {
      expect(top(lang, query)).toContain('tel:113');
    },
    60_000,
  );

  const dir = mkdtempSync(join(tmpdir(), 'ghnt-synonyms-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it('stops on a services key that is no service of the site', () => {
    cpSync(join(ROOT, 'content'), join(dir, 'content'), { recursive: true });
    const file = join(dir, 'content/search/synonyms.nl.json');
    const synonyms = JSON.parse(readFileSync(file, 'utf8')) as { services: Record<string, string[]> };
    synonyms.services['bestaat-niet'] = ['x'];
    writeFileSync(file, JSON.stringify(synonyms));
    expect(() => buildDocuments(join(dir, 'content'), 'nl')).toThrow(/synonyms\.nl\.json: services\.bestaat-niet/);
  });
});
