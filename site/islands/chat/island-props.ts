/**
 * Builds the chat island's props at build time (never shipped to the browser as code): the
 * `chat.*` strings of one language, theme names in that language, municipalities by name, and
 * the two safety numbers from data.
 */
import gemeenten from '../../../content/data/gemeenten.json' with { type: 'json' };
import type { Lang } from '../../i18n/locales';
import { uiStrings } from '../../i18n/ui';
import { FACTS, type Organisation } from '../../../content/facts';
import { t } from '../../i18n/ui';
import { formatHours } from '../../lib/help/format-hours';
import { chatHoursByRegion } from '../../lib/chat-hours';
import { EMERGENCY, VEILIG_THUIS } from '../../lib/safety-numbers';
import { AUDIENCES, THEMES } from '../../lib/taxonomy';
import type { Alternative, ChatKey, ChatProps, ChatStrings, Option } from './types';

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

/** The themes of this chat (violence at home) for which another service is offered when it is closed. */
const CLOSED_CHAT_THEMES = ['partnergeweld', 'kindermishandeling', 'seksueel-geweld'];
/** A line to report a crime anonymously: not someone to talk or write to. */
const NOT_A_CONVERSATION = new Set(['meld-misdaad-anoniem']);
/** Audiences that are an age group, named when a service is for that group only. */
const AGE_GROUPS = ['jongeren', 'ouderen'];

/**
 * Shown services (the one rule of content/facts) that are national helplines or chats for the
 * chat's own themes: what a visitor can turn to while the chat is closed. 112 and Veilig Thuis
 * are shown separately. Only the facts' own hours are given; none are guessed.
 */
export function closedChatAlternatives(lang: Lang): Alternative[] {
  const ageGroup = (service: Organisation) => {
    const [only, ...more] = service.audiences;
    if (!only || more.length > 0 || !AGE_GROUPS.includes(only)) return null;
    return AUDIENCES.find((audience) => audience.id === only)?.name[lang] ?? null;
  };
  return FACTS.services
    .filter(
      (service) =>
        (service.kind === 'helpline' || service.kind === 'chat') &&
        !NOT_A_CONVERSATION.has(service.id) &&
        'national' in service.area &&
        (service.phone !== null || (service.chat && service.website !== null)) &&
        service.themes.some((theme) => CLOSED_CHAT_THEMES.includes(theme)),
    )
    .map((service) => ({
      id: service.id,
      name: service.name,
      phone: service.phone ? { display: service.phone.display, tel: service.phone.tel } : null,
      website: service.website,
      chat: service.chat,
      hours: service.hours,
      hoursText: service.hours ? formatHours(lang, service.hours, t(lang, 'help.hours.always')) : null,
      audience: ageGroup(service),
    }));
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
    alternatives: closedChatAlternatives(lang),
    chatHours: chatHoursByRegion(lang, t(lang, 'help.hours.always')),
  };
}
