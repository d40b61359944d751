/** Builds the console island's props at build time: Dutch strings, themes, municipalities with their Veilig Thuis region. */
import gemeenten from '../../../content/data/gemeenten.json' with { type: 'json' };
import regions from '../../../content/data/gemeente-veiligthuisregio.json' with { type: 'json' };
import { LANGS, LOCALES } from '../../i18n/locales';
import { uiStrings } from '../../i18n/ui';
import { EMERGENCY } from '../../lib/safety-numbers';
import { THEMES } from '../../lib/taxonomy';
import type { ConsoleKey, ConsoleProps, ConsoleStrings, MunicipalityInfo } from './types';

export function consoleIslandProps(): ConsoleProps {
  const all = uiStrings('nl');
  const strings = Object.fromEntries(Object.entries(all).filter(([key]) => key.startsWith('chat.console.'))) as Record<
    ConsoleKey,
    string
  > as ConsoleStrings;
  const regionOf = new Map(regions.map((row) => [row.gemeentecode_gm, row.veiligthuisregionaam]));
  const municipalities: Record<string, MunicipalityInfo> = {};
  for (const row of gemeenten) {
    const region = regionOf.get(row.gemeentecode_gm);
    if (!region) throw new Error(`content/data/gemeente-veiligthuisregio.json: no region for ${row.gemeentecode_gm}`);
    municipalities[row.gemeentecode_gm] = { name: row.gemeentenaam, veiligThuisRegion: region };
  }
  return {
    strings,
    themes: Object.fromEntries(THEMES.map((theme) => [theme.id, theme.name.nl])),
    municipalities,
    languages: Object.fromEntries(LANGS.map((lang) => [lang, LOCALES[lang].label])),
    helpHref: '/nl/hulp/',
    emergency: {
      display: EMERGENCY.display,
      tel: EMERGENCY.tel,
      source: EMERGENCY.source,
    },
  };
}
