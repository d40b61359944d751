/**
 * Queue admission an attacker cannot exhaust (docs/security.md), per process:
 * - open visitor sockets per client address are capped;
 * - `visitor:start` per client address is capped per window;
 * - the last places of the queue are reserved for visitors who say they are in danger.
 * The address is held only as an HMAC with a secret that never leaves this process, in counters
 * that are dropped when they reach zero or their window ends. Nothing here is logged or stored.
 * The caps are sized so that several honest visitors behind one shared address (a shelter, a
 * school, carrier NAT) still get in, while one address can hold only a small share of the queue.
 */
import { processAddressKey } from '../auth/address-keys';
import type { AdmissionSettings } from '../config';
import { createWindowCounters } from './window-counters';

export function createVisitorAdmission(settings: AdmissionSettings, now: () => number = Date.now) {
  const keyOf = processAddressKey();
  const openSockets = new Map<string, number>();
  const starts = createWindowCounters(now);

  return {
    /** The counter key for a client address bucket (auth/client-address.ts). */
    keyOf,
    /** Counts a socket in; false (nothing counted) when its address has too many open. */
    openSocket(addressKey: string): boolean {
      const open = openSockets.get(addressKey) ?? 0;
      if (open >= settings.socketsPerAddress) return false;
      openSockets.set(addressKey, open + 1);
      return true;
    },
    closeSocket(addressKey: string): void {
      const open = (openSockets.get(addressKey) ?? 1) - 1;
      if (open <= 0) openSockets.delete(addressKey);
      else openSockets.set(addressKey, open);
    },
    /** Counts a `visitor:start`; false when this address used its starts for the window. */
    mayStart(addressKey: string): boolean {
      return starts.take([{ key: addressKey, limit: settings.startsPerAddress }], settings.startWindowMs).ok;
    },
    /** Address keys held now (tests: nothing outlives its sockets and window). */
    held: () => ({ sockets: openSockets.size, starts: starts.size() }),
  };
}

/** The queue length up to which this visitor may join: the reserved places only for danger. */
export function queueLimitFor(
  inDanger: boolean,
  maxQueue: number,
  settings: Pick<AdmissionSettings, 'reservedInDanger'>,
) {
  return inDanger ? maxQueue : Math.max(1, maxQueue - settings.reservedInDanger);
}

export type VisitorAdmission = ReturnType<typeof createVisitorAdmission>;
