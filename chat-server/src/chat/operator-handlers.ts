/**
 * The operator's events, each a small function over the store. An operator may act only on
 * conversations they hold (`forbidden` otherwise); accepting and transferring are atomic in the
 * store, so two operators can never hold the same conversation.
 */
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import type {
  Handover,
  InternalNote,
  OperatorConversation,
  Outcome,
  operatorSendSchema,
  operatorTransferSchema,
  operatorWrapUpSchema,
} from '../protocol';
import { operatorRoom, visitorRoom, type ChatContext, type OperatorSocketData } from './chat-context';
import { publicOperatorIds } from './operator-ids';
import { candidatesFor } from './queue-policy';
import { waitingView } from './queue-notifier';
import { fail, ok, type EventControl, type HandlerResult } from './socket-events';
import { availableForWork } from './operator-availability';
import type { ConversationRecord, HandoverRecord, WrapUpResult } from './store/chat-store';
import { endConversation, forVisitor, queueFigures } from './conversation-steps';
import { recordAudit } from '../admin/audit-log';
import { recordStats } from '../admin/stats-store';

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
  const handoverNote = c.handoverNoteId ? stored.find((note) => note.id === c.handoverNoteId) : undefined;
  return {
    ...waitingView(c),
    ...(c.nickname ? { nickname: c.nickname } : {}),
    ...(c.operatorName ? { operatorName: c.operatorName } : {}),
    status: c.status,
    messages,
    notes,
    ...(handoverNote && c.handoverFrom ? { handover: { note: handoverNote.text, from: c.handoverFrom } } : {}),
  };
}

/** How a refused wrap-up is answered (docs/chat-protocol.md "Wrap-up"). */
const WRAP_UP_REFUSALS = {
  unknown: fail('not-found', 'nothing-to-wrap-up'),
  'not-held': fail('forbidden'),
  'not-ended': fail('forbidden', 'not-ended'),
  'already-wrapped-up': fail('not-found', 'already-wrapped-up'),
} satisfies Record<Exclude<WrapUpResult, { ok: true }>['reason'], ReturnType<typeof fail>>;

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
    // Answered once, at its first accept (not again after a requeue), in the hour it was offered.
    if (c.acceptedAt !== undefined && c.firstAcceptedAt === c.acceptedAt)
      await recordStats(ctx, {
        kind: 'answered',
        offeredAt: c.createdAt,
        waitSeconds: Math.max(0, (c.acceptedAt - c.queuedAt) / 1000),
      });
    await recordAudit(ctx, { actor: me.operatorId, action: 'chat-accepted', target: c.id });
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
        online.filter(availableForWork),
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
      // Who wrote it travels with the message (issue 20): a colleague taking over sees each
      // operator by name, not "Jij" for words that are not theirs.
      const publicId = await publicOperatorIds(ctx.store);
      const stored = await ctx.store.addMessage(payload.conversationId, {
        id: randomUUID(),
        clientId: payload.clientId,
        from: 'operator',
        text: payload.text,
        at: new Date(ctx.now()).toISOString(),
        operatorName: me.name,
        operatorId: publicId(me.operatorId),
      });
      if (!stored) return fail('not-found');
      // Retries are relayed again, same id (see visitor-handlers.ts send).
      const relay = () => {
        ctx.visitors.to(visitorRoom(payload.conversationId)).emit('chat:message', forVisitor(stored.message));
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
      if (!ended) return fail('not-found');
      await recordAudit(ctx, { actor: me.operatorId, action: 'chat-ended', target: payload.conversationId });
      return ok({});
    },

    async transfer(
      payload: z.output<typeof operatorTransferSchema>,
      { commit }: EventControl,
    ): Promise<HandlerResult<Empty>> {
      const found = await held(payload.conversationId);
      if ('ok' in found) return found;
      // The handover note joins the conversation's internal notes in the same atomic step.
      const handover: HandoverRecord = {
        note: { id: randomUUID(), text: payload.note, at: new Date(ctx.now()).toISOString(), by: me.operatorId },
        from: me.name,
      };
      if (payload.to === 'queue') {
        const back = await ctx.store.requeue(payload.conversationId, me.operatorId, handover);
        if (!back) return fail('not-found');
        // Done: the visitor is told even past the time limit; the console sees it in `queue:snapshot`.
        commit();
        // Told at once (not left to the next refresh, which skips figures it sent before).
        ctx.visitors.to(visitorRoom(back.id)).emit('queue:updated', await queueFigures(ctx, back.id));
        ctx.logger.info('chat.transferred', { to: 'queue' });
        await recordAudit(ctx, { actor: me.operatorId, action: 'chat-transferred', target: back.id, to: 'queue' });
        ctx.queueChanged();
        return ok({});
      }
      // `to` is the opaque id of `queue:snapshot.colleagues[]` (operator-ids.ts), not a username.
      const [online, publicId] = await Promise.all([ctx.onlineOperators(), publicOperatorIds(ctx.store)]);
      if (payload.to === publicId(me.operatorId)) return fail('forbidden', 'same-operator');
      // A colleague in their reconnect grace has no console to show it: as good as offline.
      const colleague = online.find((o) => publicId(o.operatorId) === payload.to && o.reconnectingSince === undefined);
      if (!colleague) return fail('not-found', 'operator-offline');
      const moved = await ctx.store.transfer(
        payload.conversationId,
        me.operatorId,
        { id: colleague.operatorId, name: colleague.name, capacity: colleague.capacity },
        handover,
      );
      if (!moved.ok) return fail(moved.error);
      // Done: the colleague and the visitor are told even past the time limit.
      commit();
      // `handover` beside the conversation: handed over just now (the colleague's console alerts).
      const handedOver: Handover = { note: payload.note, from: me.name };
      ctx.operators
        .to(operatorRoom(colleague.operatorId))
        .emit('chat:assigned', { conversation: await operatorView(ctx, moved.conversation), handover: handedOver });
      ctx.visitors.to(visitorRoom(payload.conversationId)).emit('chat:accepted', { operatorName: colleague.name });
      ctx.logger.info('chat.transferred', { to: 'colleague' });
      await recordAudit(ctx, {
        actor: me.operatorId,
        action: 'chat-transferred',
        target: payload.conversationId,
        to: colleague.operatorId,
      });
      ctx.queueChanged();
      return ok({});
    },

    /**
     * Issue 20: the outcome of a conversation this operator held that ended without one. Counted
     * once by the store; the note stays with the conversation's notes while its texts are kept.
     */
    async wrapUp(payload: z.output<typeof operatorWrapUpSchema>): Promise<HandlerResult<Empty>> {
      const now = ctx.now();
      const note: InternalNote | undefined = payload.note
        ? { id: randomUUID(), text: payload.note, at: new Date(now).toISOString(), by: me.operatorId }
        : undefined;
      const result = await ctx.store.wrapUp(payload.conversationId, me.operatorId, {
        outcome: payload.outcome,
        ...(note ? { note } : {}),
        now,
      });
      if (!result.ok) return WRAP_UP_REFUSALS[result.reason];
      ctx.logger.info('chat.wrapped-up', { outcome: payload.outcome });
      await recordAudit(ctx, { actor: me.operatorId, action: 'chat-wrap-up', target: payload.conversationId });
      // Every console of this operator drops it from "Af te ronden" with the next snapshot.
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
