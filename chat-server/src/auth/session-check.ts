/**
 * Whether an operator session still stands: it exists, has not expired, and its account still
 * exists, is not disabled, and has the credential the session began with. A password change or
 * reset (`operator:add` on an existing account writes a new salted hash), a disabled or a
 * removed account therefore ends every session of that account at the next request or socket
 * event, in every process, with nothing to broadcast: the account store is the one truth.
 */
import { createHash } from 'node:crypto';
import type { AccountStore, ChatStore, OperatorAccount, OperatorSession } from '../chat/store/chat-store';

/** A fingerprint of the password hash (never the hash itself in the session record). */
export const credentialOf = (account: Pick<OperatorAccount, 'passwordHash'>) =>
  createHash('sha256').update(account.passwordHash).digest('base64url').slice(0, 22);

export async function liveSession(
  deps: { store: ChatStore; accounts: AccountStore },
  key: string,
): Promise<{ session: OperatorSession; account: OperatorAccount } | null> {
  const session = await deps.store.getSession(key);
  if (!session) return null;
  const account = await deps.accounts.get(session.operatorId);
  if (!account || account.disabled || session.credential !== credentialOf(account)) {
    // Revoked: delete it so it is not even looked at again.
    await deps.store.deleteSession(key).catch(() => {});
    return null;
  }
  return { session, account };
}
