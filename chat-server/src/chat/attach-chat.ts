/**
 * Wires the chat onto an HTTP server: Socket.IO with the `/visitor` and `/operator` namespaces
 * (docs/chat-protocol.md), operator presence with a heartbeat, queue refreshes, and the sweeper
 * that ends conversations whose visitor stayed away longer than the resume window.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import {
  emptySchema,
  operatorAcceptSchema,
  operatorEndSchema,
  operatorNoteSchema,
  operatorSendSchema,
  operatorStatusSchema,
  operatorTransferSchema,
  operatorTypingSchema,
  visitorSendSchema,
  visitorStartSchema,
  visitorTypingSchema,
  type ChatStatusQuery,
  type ChatStatusResponse,
  type OperatorConversation,
} from '../protocol';
import { clientBucket } from '../auth/client-address';
import { originAllowed, originAllowedBy } from '../auth/origin';
import { liveSession } from '../auth/session-check';
import { sessionIdFrom, sessionKey } from '../auth/sessions';
import { createVisitorAdmission } from '../limits/visitor-admission';
import {
  operatorRoom,
  sessionRoom,
  visitorRoom,
  SUPERVISORS_ROOM,
  type ChatContext,
  type ChatDeps,
  type OperatorNamespace,
  type OperatorSocketData,
  type VisitorNamespace,
} from './chat-context';
import { createQueueNotifier } from './queue-notifier';
import { tokenBucket } from './rate-limit';
import { eventRouter, guardedStore, outsideEvent } from './socket-events';
import { announcePresence, endConversation, queueFigures } from './conversation-steps';
import { visitorHandlers } from './visitor-handlers';
import { operatorHandlers, operatorView } from './operator-handlers';
import type { OperatorPresence } from './store/chat-store';
import { accountLanguages } from './languages';
import { chatStatus } from './chat-status';

/** Presence lives this long in the store without a heartbeat (a dead process stops counting). */
export const PRESENCE_TTL_MS = 30_000;
const HEARTBEAT_MS = 10_000;
/** Socket.IO frames larger than this close the connection (a 2,000-character message is < 10 KB). */
const MAX_FRAME_BYTES = 256 * 1024;

export interface Chat {
  io: Server;
  /** Addition (issue 14): `query` with `lang`, `region` or `municipality` (chat-status.ts). */
  status(query?: ChatStatusQuery): Promise<ChatStatusResponse>;
  /** Ends conversations of visitors gone longer than the resume window (also runs on a timer). */
  sweep(): Promise<void>;
  /** Disconnects every operator socket of a session (after logout). */
  disconnectSession(key: string): void;
  /**
   * After a supervisor disabled the account or reset its password (admin-routes.ts): its sockets
   * end now, on every process; a disabled account's visitors go back to the queue at once.
   */
  revokeOperator(operatorId: string): Promise<void>;
  /** After a role change: the account's open sockets join or leave the supervisors' figures, on every process. */
  roleChanged(operatorId: string, role: OperatorSocketData['role']): void;
  /** How many address keys the visitor admission holds now (privacy tests). */
  admissionHeld(): { sockets: number; starts: number };
  close(): Promise<void>;
}

export function attachChat(server: HttpServer, deps: ChatDeps): Chat {
  const io = new Server(server, {
    // Visitors get no cookie of any kind (Socket.IO's sticky-session cookie stays off).
    cookie: false,
    serveClient: false,
    maxHttpBufferSize: MAX_FRAME_BYTES,
    // Partner sites may use long-polling too; no credentials (visitors have no cookie anyway).
    ...(deps.allowedOrigins?.length ? { cors: { origin: deps.allowedOrigins, credentials: false } } : {}),
    ...deps.cluster?.serverOptions,
  });
  const visitors = io.of('/visitor') as VisitorNamespace;
  const operators = io.of('/operator') as OperatorNamespace;
  const now = deps.now ?? Date.now;

  // Operators online in this process, by id, with their sockets; mirrored into the store.
  const local = new Map<string, { presence: OperatorPresence; sockets: Set<string> }>();
  const orphanTimers = new Map<string, NodeJS.Timeout>();
  const writePresence = (p: OperatorPresence) => deps.store.setOperatorPresence(p, PRESENCE_TTL_MS);

  // Handlers see the store through the event guard: a handler past its time limit is cancelled
  // at its next store call (socket-events.ts).
  const store = guardedStore(deps.store);
  const ctx: ChatContext = {
    ...deps,
    store,
    now,
    visitors,
    operators,
    relayed: () => deps.cluster?.flush() ?? Promise.resolve(),
    // Outside the event: the refresh timer must not belong to an event that may be cancelled.
    queueChanged: () =>
      outsideEvent(() => {
        notifier.schedule();
        cluster?.announce();
      }),
    onlineOperators: () => store.listOperatorPresence(),
  };
  const notifier = createQueueNotifier(ctx);
  // Other processes announce their changes; this one refreshes its own clients then.
  const cluster = deps.cluster?.link(io, {
    refreshLocal: () => notifier.schedule(),
    changed: () => ctx.queueChanged(),
    store: deps.store,
    resumeWindowMs: deps.settings.resumeWindowMs,
    presenceChanged: (id, present, since) =>
      void deps.store
        .getConversation(id)
        .then((c) => c && announcePresence(ctx, c, present, since))
        .catch(() => deps.logger.warn('chat.presence-announce-failed')),
  });

  const presenceControl = {
    async setStatus(operator: OperatorSocketData, status: 'available' | 'away') {
      const entry = local.get(operator.operatorId);
      if (!entry) return;
      entry.presence.status = status;
      await writePresence(entry.presence);
    },
  };

  const heartbeat = setInterval(() => {
    for (const { presence } of local.values())
      writePresence(presence).catch(() => deps.logger.warn('chat.presence-failed'));
  }, HEARTBEAT_MS);
  heartbeat.unref();

  // ---- /visitor ----------------------------------------------------------------------------
  const admission = createVisitorAdmission(deps.settings.admission, now);
  // The address key stays in this process's memory, never in socket.data (which connection
  // state recovery copies into Redis).
  const addressKeys = new WeakMap<object, string>();
  visitors.use((socket, next) => {
    const visitorOrigin = { publicOrigin: deps.publicOrigin, allowed: deps.allowedOrigins ?? [], allowMissing: true };
    if (!originAllowedBy(socket.handshake.headers, visitorOrigin)) return next(new Error('forbidden'));
    const key = admission.keyOf(clientBucket(socket.request, deps.trustProxy ?? 0));
    if (!admission.openSocket(key)) return next(new Error('rate-limited'));
    addressKeys.set(socket, key);
    next();
  });

  visitors.on('connection', (socket) => {
    const addressKey = addressKeys.get(socket) ?? '';
    socket.once('disconnect', () => admission.closeSocket(addressKey));
    const handlers = visitorHandlers(ctx, socket, { mayStart: () => admission.mayStart(addressKey) });
    const token = (socket.handshake.auth as { resumeToken?: unknown } | undefined)?.resumeToken;
    const ready =
      typeof token === 'string' && token.length > 0 && token.length <= 100
        ? handlers.resume(token).catch(() => void socket.emit('chat:resume-failed', { error: 'not-found' }))
        : Promise.resolve();
    const router = eventRouter(socket, {
      allow: tokenBucket(deps.settings.rateLimit, now),
      logger: deps.logger,
      namespace: 'visitor',
      ready,
      timeLimitMs: () => deps.eventTimeLimitMs,
    });
    router.on('visitor:start', visitorStartSchema, handlers.start);
    router.on('chat:send', visitorSendSchema, handlers.send);
    router.on('chat:typing', visitorTypingSchema, handlers.typing);
    router.on('chat:end', emptySchema, handlers.end);
    router.on('visitor:quick-exit', emptySchema, handlers.quickExit);
    socket.on('disconnect', () => {
      void ready.then(() => handlers.disconnected()).catch(() => deps.logger.warn('chat.visitor-away-failed'));
    });
  });

  // ---- /operator ---------------------------------------------------------------------------
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
      // A temporary password must be changed first (POST /api/operator/password).
      if (account.mustChangePassword) return next(new Error('password-change-required'));
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
    clearTimeout(orphanTimers.get(me.operatorId));
    orphanTimers.delete(me.operatorId);
    let entry = local.get(me.operatorId);
    if (!entry) {
      entry = {
        presence: {
          operatorId: me.operatorId,
          name: me.name,
          role: me.role,
          region: me.region,
          // Nobody is offered work before they say they are ready.
          status: 'away',
          capacity: deps.settings.capacity,
          languages: me.languages,
        },
        sockets: new Set(),
      };
      local.set(me.operatorId, entry);
    }
    entry.sockets.add(socket.id);
    const ready = writePresence(entry.presence).catch(() => deps.logger.warn('chat.presence-failed'));
    notifier.schedule();
    // After a reload or a reconnect the console has lost its view: give it back every
    // conversation this operator still holds, with the messages so far.
    void ready.then(() => resendHeld(socket, me.operatorId));

    const handlers = operatorHandlers(ctx, socket, presenceControl);
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

    socket.on('disconnect', () => {
      const current = local.get(me.operatorId);
      if (!current) return;
      current.sockets.delete(socket.id);
      if (current.sockets.size > 0) return;
      local.delete(me.operatorId);
      deps.store.removeOperatorPresence(me.operatorId).catch(() => deps.logger.warn('chat.presence-failed'));
      notifier.schedule();
      // An operator who does not come back within the resume window: their visitors go back to the queue.
      const timer = setTimeout(() => {
        orphanTimers.delete(me.operatorId);
        void requeueHeld(me.operatorId);
      }, deps.settings.resumeWindowMs);
      timer.unref();
      orphanTimers.set(me.operatorId, timer);
    });
  });

  async function resendHeld(
    socket: { emit: (event: 'chat:assigned', payload: { conversation: OperatorConversation }) => unknown },
    operatorId: string,
  ) {
    try {
      for (const id of await deps.store.listHeldBy(operatorId)) {
        const conversation = await deps.store.getConversation(id);
        if (conversation?.status === 'active')
          socket.emit('chat:assigned', { conversation: await operatorView(ctx, conversation) });
      }
    } catch {
      deps.logger.warn('chat.resend-held-failed');
    }
  }

  async function requeueHeld(operatorId: string) {
    try {
      // Back in this process, or in another one sharing the store: nothing to do.
      if (local.has(operatorId)) return;
      if ((await deps.store.listOperatorPresence()).some((p) => p.operatorId === operatorId)) return;
      for (const id of await deps.store.listHeldBy(operatorId)) {
        const back = await deps.store.requeue(id, operatorId);
        if (back) visitors.to(visitorRoom(id)).emit('queue:updated', await queueFigures(ctx, id));
      }
      deps.logger.info('chat.requeued-after-operator-left');
      ctx.queueChanged();
    } catch {
      deps.logger.warn('chat.requeue-failed');
    }
  }

  /**
   * Ends conversations whose visitor is gone: after the resume window; or, for a conversation no
   * operator ever accepted, after the much shorter unaccepted window, so abandoned (or scripted)
   * queue places free up in a minute or two instead of ten.
   */
  async function sweep() {
    const t = now();
    const { resumeWindowMs } = deps.settings;
    const unacceptedMs = Math.min(deps.settings.admission.unacceptedAwayMs, resumeWindowMs);
    for (const id of await deps.store.listAwaySince(t - unacceptedMs)) {
      const c = await deps.store.getConversation(id);
      if (!c || c.status === 'ended' || c.visitorAwaySince === undefined) continue;
      const pastWindow = c.visitorAwaySince < t - resumeWindowMs;
      const neverAccepted = c.status === 'queued' && c.firstAcceptedAt === undefined;
      if (pastWindow || neverAccepted) await endConversation(ctx, id, 'timeout');
    }
  }
  const shortestWindowMs = Math.min(deps.settings.resumeWindowMs, deps.settings.admission.unacceptedAwayMs);
  const sweeper = setInterval(
    () => void sweep().catch(() => deps.logger.warn('chat.sweep-failed')),
    Math.min(5_000, Math.max(250, shortestWindowMs / 4)),
  );
  sweeper.unref();

  /**
   * Operator sockets of a revoked account (password changed, account disabled or removed, in
   * this process or another) are cut off here, within OPERATOR_RECHECK_SECONDS even if they send
   * nothing; every event they send is refused at once anyway. A removed or disabled operator's
   * visitors go back to the queue now, not after the resume window.
   */
  async function recheckOperators() {
    const bySession = new Map<string, { operatorId: string; sockets: { disconnect(close: boolean): unknown }[] }>();
    for (const socket of operators.sockets.values()) {
      const entry = bySession.get(socket.data.sessionKey) ?? { operatorId: socket.data.operatorId, sockets: [] };
      entry.sockets.push(socket);
      bySession.set(socket.data.sessionKey, entry);
    }
    for (const [key, { operatorId, sockets }] of bySession)
      if (!(await liveSession(deps, key))) await endRevoked(operatorId, sockets);
  }

  /**
   * Disconnects a revoked session's sockets. After a password reset the operator logs in again
   * and gets their conversations back; a removed or disabled account will not come back, so its
   * visitors go back to the queue now instead of after the resume window.
   */
  async function endRevoked(operatorId: string, sockets: { disconnect(close: boolean): unknown }[]) {
    for (const socket of sockets) socket.disconnect(true);
    deps.logger.info('operator.session-revoked');
    const account = await deps.accounts.get(operatorId);
    if (account && !account.disabled) return;
    // Every session of the account is revoked with it (disconnect handlers run at once).
    for (const socket of operators.sockets.values()) if (socket.data.operatorId === operatorId) socket.disconnect(true);
    clearTimeout(orphanTimers.get(operatorId));
    orphanTimers.delete(operatorId);
    await deps.store.removeOperatorPresence(operatorId);
    await requeueHeld(operatorId);
  }
  const rechecker = setInterval(
    () => void recheckOperators().catch(() => deps.logger.warn('chat.operator-recheck-failed')),
    deps.settings.operatorRecheckMs,
  );
  rechecker.unref();

  /** `GET /api/chat/status` (chat-status.ts); throws UnknownPlaceError for an unknown region. */
  const status = (query?: ChatStatusQuery) => chatStatus(deps, new Date(now()), query);

  return {
    io,
    status,
    sweep,
    admissionHeld: () => admission.held(),
    disconnectSession: (key) => operators.in(sessionRoom(key)).disconnectSockets(true),
    async revokeOperator(operatorId) {
      operators.in(operatorRoom(operatorId)).disconnectSockets(true);
      await endRevoked(operatorId, []);
    },
    roleChanged(operatorId, role) {
      const sockets = operators.in(operatorRoom(operatorId));
      if (role === 'supervisor') sockets.socketsJoin(SUPERVISORS_ROOM);
      else sockets.socketsLeave(SUPERVISORS_ROOM);
      for (const socket of operators.sockets.values())
        if (socket.data.operatorId === operatorId) socket.data.role = role;
      notifier.schedule();
    },
    async close() {
      clearInterval(heartbeat);
      clearInterval(sweeper);
      clearInterval(rechecker);
      for (const timer of orphanTimers.values()) clearTimeout(timer);
      notifier.close();
      await Promise.all([...local.keys()].map((id) => deps.store.removeOperatorPresence(id).catch(() => {})));
      local.clear();
      // io.close() also closes the HTTP server; the caller waits for that and cuts idle connections.
      io.disconnectSockets(true);
      void io.close();
    },
  };
}
