/** Every content page exists in all six languages under the same key (the same URL path). */
import { describe, expect, it } from 'vitest';
import { LANGS } from '../../site/i18n/locales';
import { contentFiles } from '../support/content-files';

const files = contentFiles();

describe('content languages', () => {
  it('has a folder only for known languages', () => {
    const unknown = files.filter((f) => !(LANGS as string[]).includes(f.lang)).map((f) => f.file);
    expect(unknown).toEqual([]);
  });

  it('has every page in every language', () => {
    const keys = [...new Set(files.map((f) => f.key))].sort();
    const missing = LANGS.flatMap((lang) =>
      keys
        .filter((key) => !files.some((f) => f.lang === lang && f.key === key))
        .map((key) => `content/pages/${lang}/${key}.md`),
    );
    expect(missing).toEqual([]);
  });
});
