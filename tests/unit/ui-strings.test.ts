import { describe, expect, it } from 'vitest';
import nl from '../../content/ui/nl.json' with { type: 'json' };
import { readFileSync } from 'node:fs';
import { checkUiStrings, t } from '../../site/i18n/ui';
import { LANGS } from '../../site/i18n/locales';

describe('UI strings', () => {
  it('finds no problem in any language file as it is on disk', () => {
    // Read from disk, not through the module: the module's own check is what is under test.
    for (const lang of LANGS) {
      const onDisk: unknown = JSON.parse(readFileSync(`content/ui/${lang}.json`, 'utf8'));
      expect(checkUiStrings(lang, onDisk), lang).toEqual([]);
    }
  });

  it('reports a different placeholder', () => {
    const problems = checkUiStrings('xx', { ...nl, 'quickExit.label': `${nl['quickExit.label']} {extra}` });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/"quickExit\.label" must use the placeholders/);
  });

  it('reports a missing key by file and key', () => {
    const { ['quickExit.label']: _dropped, ...withoutKey } = nl;
    expect(checkUiStrings('xx', withoutKey)).toEqual(['content/ui/xx.json: "quickExit.label" is missing']);
  });

  it('reports an unknown key and an empty string', () => {
    const problems = checkUiStrings('xx', { ...nl, 'nav.extra': 'x', 'nav.home': ' ' });
    expect(problems.join('\n')).toMatch(/unknown key\(s\) nav\.extra/);
    expect(problems.join('\n')).toMatch(/"nav\.home"/);
  });

  it('translates the quick exit label', () => {
    expect(t('nl', 'quickExit.label')).toBe('Snel weg');
    expect(t('ar', 'quickExit.label')).not.toBe('Snel weg');
  });
});
