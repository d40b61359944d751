/**
 * Counters keyed by client address never hold the address itself: they hold an HMAC of it.
 * Two kinds of secret, for two kinds of counter:
 * - visitor counters stay in this process's memory, keyed with a secret that lives only in this
 *   process (`processAddressKey`): a victim's address never leaves the process, not even hashed;
 * - login counters must be shared by every process (an attacker is not sticky), so they are keyed
 *   with a secret shared through the store (`sharedAddressKeys`), rotated daily by its TTL.
 */
import { createHmac, randomBytes } from 'node:crypto';

export type AddressKey = (text: string) => string;

const hmac = (secret: Buffer | string, text: string) =>
  createHmac('sha256', secret).update(text).digest('base64url').slice(0, 22);

export function processAddressKey(): AddressKey {
  const secret = randomBytes(32);
  return (text) => hmac(secret, text);
}

/** Keys with the store's shared secret, fetched at most once a minute. */
export function sharedAddressKeys(secret: () => Promise<string>, now: () => number = Date.now) {
  let cached: { value: string; until: number } | undefined;
  return async (): Promise<AddressKey> => {
    if (!cached || cached.until <= now()) cached = { value: await secret(), until: now() + 60_000 };
    const value = cached.value;
    return (text) => hmac(value, text);
  };
}
