import { describe, expect, it } from 'vitest';
import nl from '../../content/ui/nl.json' with { type: 'json' };
import { checkUiStrings, t, uiStrings } from '../../site/i18n/ui';
import { LANGS } from '../../site/i18n/locales';

describe('UI strings', () => {
  it('has every Dutch key in every language', () => {
    for (const lang of LANGS) expect(Object.keys(uiStrings(lang)).sort()).toEqual(Object.keys(nl).sort());
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
