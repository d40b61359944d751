/**
 * The `/operator` namespace: the session check before a socket connects (origin, live session,
 * no temporary password), presence and resume at connect, and the operator's events, each
 * checked against the session again (docs/chat-protocol.md).
 */
import {
  operatorAcceptSchema,
  operatorEndSchema,
  operatorNoteSchema,
  operatorSendSchema,
  operatorStatusSchema,
  operatorTransferSchema,
  operatorTypingSchema,
  operatorWrapUpSchema,
} from '../protocol';
import { originAllowed } from '../auth/origin';
import { firstStepOf, liveSession } from '../auth/session-check';
import { sessionIdFrom, sessionKey } from '../auth/sessions';
import { operatorRoom, sessionRoom, SUPERVISORS_ROOM, type ChatContext, type ChatDeps } from './chat-context';
import { operatorHandlers } from './operator-handlers';
import type { OperatorPresenceTracker } from './operator-presence';
import { tokenBucket } from './rate-limit';
import { resendHeld } from './resend-held';
import { eventRouter, outsideEvent } from './socket-events';
import { accountLanguages } from './languages';

/** `deps` is read at each event (session check, time limit: tests change it on a running chat). */
export function wireOperatorNamespace(
  ctx: ChatContext,
  deps: ChatDeps,
  parts: {
    presence: OperatorPresenceTracker;
    endRevoked: (operatorId: string, sockets: { disconnect(close: boolean): unknown }[]) => Promise<void>;
  },
) {
  const { operators, now } = ctx;
  const { presence, endRevoked } = parts;

  operators.use((socket, next) => {
    void (async () => {
      const headers = socket.handshake.headers;
      if (!originAllowed(headers, deps.publicOrigin)) return next(new Error('unauthorized'));
      const id = sessionIdFrom(headers.cookie);
      if (!id) return next(new Error('unauthorized'));
      const key = sessionKey(id);
      const live = await liveSession(deps, key);
      if (!live) return next(new Error('unauthorized'));
      const { session, account } = live;
      // A temporary password must be changed first (POST /api/operator/password), and with
      // OPERATOR_REQUIRE_2FA two-factor login set up (POST /api/operator/2fa/setup and confirm).
      const firstStep = firstStepOf(account, deps.settings);
      if (firstStep) return next(new Error(firstStep));
      socket.data = {
        operatorId: account.username,
        name: account.displayName,
        role: account.role,
        region: account.region,
        languages: accountLanguages(account),
        sessionKey: key,
      };
      // The socket ends with the session, not later.
      const expiry = setTimeout(() => socket.disconnect(true), Math.max(0, session.expiresAt - now()));
      expiry.unref();
      socket.once('disconnect', () => clearTimeout(expiry));
      next();
    })().catch(() => next(new Error('unavailable')));
  });

  operators.on('connection', (socket) => {
    const me = socket.data;
    void socket.join([operatorRoom(me.operatorId), sessionRoom(me.sessionKey)]);
    if (me.role === 'supervisor') void socket.join(SUPERVISORS_ROOM);
    const ready = presence.connected(me, socket.id);
    // After a reload or a reconnect the console has lost its view: give it back its status (kept
    // within the reconnect grace) and every conversation this operator still holds, with the
    // messages so far.
    void ready.then(() => {
      socket.emit('operator:state', { status: presence.statusOf(me.operatorId) });
      return resendHeld(ctx, socket, me.operatorId);
    });

    const handlers = operatorHandlers(ctx, socket, presence.control);
    const router = eventRouter(socket, {
      allow: tokenBucket(deps.settings.rateLimit, now),
      logger: deps.logger,
      namespace: 'operator',
      ready,
      timeLimitMs: () => deps.eventTimeLimitMs,
      // Every event re-checks the session: a revoked account cannot act even for a moment.
      authorized: async () => {
        if (await liveSession(deps, me.sessionKey)) return true;
        // After the `unauthorized` acknowledgement has gone out.
        outsideEvent(() =>
          setImmediate(() =>
            endRevoked(me.operatorId, [socket]).catch(() => deps.logger.warn('chat.operator-recheck-failed')),
          ),
        );
        return false;
      },
    });
    router.on('operator:status', operatorStatusSchema, handlers.status);
    router.on('operator:accept', operatorAcceptSchema, handlers.accept);
    router.on('chat:send', operatorSendSchema, handlers.send);
    router.on('chat:typing', operatorTypingSchema, handlers.typing);
    router.on('chat:end', operatorEndSchema, handlers.end);
    router.on('operator:transfer', operatorTransferSchema, handlers.transfer);
    router.on('operator:note', operatorNoteSchema, handlers.note);
    router.on('operator:wrap-up', operatorWrapUpSchema, handlers.wrapUp);

    socket.on('disconnect', () => presence.disconnected(me, socket.id));
  });
}
