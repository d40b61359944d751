/**
 * Revocation: operator sockets of a revoked account (password changed, account disabled or
 * removed, in this process or another) are cut off here, within OPERATOR_RECHECK_SECONDS even if
 * they send nothing; every event they send is refused at once anyway (operator-namespace.ts).
 * The same recheck carries a change of the account's languages into the presence (issue 14).
 */
import { liveSession } from '../auth/session-check';
import type { ChatContext, ChatDeps } from './chat-context';
import type { OperatorPresenceTracker } from './operator-presence';
import { accountLanguages } from './languages';
import type { OperatorRequeue } from './operator-requeue';

type Disconnectable = { disconnect(close: boolean): unknown };

export function createOperatorRevocation(
  ctx: ChatContext,
  deps: ChatDeps,
  presence: OperatorPresenceTracker,
  requeue: OperatorRequeue,
) {
  const { operators } = ctx;

  /**
   * Disconnects a revoked session's sockets. After a password reset the operator logs in again
   * and gets their conversations back; a removed or disabled account will not come back, so its
   * visitors go back to the queue now instead of after the resume window.
   */
  async function endRevoked(operatorId: string, sockets: Disconnectable[]) {
    for (const socket of sockets) socket.disconnect(true);
    deps.logger.info('operator.session-revoked');
    const account = await deps.accounts.get(operatorId);
    if (account && !account.disabled) return;
    // Every session of the account is revoked with it (disconnect handlers run at once).
    for (const socket of operators.sockets.values()) if (socket.data.operatorId === operatorId) socket.disconnect(true);
    await presence.removeNow(operatorId);
    await requeue.requeueNow(operatorId);
  }

  /** Every session with a socket in this process is checked; a dead one's sockets end. */
  async function recheckOperators() {
    const bySession = new Map<string, { operatorId: string; sockets: Disconnectable[] }>();
    for (const socket of operators.sockets.values()) {
      const entry = bySession.get(socket.data.sessionKey) ?? { operatorId: socket.data.operatorId, sockets: [] };
      entry.sockets.push(socket);
      bySession.set(socket.data.sessionKey, entry);
    }
    for (const [key, { operatorId, sockets }] of bySession) {
      const live = await liveSession(deps, key);
      if (!live) await endRevoked(operatorId, sockets);
      // Issue 14: a supervisor changed the account's languages: the queue follows within a recheck.
      else await presence.languagesChanged(operatorId, accountLanguages(live.account));
    }
  }

  const rechecker = setInterval(
    () => void recheckOperators().catch(() => deps.logger.warn('chat.operator-recheck-failed')),
    deps.settings.operatorRecheckMs,
  );
  rechecker.unref();

  return { endRevoked, close: () => clearInterval(rechecker) };
}
