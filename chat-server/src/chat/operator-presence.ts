/**
 * Operator presence: who is online in this process (by id, with their sockets), mirrored into
 * the store with a heartbeat so every process sees them; the bookkeeping at connect and
 * disconnect. An operator whose last socket went is marked gone in the store; if they do not
 * come back, operator-requeue.ts puts their visitors back in the queue.
 *
 * A reload keeps the place: when the last socket goes while the session is still valid, the
 * presence stays in the store for OPERATOR_RECONNECT_GRACE_SECONDS, marked `reconnectingSince`
 * (no heartbeat, so it expires by itself after the grace, on any store). Meanwhile the operator
 * keeps their conversations but is not available for new work (operator-availability.ts): no visitor
 * is counted on them, colleagues see them as reconnecting, no transfer goes to them. A socket of
 * the same session back within the grace, on any process, takes the status they had; after it,
 * or with a new login (another session: perhaps someone else at that desk), they start away.
 */
import { createHash } from 'node:crypto';
import { liveSession } from '../auth/session-check';
import { operatorRoom, type ChatContext, type ChatDeps, type OperatorSocketData } from './chat-context';
import type { OperatorPresenceControl } from './operator-handlers';
import type { OperatorPresence } from './store/chat-store';
import type { Lang } from '../protocol';
import { presenceLanguages } from './languages';

const sameLanguages = (a: readonly Lang[], b: readonly Lang[]) =>
  a.length === b.length && a.every((lang) => b.includes(lang));

/** Presence lives this long in the store without a heartbeat (a dead process stops counting). */
export const PRESENCE_TTL_MS = 30_000;
const HEARTBEAT_MS = 10_000;

export type OperatorPresenceTracker = ReturnType<typeof createOperatorPresence>;

/** Which session a presence belongs to, without the session key itself (that names the session in the store). */
const sessionTag = (sessionKey: string) => createHash('sha256').update(sessionKey).digest('base64url').slice(0, 22);

/**
 * `deps.store` is the chat's own store, not the handlers' guarded view: presence writes must
 * stand even when the event that caused them ran out of time.
 * `refresh` refreshes this process's snapshots and figures (an operator came or went).
 */
export function createOperatorPresence(ctx: ChatContext, deps: ChatDeps, refresh: () => void) {
  const { store } = deps;
  const local = new Map<string, { presence: OperatorPresence; sockets: Set<string>; restored: Promise<void> }>();
  const writePresence = (p: OperatorPresence) => store.setOperatorPresence(p, PRESENCE_TTL_MS);
  const warn = () => ctx.logger.warn('chat.presence-failed');

  const heartbeat = setInterval(() => {
    for (const { presence } of local.values()) writePresence(presence).catch(warn);
  }, HEARTBEAT_MS);
  heartbeat.unref();

  /**
   * No socket of the operator is left here. The resume window runs from `at`: an operator who
   * does not come back within it gets their visitors put back in the queue (operator-requeue.ts).
   * With `graceMs`, the presence stays that long, marked reconnecting. The mark follows the
   * presence write, so a sweeper never sees the mark next to a live presence (it would clear it
   * as stale). Nothing is written once the operator is back here in the meantime.
   */
  const gone = async (presence: OperatorPresence, at: number, graceMs: number) => {
    if (local.has(presence.operatorId)) return;
    if (graceMs > 0) await store.setOperatorPresence({ ...presence, reconnectingSince: at }, graceMs);
    else await store.removeOperatorPresence(presence.operatorId);
    if (local.has(presence.operatorId)) return;
    await store.markOperatorGone(presence.operatorId, at);
  };

  /**
   * The status to start with: the one kept in the store for this session (a reload within the
   * grace, or a tab on another process), else away.
   */
  async function restore(presence: OperatorPresence) {
    const kept = (await store.listOperatorPresence()).find((p) => p.operatorId === presence.operatorId);
    // Nobody is offered work before they say they are ready.
    presence.status = kept && kept.session === presence.session ? kept.status : 'away';
    await store.clearOperatorGone(presence.operatorId);
    await writePresence(presence);
  }

  const control: OperatorPresenceControl = {
    async setStatus(operator, status) {
      const entry = local.get(operator.operatorId);
      if (!entry) return;
      entry.presence.status = status;
      await writePresence(entry.presence);
      // Every console of the operator (other tabs, other processes) shows the same status.
      ctx.operators.to(operatorRoom(operator.operatorId)).emit('operator:state', { status });
    },
  };

  return {
    control,
    /** The operator's status as this process holds it (after `connected` resolved). */
    statusOf: (operatorId: string) => local.get(operatorId)?.presence.status ?? 'away',
    /** A socket of this operator connected here; resolves once their presence is written. */
    connected(me: OperatorSocketData, socketId: string): Promise<void> {
      let entry = local.get(me.operatorId);
      if (!entry) {
        const presence: OperatorPresence = {
          operatorId: me.operatorId,
          name: me.name,
          role: me.role,
          region: me.region,
          languages: me.languages,
          status: 'away',
          capacity: ctx.settings.capacity,
          session: sessionTag(me.sessionKey),
        };
        entry = { presence, sockets: new Set(), restored: restore(presence).catch(warn) };
        local.set(me.operatorId, entry);
      } else entry.presence.session = sessionTag(me.sessionKey);
      entry.sockets.add(socketId);
      const ready = entry.restored;
      void ready.then(refresh);
      return ready;
    },
    /**
     * A socket went; with the operator's last one here, their presence goes too: after the
     * grace if their session is still valid (a reload, a dropped connection), at once otherwise
     * (logout, a revoked account, an expired session).
     */
    disconnected(me: OperatorSocketData, socketId: string) {
      const current = local.get(me.operatorId);
      if (!current) return;
      current.sockets.delete(socketId);
      if (current.sockets.size > 0) return;
      local.delete(me.operatorId);
      const at = ctx.now();
      const graceMs = ctx.settings.operatorReconnectGraceMs;
      void (graceMs > 0 ? liveSession(deps, me.sessionKey).then(Boolean) : Promise.resolve(false))
        .catch(() => false)
        // The grace is for this socket's session: its reload finds the status again.
        .then((live) => gone({ ...current.presence, session: sessionTag(me.sessionKey) }, at, live ? graceMs : 0))
        .catch(warn)
        .finally(refresh);
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
    /** Shutting down: the operators of this process reconnect elsewhere (or to its successor) within the grace. */
    async close() {
      clearInterval(heartbeat);
      const at = ctx.now();
      const entries = [...local.values()];
      local.clear();
      await Promise.all(
        entries.map((e) => gone(e.presence, at, ctx.settings.operatorReconnectGraceMs).catch(() => {})),
      );
    },
  };
}
