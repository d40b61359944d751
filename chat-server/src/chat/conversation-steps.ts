/**
 * Steps both sides share: the queue figures a waiting visitor sees, a system message in the
 * visitor's language, and ending a conversation (telling both parties).
 */
import { randomUUID } from 'node:crypto';
import type { ChatMessage, EndedBy, OperatorChatMessage, Outcome } from '../protocol';
import { operatorRoom, visitorRoom, type ChatContext } from './chat-context';
import type { SystemMessageKey } from './chat-content';
import { positions } from './queue-policy';
import { availableForWork } from './operator-availability';
import type { ConversationRecord } from './store/chat-store';
import { estimateWait } from './wait-estimate';
import { languageFigures } from './languages';
import { recordStats } from '../admin/stats-store';

/**
 * The visitor's presence changed (docs/chat-protocol.md, issue 20): a waiting visitor's row in
 * every `queue:snapshot` (`visitorPresent`, `awaySince`) is refreshed on every process; the
 * operator holding an active conversation gets `chat:presence`, on whichever process their console is.
 */
export function announcePresence(
  ctx: Pick<ChatContext, 'operators' | 'queueChanged'>,
  c: ConversationRecord,
  present: boolean,
  since: number,
) {
  if (c.status === 'queued') return ctx.queueChanged();
  if (c.status !== 'active' || !c.operatorId) return;
  const room = ctx.operators.to(operatorRoom(c.operatorId));
  room.emit('chat:presence', { conversationId: c.id, present, since: new Date(since).toISOString() });
}

/**
 * A message as a visitor gets it (issue 20): without the writer's operator id, which only
 * consoles need; the alias (`operatorName`) is what the visitor saw in `chat:accepted` anyway.
 */
export function forVisitor(message: OperatorChatMessage): ChatMessage {
  const { operatorId: _operatorId, ...visible } = message;
  return visible;
}

/** How many recent waits the estimate looks at. */
export const RECENT_WAIT_SAMPLES = 30;

/**
 * Position, estimate, operators available and (issue 14) whether someone available reads the
 * conversation's language, for one queued conversation.
 */
export async function queueFigures(ctx: ChatContext, conversationId: string) {
  const [queued, waits, online] = await Promise.all([
    ctx.store.listQueued(),
    ctx.store.recentWaits(RECENT_WAIT_SAMPLES),
    ctx.onlineOperators(),
  ]);
  const position = positions(queued).get(conversationId) ?? 0;
  const lang = queued.find((c) => c.id === conversationId)?.lang ?? 'nl';
  return {
    position,
    ...estimateWait(position, waits, ctx.now()),
    operatorsAvailable: online.filter(availableForWork).length,
    ...languageFigures(online, lang),
  };
}

export async function addSystemMessage(
  ctx: ChatContext,
  c: Pick<ConversationRecord, 'id' | 'lang'>,
  key: SystemMessageKey,
) {
  const message: ChatMessage = {
    id: randomUUID(),
    from: 'system',
    text: ctx.content.systemMessage(c.lang, key),
    at: new Date(ctx.now()).toISOString(),
  };
  // Advice (112 first of all) must reach the visitor even when the store fails: then it is sent
  // without being stored (it is not in a later `chat:state`). Null: the conversation has ended.
  const stored = await ctx.store.addMessage(c.id, message).catch(() => {
    ctx.logger.warn('chat.system-message-not-stored', { key });
    return { message };
  });
  if (stored) ctx.visitors.to(visitorRoom(c.id)).emit('chat:message', stored.message);
}

/** Ends a conversation and tells both parties; false when it was already over. */
export async function endConversation(
  ctx: ChatContext,
  conversationId: string,
  endedBy: EndedBy,
  outcome?: Outcome,
): Promise<boolean> {
  const at = ctx.now();
  const ended = await ctx.store.end(conversationId, {
    endedBy,
    ...(outcome ? { outcome } : {}),
    day: ctx.schedule.localDay(new Date(at)),
    retentionMs: ctx.settings.retentionMs,
    at,
  });
  if (!ended) return false;
  ctx.visitors.to(visitorRoom(conversationId)).emit('chat:ended', { by: endedBy });
  ctx.visitors.in(visitorRoom(conversationId)).socketsLeave(visitorRoom(conversationId));
  if (ended.operatorId)
    ctx.operators.to(operatorRoom(ended.operatorId)).emit('chat:ended', { conversationId, by: endedBy });
  ctx.logger.info('chat.ended', { by: endedBy, wasQueued: !ended.operatorId });
  // Abandoned: no operator ever accepted it (counted in the hour it was offered).
  if (ended.firstAcceptedAt === undefined) await recordStats(ctx, { kind: 'abandoned', offeredAt: ended.createdAt });
  ctx.queueChanged();
  return true;
}
