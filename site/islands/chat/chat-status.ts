/** Reads `GET /api/chat/status` and says which of open / busy / closed the visitor should see. */
import type { ChatHoursInfo, ChatStatusResponse, LanguageFigures } from '../../../chat-server/src/protocol';
import { dayAndTime } from '../../scripts/day-words';

/** Issue 14: whether someone reads the visitor's language, and whose opening hours apply. */
export interface StatusExtras {
  language?: LanguageFigures;
  hours?: ChatHoursInfo;
}

export type StatusView = (
  | { kind: 'loading' }
  | { kind: 'unknown' }
  | { kind: 'open' }
  | { kind: 'busy' }
  | { kind: 'closed'; reason: NonNullable<ChatStatusResponse['reason']>; opensAt?: string }
) &
  StatusExtras;

/** The view for one status answer: busy means open with people already waiting. */
export function statusView(status: ChatStatusResponse): StatusView {
  const extras: StatusExtras = {
    ...(typeof status.languageServed === 'boolean'
      ? { language: { languageServed: status.languageServed, fallbackLanguages: status.fallbackLanguages ?? [] } }
      : {}),
    ...(status.hours ? { hours: status.hours } : {}),
  };
  if (!status.open) return { kind: 'closed', reason: status.reason ?? 'closed', opensAt: status.opensAt, ...extras };
  return { kind: status.waiting > 0 ? 'busy' : 'open', ...extras };
}

/** What the status is asked for: the page's language and, once chosen, the visitor's municipality. */
export interface StatusQuery {
  lang?: string;
  municipality?: string;
}

export async function fetchStatus(query: StatusQuery = {}, signal?: AbortSignal): Promise<StatusView> {
  const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => !!entry[1]));
  const url = params.size ? `/api/chat/status?${params}` : '/api/chat/status';
  try {
    const response = await fetch(url, { cache: 'no-store', credentials: 'omit', signal });
    if (!response.ok) return { kind: 'unknown' };
    const body = (await response.json()) as ChatStatusResponse;
    return typeof body?.open === 'boolean' ? statusView(body) : { kind: 'unknown' };
  } catch {
    return { kind: 'unknown' };
  }
}

/**
 * The next opening in words, in Dutch time (the opening hours are Dutch): `day` is "vandaag",
 * "morgen" or "op maandag" (from `words`), `time` "09:00". Null for an unreadable time.
 */
export function opensAtWords(
  iso: string,
  lang: string,
  words: { today: string; tomorrow: string; weekday: string },
  now: Date = new Date(),
): { day: string; time: string } | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return dayAndTime(date, now, lang, words);
}

/** True when the chat opens within the hour: then "look again" is worth a tap. */
export function opensWithinHour(iso: string | undefined, now: Date = new Date()): boolean {
  if (!iso) return false;
  const ms = new Date(iso).getTime() - now.getTime();
  return ms > 0 && ms <= 60 * 60 * 1000;
}
