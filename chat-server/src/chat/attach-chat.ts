/**
 * Wires the chat onto an HTTP server: Socket.IO with the `/visitor` and `/operator` namespaces
 * (docs/chat-protocol.md). Each job lives in its own module; this file only composes them:
 * visitor-namespace.ts, operator-namespace.ts, operator-presence.ts (presence, heartbeat),
 * operator-requeue.ts (the visitors of an operator gone past the resume window go back to the
 * queue), operator-revocation.ts, idle-sweeper.ts (visitors gone past the resume window),
 * resend-held.ts (an operator's resume) and chat-status.ts.
 */
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { ChatStatusQuery, ChatStatusResponse } from '../protocol';
import {
  operatorRoom,
  sessionRoom,
  SUPERVISORS_ROOM,
  type ChatContext,
  type ChatDeps,
  type OperatorNamespace,
  type OperatorSocketData,
  type VisitorNamespace,
} from './chat-context';
import { chatStatus } from './chat-status';
import { announcePresence } from './conversation-steps';
import { createIdleSweeper } from './idle-sweeper';
import { wireOperatorNamespace } from './operator-namespace';
import { createOperatorPresence } from './operator-presence';
import { createOperatorRequeue } from './operator-requeue';
import { createOperatorRevocation } from './operator-revocation';
import { createQueueNotifier } from './queue-notifier';
import { guardedStore, outsideEvent } from './socket-events';
import { wireVisitorNamespace } from './visitor-namespace';

/** Socket.IO frames larger than this close the connection (a 2,000-character message is < 10 KB). */
const MAX_FRAME_BYTES = 256 * 1024;

export interface Chat {
  io: Server;
  /**
   * Addition (issue 14): `query` with `lang`, `region` or `municipality` (chat-status.ts); throws
   * UnknownPlaceError for a region or municipality that does not exist.
   */
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
    store: deps.store,
    resumeWindowMs: deps.settings.resumeWindowMs,
    presenceChanged: (id, present, since) =>
      void deps.store
        .getConversation(id)
        .then((c) => c && announcePresence(ctx, c, present, since))
        .catch(() => deps.logger.warn('chat.presence-announce-failed')),
  });

  const presence = createOperatorPresence(ctx, deps, () => notifier.schedule());
  const requeue = createOperatorRequeue(ctx, deps.store);
  const revocation = createOperatorRevocation(ctx, deps, presence, requeue);
  const sweeper = createIdleSweeper(ctx);
  const visitorSide = wireVisitorNamespace(ctx, deps);
  wireOperatorNamespace(ctx, deps, { presence, endRevoked: revocation.endRevoked });

  return {
    io,
    status: (query) => chatStatus(deps, new Date(now()), query),
    sweep: sweeper.sweep,
    admissionHeld: visitorSide.admissionHeld,
    disconnectSession: (key) => operators.in(sessionRoom(key)).disconnectSockets(true),
    async revokeOperator(operatorId) {
      operators.in(operatorRoom(operatorId)).disconnectSockets(true);
      await revocation.endRevoked(operatorId, []);
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
      sweeper.close();
      revocation.close();
      requeue.close();
      notifier.close();
      await presence.close();
      // io.close() also closes the HTTP server; the caller waits for that and cuts idle connections.
      io.disconnectSockets(true);
      void io.close();
    },
  };
}
