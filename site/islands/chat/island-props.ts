/**
 * Builds the chat island's props at build time (never shipped to the browser as code): the
 * `chat.*` strings of one language, theme names in that language, municipalities by name, and
 * the two safety numbers from data.
 */
import gemeenten from '../../../content/data/gemeenten.json' with { type: 'json' };
import type { Lang } from '../../i18n/locales';
import { uiStrings } from '../../i18n/ui';
import { EMERGENCY, VEILIG_THUIS } from '../../lib/safety-numbers';
import { THEMES } from '../../lib/taxonomy';
import type { ChatKey, ChatProps, ChatStrings, Option } from './types';

/** The strings whose key starts with `prefix`, e.g. `chat.` (the console's own keys left out for the visitor). */
export function chatStrings(lang: Lang): ChatStrings {
  const all = uiStrings(lang);
  const entries = Object.entries(all).filter(([key]) => key.startsWith('chat.') && !key.startsWith('chat.console.'));
  return Object.fromEntries(entries) as Record<ChatKey, string>;
}

/** All 342 municipalities, code and official (Dutch) name, sorted as Dutch readers expect. */
export function municipalityOptions(): Option[] {
  const collator = new Intl.Collator('nl');
  return gemeenten
    .map((row) => ({ value: row.gemeentecode_gm, label: row.gemeentenaam }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

export function chatIslandProps(lang: Lang): ChatProps {
  const collator = new Intl.Collator(lang);
  return {
    lang,
    strings: chatStrings(lang),
    themes: THEMES.map((theme) => ({ value: theme.id, label: theme.name[lang] })).sort((a, b) =>
      collator.compare(a.label, b.label),
    ),
    municipalities: municipalityOptions(),
    phones: {
      emergency: { display: EMERGENCY.display, tel: EMERGENCY.tel },
      veiligThuis: { display: VEILIG_THUIS.display, tel: VEILIG_THUIS.tel },
    },
    homeHref: `/${lang}/`,
  };
}
