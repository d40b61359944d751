/** What the console page gives the island. */
import type { UiStrings } from '../../i18n/ui';

export type ConsoleKey = Extract<keyof UiStrings, `chat.console.${string}`>;
export type ConsoleStrings = Record<ConsoleKey, string>;

/** Facts about one municipality the console shows beside a conversation (from content/data). */
export interface MunicipalityInfo {
  name: string;
  /** The Veilig Thuis region's name, e.g. "Zaanstreek-Waterland". */
  veiligThuisRegion: string;
}

export interface ConsoleProps {
  strings: ConsoleStrings;
  /** Theme id → Dutch name. */
  themes: Record<string, string>;
  /** GMxxxx → name and Veilig Thuis region. */
  municipalities: Record<string, MunicipalityInfo>;
  /** Language code → its own name (Nederlands, العربية, …). */
  languages: Record<string, string>;
  /** Where the public help pages start, e.g. /nl/hulp/. */
  helpHref: string;
  /** The emergency number from the help facts module (content/facts), with its source. */
  emergency: { display: string; tel: string; source: string };
}
