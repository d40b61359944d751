/**
 * The idle sweeper: ends conversations whose visitor is gone, on a timer and on demand (tests).
 */
import type { ChatContext } from './chat-context';
import { endConversation } from './conversation-steps';

export function createIdleSweeper(ctx: ChatContext) {
  /**
   * Ends conversations whose visitor is gone: after the resume window; or, for a conversation no
   * operator ever accepted, after the much shorter unaccepted window, so abandoned (or scripted)
   * queue places free up in a minute or two instead of ten.
   */
  async function sweep() {
    const t = ctx.now();
    const { resumeWindowMs } = ctx.settings;
    const unacceptedMs = Math.min(ctx.settings.admission.unacceptedAwayMs, resumeWindowMs);
    for (const id of await ctx.store.listAwaySince(t - unacceptedMs)) {
      const c = await ctx.store.getConversation(id);
      if (!c || c.status === 'ended' || c.visitorAwaySince === undefined) continue;
      const pastWindow = c.visitorAwaySince < t - resumeWindowMs;
      const neverAccepted = c.status === 'queued' && c.firstAcceptedAt === undefined;
      if (pastWindow || neverAccepted) await endConversation(ctx, id, 'timeout');
    }
  }
  const shortestWindowMs = Math.min(ctx.settings.resumeWindowMs, ctx.settings.admission.unacceptedAwayMs);
  const timer = setInterval(
    () => void sweep().catch(() => ctx.logger.warn('chat.sweep-failed')),
    Math.min(5_000, Math.max(250, shortestWindowMs / 4)),
  );
  timer.unref();
  return { sweep, close: () => clearInterval(timer) };
}
