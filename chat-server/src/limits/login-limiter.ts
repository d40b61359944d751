/**
 * Login limits that hold under parallel attack (docs/security.md):
 * - an attempt is COUNTED BEFORE its password is checked, atomically in the store, so N parallel
 *   guesses cost at most the limit, never N checks;
 * - the lockout is keyed by account AND client address, so a stranger elsewhere cannot lock the
 *   owner out; a second counter per address across accounts stops password spraying;
 * - a successful login clears its account+address counter and gives its address step back, so
 *   colleagues behind one office address do not use up each other's logins;
 * - with two-factor login a code is counted like a password: a wrong or replayed code counts,
 *   a right password without a code (the console then asks for it) is given back;
 * - the password checks run behind a fair gate (fair-gate.ts), so a flood cannot starve staff.
 */
import { sharedAddressKeys } from '../auth/address-keys';
import type { ChatSettings } from '../config';
import type { ChatStore } from '../chat/store/chat-store';
import { createFairGate, GateFull } from './fair-gate';

export type LoginAdmission =
  | {
      ok: true;
      check: <T>(verify: () => Promise<T>) => Promise<T>;
      succeeded: () => Promise<void>;
      /** Gives the attempt back: it guessed nothing (the password was right, a code is still to come). */
      released: () => Promise<void>;
    }
  | { ok: false; retryAfterMs: number };

/** Retry-After when the password-check queue is full: the queue drains within a second or two. */
export const GATE_FULL_RETRY_MS = 1_000;

export function createLoginLimiter(
  store: ChatStore,
  settings: Pick<ChatSettings, 'loginMaxFailures' | 'lockoutMs' | 'login'>,
) {
  const addressKeys = sharedAddressKeys(() => store.addressSecret());
  const gate = createFairGate({
    concurrency: settings.login.hashConcurrency,
    maxQueued: settings.login.hashQueue,
    maxQueuedPerKey: settings.login.hashQueuePerAddress,
  });

  return {
    async admit(username: string, addressBucket: string): Promise<LoginAdmission> {
      const key = await addressKeys();
      const addressCounter = `address:${key(addressBucket)}`;
      const accountCounter = `account:${key(`${username}\n${addressBucket}`)}`;
      const taken = await store.takeAttempt(
        [
          { key: accountCounter, limit: settings.loginMaxFailures },
          { key: addressCounter, limit: settings.login.maxFailuresPerAddress },
        ],
        settings.lockoutMs,
      );
      if (!taken.ok) return taken;
      const giveBack = () => Promise.all([store.returnAttempt(accountCounter), store.returnAttempt(addressCounter)]);
      return {
        ok: true,
        async check(verify) {
          try {
            return await gate.run(addressCounter, verify);
          } catch (error) {
            // Refused before any check: this attempt guessed nothing, so it costs nothing.
            if (error instanceof GateFull) await giveBack().catch(() => {});
            throw error;
          }
        },
        async succeeded() {
          await Promise.all([store.clearAttempts(accountCounter), store.returnAttempt(addressCounter)]);
        },
        async released() {
          await giveBack();
        },
      };
    },
    gateStats: gate.stats,
  };
}

export type LoginLimiter = ReturnType<typeof createLoginLimiter>;
export { GateFull };
