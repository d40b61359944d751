/** Whether the chat can be used now (`GET /api/chat/status`, http/chat-status.ts): opening hours, operators, queue room. */
import type { ChatStatusResponse } from '../protocol';
import type { ChatDeps } from './chat-context';

export async function chatStatus(deps: ChatDeps, now: () => number): Promise<ChatStatusResponse> {
  const at = new Date(now());
  const [queued, online] = await Promise.all([deps.store.listQueued(), deps.store.listOperatorPresence()]);
  const waiting = queued.length;
  const operatorsAvailable = online.filter((o) => o.status === 'available').length;
  const base = { waiting, operatorsAvailable };
  if (!deps.schedule.isOpen(at)) {
    const opensAt = deps.schedule.nextOpening(at);
    return { open: false, reason: 'closed', ...(opensAt ? { opensAt: opensAt.toISOString() } : {}), ...base };
  }
  if (operatorsAvailable === 0) return { open: false, reason: 'no-operators', ...base };
  // Full only when no one can join any more: the places reserved for visitors in danger count
  // as open, so the page never tells a visitor in danger not to try.
  if (waiting >= deps.settings.maxQueue) return { open: false, reason: 'queue-full', ...base };
  return { open: true, ...base };
}
