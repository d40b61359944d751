/**
 * The operator's events, each a small function over the store. An operator may act only on
 * conversations they hold (`forbidden` otherwise); accepting and transferring are atomic in the
 * store, so two operators can never hold the same conversation.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type {
  InternalNote,
  OperatorConversation,
  Outcome,
  operatorSendSchema,
  operatorTransferSchema,
} from '../protocol';
import { operatorRoom, visitorRoom, type ChatContext, type OperatorSocketData } from './chat-context';
import { publicOperatorIds } from './operator-ids';
import { candidatesFor } from './queue-policy';
import { waitingView } from './queue-notifier';
import { fail, ok, type EventControl, type HandlerResult } from './socket-events';
import type { ConversationRecord } from './store/chat-store';
import { endConversation, queueFigures } from './conversation-steps';

type OperatorSocket = Socket & { data: OperatorSocketData };
type Empty = Record<string, never>;

/** The full conversation as the console shows it. */
export async function operatorView(ctx: ChatContext, c: ConversationRecord): Promise<OperatorConversation> {
  const [messages, stored, publicId] = await Promise.all([
    ctx.store.listMessages(c.id),
    ctx.store.listNotes(c.id),
    publicOperatorIds(ctx.store),
  ]);
  // A note's author as consoles know colleagues: by the opaque id, never the login username.
  const notes = stored.map((note) => ({ ...note, by: publicId(note.by) }));
  return {
    ...waitingView(c),
    ...(c.nickname ? { nickname: c.nickname } : {}),
    ...(c.operatorName ? { operatorName: c.operatorName } : {}),
    status: c.status,
    messages,
    notes,
  };
}

export interface OperatorPresenceControl {
  setStatus(operator: OperatorSocketData, status: 'available' | 'away'): Promise<void>;
}

export function operatorHandlers(ctx: ChatContext, socket: OperatorSocket, presence: OperatorPresenceControl) {
  const me = socket.data;
  const operator = () => ({ id: me.operatorId, name: me.name, capacity: ctx.settings.capacity });

  /** The conversation if this operator holds it, or the error to answer. */
  const held = async (conversationId: string): Promise<ConversationRecord | ReturnType<typeof fail>> => {
    const c = await ctx.store.getConversation(conversationId);
    if (!c || c.status === 'ended') return fail('not-found');
    if (c.status !== 'active' || c.operatorId !== me.operatorId) return fail('forbidden');
    return c;
  };

  const taken = async (c: ConversationRecord, { commit }: EventControl) => {
    // The conversation is this operator's now. Should the answer be a failure after all, the
    // console gets it by `chat:assigned` (as after a reload) instead of an acknowledgement.
    commit(async () => {
      const current = await ctx.store.getConversation(c.id);
      if (current?.status === 'active' && current.operatorId === me.operatorId)
        ctx.operators
          .to(operatorRoom(me.operatorId))
          .emit('chat:assigned', { conversation: await operatorView(ctx, current) });
    });
    await ctx.store.recordWait({
      seconds: Math.max(0, (ctx.now() - c.queuedAt) / 1000),
      positionAtJoin: c.positionAtJoin,
      at: ctx.now(),
    });
    ctx.visitors.to(visitorRoom(c.id)).emit('chat:accepted', { operatorName: c.operatorName ?? me.name });
    ctx.logger.info('chat.accepted', { waitedSeconds: Math.round((ctx.now() - c.queuedAt) / 1000) });
    ctx.queueChanged();
    return ok({ conversation: await operatorView(ctx, c) });
  };

  return {
    async status(payload: { status: 'available' | 'away' }, { commit }: EventControl): Promise<HandlerResult<Empty>> {
      // The process keeps the status even if the store write fails (the heartbeat writes it again):
      // setting it is idempotent, a client told `unavailable` may send it again.
      commit();
      await presence.setStatus(me, payload.status);
      ctx.queueChanged();
      return ok({});
    },

    async accept(
      payload: { conversationId?: string },
      control: EventControl,
    ): Promise<HandlerResult<{ conversation: OperatorConversation }>> {
      if (payload.conversationId) {
        const result = await ctx.store.accept(payload.conversationId, operator(), ctx.now());
        return result.ok ? taken(result.conversation, control) : fail(result.error);
      }
      const [queued, online] = await Promise.all([ctx.store.listQueued(), ctx.onlineOperators()]);
      const candidates = candidatesFor(
        { operatorId: me.operatorId, region: me.region, languages: me.languages },
        queued,
        online.filter((o) => o.status === 'available'),
        ctx.now(),
        ctx.settings.overflowMs,
      );
      // Another operator may win a candidate between the read and the accept: try the next.
      for (const candidate of candidates.slice(0, 5)) {
        const result = await ctx.store.accept(candidate.id, operator(), ctx.now());
        if (result.ok) return taken(result.conversation, control);
        if (result.error === 'capacity') return fail('capacity');
      }
      return fail('not-found', 'queue-empty');
    },

    async send(
      payload: z.output<typeof operatorSendSchema>,
      { commit }: EventControl,
    ): Promise<HandlerResult<{ id: string; at: string }>> {
      const found = await held(payload.conversationId);
      if ('ok' in found) return found;
      const stored = await ctx.store.addMessage(payload.conversationId, {
        id: randomUUID(),
        clientId: payload.clientId,
        from: 'operator',
        text: payload.text,
        at: new Date(ctx.now()).toISOString(),
      });
      if (!stored) return fail('not-found');
      // Retries are relayed again, same id (see visitor-handlers.ts send).
      const relay = () => {
        ctx.visitors.to(visitorRoom(payload.conversationId)).emit('chat:message', stored.message);
        socket
          .to(operatorRoom(me.operatorId))
          .emit('chat:message', { ...stored.message, conversationId: payload.conversationId });
      };
      // Never taken back: on a failed answer relayed again and echoed to the sender (as for visitors).
      commit(async () => {
        relay();
        socket.emit('chat:message', { ...stored.message, conversationId: payload.conversationId });
      });
      relay();
      await ctx.relayed();
      return ok({ id: stored.message.id, at: stored.message.at });
    },

    async typing(payload: { conversationId: string; typing: boolean }): Promise<HandlerResult<Empty>> {
      const found = await held(payload.conversationId);
      if ('ok' in found) return found;
      ctx.visitors
        .to(visitorRoom(payload.conversationId))
        .emit('chat:typing', { from: 'operator', typing: payload.typing });
      return ok({});
    },

    async end(payload: { conversationId: string; outcome: Outcome }): Promise<HandlerResult<Empty>> {
      const found = await held(payload.conversationId);
      if ('ok' in found) return found;
      const ended = await endConversation(ctx, payload.conversationId, 'operator', payload.outcome);
      return ended ? ok({}) : fail('not-found');
    },

    async transfer(
      payload: z.output<typeof operatorTransferSchema>,
      { commit }: EventControl,
    ): Promise<HandlerResult<Empty>> {
      const found = await held(payload.conversationId);
      if ('ok' in found) return found;
      if (payload.to === 'queue') {
        const back = await ctx.store.requeue(payload.conversationId, me.operatorId);
        if (!back) return fail('not-found');
        // Done: the visitor is told even past the time limit; the console sees it in `queue:snapshot`.
        commit();
        // Told at once (not left to the next refresh, which skips figures it sent before).
        ctx.visitors.to(visitorRoom(back.id)).emit('queue:updated', await queueFigures(ctx, back.id));
        ctx.logger.info('chat.transferred', { to: 'queue' });
        ctx.queueChanged();
        return ok({});
      }
      // `to` is the opaque id of `queue:snapshot.colleagues[]` (operator-ids.ts), not a username.
      const [online, publicId] = await Promise.all([ctx.onlineOperators(), publicOperatorIds(ctx.store)]);
      if (payload.to === publicId(me.operatorId)) return fail('forbidden', 'same-operator');
      const colleague = online.find((o) => publicId(o.operatorId) === payload.to);
      if (!colleague) return fail('not-found', 'operator-offline');
      const moved = await ctx.store.transfer(payload.conversationId, me.operatorId, {
        id: colleague.operatorId,
        name: colleague.name,
        capacity: colleague.capacity,
      });
      if (!moved.ok) return fail(moved.error);
      // Done: the colleague and the visitor are told even past the time limit.
      commit();
      ctx.operators
        .to(operatorRoom(colleague.operatorId))
        .emit('chat:assigned', { conversation: await operatorView(ctx, moved.conversation) });
      ctx.visitors.to(visitorRoom(payload.conversationId)).emit('chat:accepted', { operatorName: colleague.name });
      ctx.logger.info('chat.transferred', { to: 'colleague' });
      ctx.queueChanged();
      return ok({});
    },

    async note(
      payload: { conversationId: string; text: string },
      { commit }: EventControl,
    ): Promise<HandlerResult<{ id: string; at: string }>> {
      const found = await held(payload.conversationId);
      if ('ok' in found) return found;
      const note: InternalNote = {
        id: randomUUID(),
        text: payload.text,
        at: new Date(ctx.now()).toISOString(),
        by: me.operatorId,
      };
      // Read before the note is stored: a failure after storing would leave a note nobody was told of.
      const publicId = await publicOperatorIds(ctx.store);
      const stored = await ctx.store.addNote(payload.conversationId, note);
      if (!stored) return fail('not-found');
      const event = { ...stored, by: publicId(stored.by), conversationId: payload.conversationId };
      // Kept: on a failed answer every socket of this operator, the sender too, gets `chat:note`.
      commit(async () => void ctx.operators.to(operatorRoom(me.operatorId)).emit('chat:note', event));
      socket.to(operatorRoom(me.operatorId)).emit('chat:note', event);
      return ok({ id: stored.id, at: stored.at });
    },
  };
}
