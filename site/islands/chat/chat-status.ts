/** Reads `GET /api/chat/status` and says which of open / busy / closed the visitor should see. */
import type { ChatStatusResponse } from '../../../chat-server/src/protocol';
import { dayAndTime } from '../../scripts/day-words';

export type StatusView =
  | { kind: 'loading' }
  | { kind: 'unknown' }
  | { kind: 'open' }
  | { kind: 'busy' }
  | { kind: 'closed'; reason: NonNullable<ChatStatusResponse['reason']>; opensAt?: string };

/** The view for one status answer: busy means open with people already waiting. */
export function statusView(status: ChatStatusResponse): StatusView {
  if (!status.open) return { kind: 'closed', reason: status.reason ?? 'closed', opensAt: status.opensAt };
  return status.waiting > 0 ? { kind: 'busy' } : { kind: 'open' };
}

export async function fetchStatus(signal?: AbortSignal): Promise<StatusView> {
  try {
    const response = await fetch('/api/chat/status', { cache: 'no-store', credentials: 'omit', signal });
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
