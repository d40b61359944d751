/**
 * The `/visitor` namespace: the admission check before a socket connects (origin, sockets per
 * address), resume by token, and the visitor's events (docs/chat-protocol.md).
 */
import { emptySchema, visitorSendSchema, visitorStartSchema, visitorTypingSchema } from '../protocol';
import { clientBucket } from '../auth/client-address';
import { originAllowedBy } from '../auth/origin';
import { createVisitorAdmission } from '../limits/visitor-admission';
import type { ChatContext, ChatDeps } from './chat-context';
import { tokenBucket } from './rate-limit';
import { eventRouter } from './socket-events';
import { visitorHandlers } from './visitor-handlers';

/** `deps` is read at each event for the time limit (tests change it on a running chat). */
export function wireVisitorNamespace(ctx: ChatContext, deps: ChatDeps) {
  const { visitors, now } = ctx;
  const admission = createVisitorAdmission(ctx.settings.admission, now);
  // The address key stays in this process's memory, never in socket.data (which connection
  // state recovery copies into Redis).
  const addressKeys = new WeakMap<object, string>();
  visitors.use((socket, next) => {
    const visitorOrigin = { publicOrigin: ctx.publicOrigin, allowed: ctx.allowedOrigins ?? [], allowMissing: true };
    if (!originAllowedBy(socket.handshake.headers, visitorOrigin)) return next(new Error('forbidden'));
    const key = admission.keyOf(clientBucket(socket.request, ctx.trustProxy ?? 0));
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
      allow: tokenBucket(ctx.settings.rateLimit, now),
      logger: ctx.logger,
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
      void ready.then(() => handlers.disconnected()).catch(() => ctx.logger.warn('chat.visitor-away-failed'));
    });
  });

  return { admissionHeld: () => admission.held() };
}
