/** The console's HTTP calls beside the socket (docs/chat-protocol.md): who am I, quick replies, help route. */
import type { HelpRoute, OperatorMe, QuickReply } from '../../../chat-server/src/protocol';

async function getData<T>(url: string): Promise<T | null> {
  try {
    const response = await fetch(url, { credentials: 'same-origin', cache: 'no-store' });
    if (!response.ok) return null;
    const body = (await response.json()) as { ok?: boolean; data?: T };
    return body.ok ? (body.data ?? null) : null;
  } catch {
    return null;
  }
}

export const fetchMe = () => getData<OperatorMe>('/api/operator/me');

export async function fetchQuickReplies(lang: string): Promise<QuickReply[]> {
  const list = await getData<QuickReply[]>(`/api/operator/quick-replies?lang=${encodeURIComponent(lang)}`);
  return Array.isArray(list) ? list : [];
}

export const fetchHelpRoute = (municipality: string) =>
  getData<HelpRoute>(`/api/operator/help-route?municipality=${encodeURIComponent(municipality)}`);
