/** Reads `GET /api/chat/status` and says which of open / busy / closed the visitor should see. */
import type { ChatStatusResponse } from '../../../chat-server/src/protocol';

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

/** "maandag 09:00" in the visitor's language, in Dutch time (the opening hours are Dutch). */
export function formatOpensAt(iso: string, lang: string): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  return new Intl.DateTimeFormat(lang, {
    weekday: 'long',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: 'Europe/Amsterdam',
  }).format(date);
}
