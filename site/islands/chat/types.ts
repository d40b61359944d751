/** What the chat page gives the island, and the island's own shared types. */
import type { UiStrings } from '../../i18n/ui';
import type { Lang } from '../../i18n/locales';
import type { Hours } from '../../../content/facts/open-at';
import type { PhoneNumber } from './Phone';

/** The `chat.*` UI strings (the page passes only these, not the whole site's strings). */
export type ChatKey = Extract<keyof UiStrings, `chat.${string}`>;
export type ChatStrings = Record<ChatKey, string>;

export interface Option {
  value: string;
  label: string;
}

export interface ChatProps {
  lang: Lang;
  strings: ChatStrings;
  themes: Option[];
  municipalities: Option[];
  phones: { emergency: PhoneNumber; veiligThuis: PhoneNumber };
  /** The site's home in this language, for "keep reading in a new tab". */
  homeHref: string;
  /** Other written or phone help for when the chat is closed (from content/facts, at build time). */
  alternatives: Alternative[];
  /**
   * Issue 14: the chat's weekly hours as text in this language (content/chat/opening-hours.json,
   * at build time): the default, whose hours the default are, and each region's own (by VTxx).
   */
  chatHours: { default: string | null; sourceRegion: string | null; regions: Record<string, string | null> };
}

/** A service the closed chat page offers, with only what the help facts say. */
export interface Alternative {
  id: string;
  name: string;
  phone: PhoneNumber | null;
  website: string | null;
  chat: boolean;
  /** Structured hours from the facts; null when the source gives no verified hours. */
  hours: Hours | null;
  /** `hours` as text in the page's language ("dag en nacht", "ma–zo 09:00–18:00"). */
  hoursText: string | null;
  /** The audience name when the service is for one group only (e.g. "Jongeren"). */
  audience: string | null;
}
