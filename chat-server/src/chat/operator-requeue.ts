/**
 * Operator liveness through the store, the same with one process (memory) and several (Redis):
 * an operator without a socket on any process is marked gone in the store (at their last
 * disconnect, operator-presence.ts; or here, for a holder without presence, whose process died);
 * one sweeper, on every process, puts the conversations of an operator gone longer than the
 * resume window back in the queue. A mark is cleared when the operator connects again.
 *
 * Every step is idempotent and safe on every process at once: `requeue` is atomic and only moves
 * a conversation the operator still holds.
 */
import type { ChatContext } from './chat-context';
import { visitorRoom } from './chat-context';
import { queueFigures } from './conversation-steps';
import type { ChatStore, OperatorPresence } from './store/chat-store';

/** How often the sweeper looks: a quarter of the resume window, between 250 ms and 5 s. */
export const requeueSweepEveryMs = (resumeWindowMs: number) => Math.min(5_000, Math.max(250, resumeWindowMs / 4));

export type OperatorRequeue = ReturnType<typeof createOperatorRequeue>;

/** `store` is the chat's own store (never cancelled with an event). */
export function createOperatorRequeue(ctx: ChatContext, store: ChatStore) {
  /** Puts an operator's conversations back in the queue, unless they have presence again. */
  async function requeueHeld(operatorId: string, online?: OperatorPresence[]) {
    const present = online ?? (await store.listOperatorPresence());
    if (present.some((p) => p.operatorId === operatorId)) return;
    let moved = 0;
    for (const id of await store.listHeldBy(operatorId)) {
      const back = await store.requeue(id, operatorId);
      if (!back) continue;
      moved++;
      ctx.visitors.to(visitorRoom(id)).emit('queue:updated', await queueFigures(ctx, id));
    }
    await store.clearOperatorGone(operatorId);
    if (moved === 0) return;
    ctx.logger.info('chat.requeued-after-operator-left', { conversations: moved });
    ctx.queueChanged();
  }

  async function sweep() {
    const t = ctx.now();
    const online = await store.listOperatorPresence();
    const present = new Set(online.map((p) => p.operatorId));
    // A process that died took its disconnect handlers with it: its operators' presence
    // expires (PRESENCE_TTL_MS) and they are marked here, from now.
    for (const id of await store.listHolders()) if (!present.has(id)) await store.markOperatorGone(id, t);
    // A mark left from a moment without presence (a store outage) must not shorten a later window.
    for (const id of await store.listOperatorsGoneSince(Infinity))
      if (present.has(id)) await store.clearOperatorGone(id);
    for (const id of await store.listOperatorsGoneSince(t - ctx.settings.resumeWindowMs)) await requeueHeld(id, online);
  }

  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    sweep()
      .catch(() => ctx.logger.warn('chat.requeue-failed'))
      .finally(() => (running = false));
  }, requeueSweepEveryMs(ctx.settings.resumeWindowMs));
  timer.unref();

  return {
    sweep,
    /** The operator will not come back (account disabled or removed): their visitors go back now. */
    requeueNow: (operatorId: string) => requeueHeld(operatorId),
    close: () => clearInterval(timer),
  };
}
