/**
 * A chat store that fails on purpose, for tests only: the harness passes it to startChat in place
 * of the real store (memory or Redis), so production has no switch for it. Armed with an event
 * (`namespace` + name), it counts that event's store calls (including the operator's session
 * check and the work deferred after its acknowledgement) and makes call number `step` throw, or answer only after `delayMs` (past the event's
 * time limit). Calls outside that event (queue refreshes, heartbeat, sweeper, other events) pass.
 */
import { currentEvent } from '../../chat-server/src/chat/socket-events';
import type { ChatStore } from '../../chat-server/src/chat/store/chat-store';

export interface Fault {
  namespace: 'visitor' | 'operator';
  event: string;
  /** 0-based index of the store call that fails; Infinity = count only. */
  step: number;
  mode: 'throw' | 'slow';
  delayMs?: number;
}

export class InjectedFault extends Error {
  override name = 'InjectedFault';
}

export interface FaultyStore {
  store: ChatStore;
  arm(fault: Fault): void;
  disarm(): void;
  /** Methods called by the armed event so far, in order; `answered`: by its deferred work, after its acknowledgement. */
  readonly calls: { method: string; answered: boolean }[];
  /** Resolves once every delayed call has gone through to the real store. */
  settled(): Promise<void>;
}

export function faultyStore(real: ChatStore): FaultyStore {
  let fault: Fault | undefined;
  const calls: { method: string; answered: boolean }[] = [];
  const pending = new Set<Promise<unknown>>();
  const store = new Proxy(real, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      const call = (args: unknown[]) => (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
      return (...args: unknown[]) => {
        const event = currentEvent();
        if (!fault || !event || event.namespace !== fault.namespace || event.event !== fault.event) return call(args);
        const step = calls.push({ method: String(property), answered: event.answered }) - 1;
        if (step !== fault.step) return call(args);
        if (fault.mode === 'throw') return Promise.reject(new InjectedFault());
        const delayed = new Promise((resolve) => setTimeout(resolve, fault?.delayMs ?? 1_000)).then(() => call(args));
        pending.add(delayed);
        void delayed.catch(() => {}).finally(() => pending.delete(delayed));
        return delayed;
      };
    },
  });
  return {
    store,
    calls,
    arm(next) {
      fault = next;
      calls.length = 0;
    },
    disarm() {
      fault = undefined;
    },
    async settled() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}
