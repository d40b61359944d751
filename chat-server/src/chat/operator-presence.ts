/**
 * Operator presence: who is online in this process (by id, with their sockets), mirrored into
 * the store with a heartbeat so every process sees them; the bookkeeping at connect and
 * disconnect. An operator whose last socket went is marked gone in the store; if they do not
 * come back, operator-requeue.ts puts their visitors back in the queue.
 */
import type { ChatContext, OperatorSocketData } from './chat-context';
import type { OperatorPresenceControl } from './operator-handlers';
import type { ChatStore, OperatorPresence } from './store/chat-store';
import type { Lang } from '../protocol';
import { presenceLanguages } from './languages';

const sameLanguages = (a: readonly Lang[], b: readonly Lang[]) =>
  a.length === b.length && a.every((lang) => b.includes(lang));

/** Presence lives this long in the store without a heartbeat (a dead process stops counting). */
export const PRESENCE_TTL_MS = 30_000;
const HEARTBEAT_MS = 10_000;

export type OperatorPresenceTracker = ReturnType<typeof createOperatorPresence>;

/**
 * `store` is the chat's own store, not the handlers' guarded view: presence writes must stand
 * even when the event that caused them ran out of time.
 * `refresh` refreshes this process's snapshots and figures (an operator came or went).
 */
export function createOperatorPresence(ctx: ChatContext, store: ChatStore, refresh: () => void) {
  const local = new Map<string, { presence: OperatorPresence; sockets: Set<string> }>();
  const writePresence = (p: OperatorPresence) => store.setOperatorPresence(p, PRESENCE_TTL_MS);
  const warn = () => ctx.logger.warn('chat.presence-failed');

  const heartbeat = setInterval(() => {
    for (const { presence } of local.values()) writePresence(presence).catch(warn);
  }, HEARTBEAT_MS);
  heartbeat.unref();

  /**
   * No socket of the operator is left here. The resume window runs from `at`: an operator who
   * does not come back within it gets their visitors put back in the queue (operator-requeue.ts).
   * The mark follows the removal, so a sweeper never sees the mark next to a presence (it would
   * clear it as stale).
   */
  const gone = async (operatorId: string, at: number) => {
    await store.removeOperatorPresence(operatorId);
    await store.markOperatorGone(operatorId, at);
  };

  const control: OperatorPresenceControl = {
    async setStatus(operator, status) {
      const entry = local.get(operator.operatorId);
      if (!entry) return;
      entry.presence.status = status;
      await writePresence(entry.presence);
    },
  };

  return {
    control,
    /** A socket of this operator connected here; resolves once their presence is written. */
    connected(me: OperatorSocketData, socketId: string): Promise<void> {
      store.clearOperatorGone(me.operatorId).catch(warn);
      let entry = local.get(me.operatorId);
      if (!entry) {
        entry = {
          presence: {
            operatorId: me.operatorId,
            name: me.name,
            role: me.role,
            region: me.region,
            languages: me.languages,
            // Nobody is offered work before they say they are ready.
            status: 'away',
            capacity: ctx.settings.capacity,
          },
          sockets: new Set(),
        };
        local.set(me.operatorId, entry);
      }
      entry.sockets.add(socketId);
      const ready = writePresence(entry.presence).catch(warn);
      refresh();
      return ready;
    },
    /** A socket went; with the operator's last one here, their presence goes too. */
    disconnected(me: OperatorSocketData, socketId: string) {
      const current = local.get(me.operatorId);
      if (!current) return;
      current.sockets.delete(socketId);
      if (current.sockets.size > 0) return;
      local.delete(me.operatorId);
      gone(me.operatorId, ctx.now()).catch(warn);
      refresh();
    },
    /**
     * Issue 14: the account's languages changed (seen by the periodic session recheck,
     * operator-revocation.ts): this process's presence and sockets of the operator follow, and
     * every process refreshes its visitors' `languageServed`.
     */
    async languagesChanged(operatorId: string, languages: Lang[]) {
      const entry = local.get(operatorId);
      if (!entry || sameLanguages(presenceLanguages(entry.presence), languages)) return;
      entry.presence.languages = [...languages];
      for (const socket of ctx.operators.sockets.values())
        if (socket.data.operatorId === operatorId) socket.data.languages = [...languages];
      await writePresence(entry.presence);
      ctx.queueChanged();
    },
    /** The operator will not come back (account disabled or removed): their presence goes now. */
    removeNow: (operatorId: string) => store.removeOperatorPresence(operatorId),
    async close() {
      clearInterval(heartbeat);
      const at = ctx.now();
      await Promise.all([...local.keys()].map((id) => gone(id, at).catch(() => {})));
      local.clear();
    },
  };
}
