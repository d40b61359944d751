/**
 * Whether an operator session still stands: it exists, has not expired, and its account still
 * exists, is not disabled, and has the credential the session began with. A password change or
 * reset (`operator:add` on an existing account writes a new salted hash), a disabled or a
 * removed account therefore ends every session of that account at the next request or socket
 * event, in every process, with nothing to broadcast: the account store is the one truth.
 */
import { createHash } from 'node:crypto';
import type { AccountStore, ChatStore, OperatorAccount, OperatorSession } from '../chat/store/chat-store';

/**
 * A fingerprint of the password hash (never the hash itself in the session record) and of the
 * account's session generation (raised when a supervisor turns two-factor login off). Without a
 * generation it is the fingerprint of the hash alone, as before that addition.
 */
export const credentialOf = (account: Pick<OperatorAccount, 'passwordHash' | 'sessionGeneration'>) =>
  createHash('sha256')
    .update(account.passwordHash)
    .update(account.sessionGeneration ? `\n${account.sessionGeneration}` : '')
    .digest('base64url')
    .slice(0, 22);

/**
 * What a live session must do before anything else, if anything: change a temporary password,
 * or (with OPERATOR_REQUIRE_2FA) set up two-factor login. The routes answer 403 with this code
 * and `/operator` refuses the socket with it (docs/chat-protocol.md "Accounts").
 */
export function firstStepOf(
  account: Pick<OperatorAccount, 'mustChangePassword' | 'twoFactor'>,
  settings: { requireTwoFactor: boolean },
): 'password-change-required' | '2fa-setup-required' | null {
  if (account.mustChangePassword) return 'password-change-required';
  if (settings.requireTwoFactor && !account.twoFactor) return '2fa-setup-required';
  return null;
}

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
