/** Loads the operators' quick replies for one language from the chat server. */
import type { QuickReplyOption } from './ConversationPanel';

export async function loadQuickReplies(lang: string): Promise<QuickReplyOption[]> {
  try {
    const response = await fetch(`/api/operator/quick-replies?lang=${encodeURIComponent(lang)}`, {
      credentials: 'same-origin',
    });
    if (!response.ok) return [];
    const body = (await response.json()) as unknown;
    const list = Array.isArray(body) ? body : (body as { replies?: unknown })?.replies;
    if (!Array.isArray(list)) return [];
    return list.filter(
      (item): item is QuickReplyOption =>
        typeof item?.id === 'string' && typeof item?.title === 'string' && typeof item?.text === 'string',
    );
  } catch {
    return [];
  }
}
