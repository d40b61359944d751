/**
 * The visitor's events, each a small function over the store. A visitor socket is tied to at
 * most one conversation (socket.data.conversationId), set by `visitor:start` or by a valid
 * resume token at connect; a visitor can never name another conversation.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io';
import type { ChatState, VisitorSend, VisitorStart, VisitorStarted } from '../protocol';
import { operatorRoom, visitorRoom, type ChatContext, type VisitorSocketData } from './chat-context';
import { addSystemMessage, announcePresence, endConversation, forVisitor, queueFigures } from './conversation-steps';
import { fail, ok, type EventControl, type HandlerResult } from './socket-events';
import { queueLimitFor } from '../limits/visitor-admission';
import { availableForWork } from './operator-availability';
import type { ConversationRecord } from './store/chat-store';
import { recordStats } from '../admin/stats-store';
import type { RefusalReason } from '../admin/chat-stats';

type VisitorSocket = Socket & { data: VisitorSocketData };
type Empty = Record<string, never>;

export const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');

/** This socket's share of the queue admission (limits/visitor-admission.ts). */
export interface StartPermit {
  mayStart(): boolean;
}

export function visitorHandlers(ctx: ChatContext, socket: VisitorSocket, permit: StartPermit) {
  const current = async () => {
    const id = socket.data.conversationId;
    const c = id ? await ctx.store.getConversation(id) : null;
    return c && c.status !== 'ended' ? c : null;
  };

  return {
    async start(payload: VisitorStart, { defer, undo }: EventControl): Promise<HandlerResult<VisitorStarted>> {
      if (await current()) return fail('forbidden', 'already-started');
      const now = ctx.now();
      // A refusal the visitor sees is counted (issue 14): the reason and the hour, nothing of the visitor.
      const refused = async (reason: RefusalReason, message?: string) => {
        await recordStats(ctx, { kind: 'refused', at: now, reason });
        return reason === 'queue-full' ? fail('queue-full', message) : fail('closed', message);
      };
      const region = payload.municipality ? ctx.regions.forMunicipality(payload.municipality) : undefined;
      if (payload.municipality && !region) return fail('invalid-payload', 'unknown-municipality');
      // Issue 14 item 7: the opening hours of the visitor's own region when it has its own timetable.
      if (!ctx.schedule.forRegion(region?.region).isOpen(new Date(now))) return refused('closed');
      const online = await ctx.onlineOperators();
      if (!online.some(availableForWork)) return refused('no-operators', 'no-operators');
      if (payload.theme && !ctx.content.isKnownTheme(payload.theme)) return fail('invalid-payload', 'unknown-theme');
      // `queue-full` (not `rate-limited`): this address's share of the queue is taken, and the
      // visitor must see the phone numbers, as for a full queue. Not counted as a refusal: it is
      // the abuse limit, and one script retrying would swell the figures.
      if (!permit.mayStart()) return fail('queue-full', 'address-share');
      const resumeToken = randomBytes(32).toString('base64url');
      const queuedBefore = await ctx.store.listQueued();
      const conversation: ConversationRecord = {
        id: randomUUID(),
        status: 'queued',
        lang: payload.lang,
        about: payload.about,
        inDanger: payload.inDanger,
        ...(payload.theme ? { theme: payload.theme } : {}),
        ...(region ? { municipality: region.code, region: region.region, safetyRegion: region.safetyRegion } : {}),
        ...(payload.nickname ? { nickname: payload.nickname } : {}),
        ...(payload.under18 ? { under18: true as const } : {}),
        tokenHash: hashToken(resumeToken),
        createdAt: now,
        queuedAt: now,
        positionAtJoin: queuedBefore.length + 1,
      };
      const limit = queueLimitFor(conversation.inDanger, ctx.settings.maxQueue, ctx.settings.admission);
      if ((await ctx.store.createConversation(conversation, limit)) === 'queue-full') return refused('queue-full');
      // Failing from here on (or past the time limit), the visitor has no resume token for this
      // conversation: take it out of the queue again, so that trying again starts a fresh one.
      undo(async () => {
        if (socket.data.conversationId === conversation.id) delete socket.data.conversationId;
        await socket.leave(visitorRoom(conversation.id));
        // The store may be failing right now: try again for about a minute (2, 4, … 32 s).
        const takeBack = async (attempt: number): Promise<void> => {
          try {
            await ctx.store.end(conversation.id, {
              endedBy: 'visitor',
              day: ctx.schedule.localDay(new Date(ctx.now())),
              retentionMs: 0,
            });
            ctx.queueChanged();
          } catch (error) {
            if (attempt >= 5) throw error;
            ctx.logger.warn('chat.start-undo-retry', { attempt });
            const retry = () => void takeBack(attempt + 1).catch(() => ctx.logger.error('chat.start-undo-failed'));
            setTimeout(retry, 2_000 * 2 ** attempt).unref();
          }
        };
        await takeBack(0);
      });
      socket.data.conversationId = conversation.id;
      socket.data.lang = conversation.lang;
      await socket.join(visitorRoom(conversation.id));
      // System messages go out right after the acknowledgement (the 112 advice first of all).
      defer(async () => {
        if (conversation.inDanger) await addSystemMessage(ctx, conversation, 'danger');
        if (conversation.about === 'professional') await addSystemMessage(ctx, conversation, 'professional');
        await addSystemMessage(ctx, conversation, 'privacy');
      });
      // Counted once the visitor has the conversation (a start taken back is not offered), after the advice.
      defer(() => recordStats(ctx, { kind: 'offered', at: conversation.queuedAt, lang: conversation.lang }));
      ctx.logger.info('chat.started', { inDanger: conversation.inDanger, regional: Boolean(region) });
      ctx.queueChanged();
      const figures = await queueFigures(ctx, conversation.id);
      return ok({
        conversationId: conversation.id,
        resumeToken,
        status: 'queued',
        position: figures.position,
        estimatedWaitSeconds: figures.estimatedWaitSeconds,
        estimatedWaitRange: figures.estimatedWaitRange,
        languageServed: figures.languageServed,
        fallbackLanguages: figures.fallbackLanguages,
      });
    },

    async send(payload: VisitorSend, { commit }: EventControl): Promise<HandlerResult<{ id: string; at: string }>> {
      const c = await current();
      if (!c) return fail('not-found');
      const stored = await ctx.store.addMessage(c.id, {
        id: randomUUID(),
        clientId: payload.clientId,
        from: 'visitor',
        text: payload.text,
        at: new Date(ctx.now()).toISOString(),
      });
      if (!stored) return fail('not-found');
      // A retry (same clientId) is relayed again, same id: the first try may have been stored by a
      // process that died before relaying it. Clients show a message id once (docs/scaling.md).
      const relay = () => {
        socket.to(visitorRoom(c.id)).emit('chat:message', stored.message);
        if (c.status === 'active' && c.operatorId)
          ctx.operators
            .to(operatorRoom(c.operatorId))
            .emit('chat:message', { ...stored.message, conversationId: c.id });
      };
      // A stored message is never taken back: if the answer was a failure after all (time limit,
      // or the relay wait failed), it is relayed again and echoed to the sender, whose clientId
      // marks it as sent (docs/chat-protocol.md).
      commit(async () => {
        relay();
        socket.emit('chat:message', stored.message);
      });
      relay();
      // Acknowledge only once the relay reached the other processes: an acknowledged message is
      // never retried, so it must not die with this process.
      await ctx.relayed();
      return ok({ id: stored.message.id, at: stored.message.at });
    },

    async typing(payload: { typing: boolean }): Promise<HandlerResult<Empty>> {
      const c = await current();
      if (!c) return fail('not-found');
      if (c.status === 'active' && c.operatorId)
        ctx.operators
          .to(operatorRoom(c.operatorId))
          .emit('chat:typing', { conversationId: c.id, from: 'visitor', typing: payload.typing });
      return ok({});
    },

    async end(): Promise<HandlerResult<Empty>> {
      const c = await current();
      if (!c) return fail('not-found');
      await endConversation(ctx, c.id, 'visitor');
      delete socket.data.conversationId;
      return ok({});
    },

    /** Always succeeds: leaving must never be blocked, even with nothing to end. */
    async quickExit(): Promise<HandlerResult<Empty>> {
      const c = await current();
      if (c) await endConversation(ctx, c.id, 'quick-exit');
      delete socket.data.conversationId;
      return ok({});
    },

    /** At connect: a valid token joins the conversation and gets `chat:state`; the visitor is present again. */
    async resume(resumeToken: string): Promise<void> {
      const id = await ctx.store.conversationIdForToken(hashToken(resumeToken));
      const c = id ? await ctx.store.getConversation(id) : null;
      if (!c || c.status === 'ended') return void socket.emit('chat:resume-failed', { error: 'not-found' });
      socket.data.conversationId = c.id;
      socket.data.lang = c.lang;
      await socket.join(visitorRoom(c.id));
      await ctx.store.setVisitorAway(c.id, undefined);
      if (c.visitorAwaySince !== undefined) announcePresence(ctx, c, true, ctx.now());
      const messages = (await ctx.store.listMessages(c.id)).map(forVisitor);
      const state: ChatState = { conversationId: c.id, status: c.status, messages };
      if (c.status === 'queued') Object.assign(state, await queueFigures(ctx, c.id));
      if (c.operatorName) state.operatorName = c.operatorName;
      socket.emit('chat:state', state);
    },

    /**
     * At disconnect: when no socket of this conversation is left, the resume window starts and the
     * operators hear that the visitor is not present (queue:snapshot, or chat:presence when held).
     */
    async disconnected(): Promise<void> {
      const id = socket.data.conversationId;
      if (!id) return;
      const left = await ctx.visitors.in(visitorRoom(id)).fetchSockets();
      if (left.length > 0) return;
      const since = ctx.now();
      await ctx.store.setVisitorAway(id, since);
      const c = await ctx.store.getConversation(id);
      if (c && c.status !== 'ended') announcePresence(ctx, c, false, c.visitorAwaySince ?? since);
    },
  };
}
