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
  type ChatStatusResponse,
  type OperatorConversation,
} from '../protocol';
import { originAllowed } from '../auth/origin';
import { sessionIdFrom, sessionKey } from '../auth/sessions';
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
import { eventRouter } from './socket-events';
import { endConversation, queueFigures } from './conversation-steps';
import { visitorHandlers } from './visitor-handlers';
import { operatorHandlers, operatorView } from './operator-handlers';
import type { OperatorPresence } from './store/chat-store';

/** Presence lives this long in the store without a heartbeat (a dead process stops counting). */
export const PRESENCE_TTL_MS = 30_000;
const HEARTBEAT_MS = 10_000;
/** Socket.IO frames larger than this close the connection (a 2,000-character message is < 10 KB). */
const MAX_FRAME_BYTES = 256 * 1024;

export interface Chat {
  io: Server;
  status(): Promise<ChatStatusResponse>;
  /** Ends conversations of visitors gone longer than the resume window (also runs on a timer). */
  sweep(): Promise<void>;
  /** Disconnects every operator socket of a session (after logout). */
  disconnectSession(key: string): void;
  close(): Promise<void>;
}

export function attachChat(server: HttpServer, deps: ChatDeps): Chat {
  const io = new Server(server, {
    // Visitors get no cookie of any kind (Socket.IO's sticky-session cookie stays off).
    cookie: false,
    serveClient: false,
    maxHttpBufferSize: MAX_FRAME_BYTES,
    ...deps.cluster?.serverOptions,
  });
  const visitors = io.of('/visitor') as VisitorNamespace;
  const operators = io.of('/operator') as OperatorNamespace;
  const now = deps.now ?? Date.now;

  // Operators online in this process, by id, with their sockets; mirrored into the store.
  const local = new Map<string, { presence: OperatorPresence; sockets: Set<string> }>();
  const orphanTimers = new Map<string, NodeJS.Timeout>();
  const writePresence = (p: OperatorPresence) => deps.store.setOperatorPresence(p, PRESENCE_TTL_MS);

  const ctx: ChatContext = {
    ...deps,
    now,
    visitors,
    operators,
    relayed: () => deps.cluster?.flush() ?? Promise.resolve(),
    queueChanged: () => {
      notifier.schedule();
      cluster?.announce();
    },
    onlineOperators: () => deps.store.listOperatorPresence(),
  };
  const notifier = createQueueNotifier(ctx);
  // Other processes announce their changes; this one refreshes its own clients then.
  const cluster = deps.cluster?.link(io, {
    refreshLocal: () => notifier.schedule(),
    changed: () => ctx.queueChanged(),
    store: deps.store,
    resumeWindowMs: deps.settings.resumeWindowMs,
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
  visitors.on('connection', (socket) => {
    const handlers = visitorHandlers(ctx, socket);
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
      const session = await deps.store.getSession(key);
      const account = session ? await deps.accounts.get(session.operatorId) : null;
      if (!session || !account) return next(new Error('unauthorized'));
      socket.data = {
        operatorId: account.username,
        name: account.displayName,
        role: account.role,
        region: account.region,
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

  async function sweep() {
    const gone = await deps.store.listAwaySince(now() - deps.settings.resumeWindowMs);
    for (const id of gone) await endConversation(ctx, id, 'timeout');
  }
  const sweeper = setInterval(
    () => void sweep().catch(() => deps.logger.warn('chat.sweep-failed')),
    Math.min(5_000, Math.max(250, deps.settings.resumeWindowMs / 4)),
  );
  sweeper.unref();

  async function status(): Promise<ChatStatusResponse> {
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
    if (waiting >= deps.settings.maxQueue) return { open: false, reason: 'queue-full', ...base };
    return { open: true, ...base };
  }

  return {
    io,
    status,
    sweep,
    disconnectSession: (key) => operators.in(sessionRoom(key)).disconnectSockets(true),
    async close() {
      clearInterval(heartbeat);
      clearInterval(sweeper);
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
