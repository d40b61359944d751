/** What the chat page gives the island, and the island's own shared types. */
import type { UiStrings } from '../../i18n/ui';
import type { Lang } from '../../i18n/locales';
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
}
