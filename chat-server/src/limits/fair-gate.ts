/**
 * A concurrency cap with fair queuing, for password checks: scrypt is CPU-bound, so a flood of
 * logins would otherwise queue up in libuv's thread pool and a staff login would wait behind all
 * of them. At most `concurrency` tasks run; waiting tasks are taken one per key in turn (round
 * robin over client addresses), so one address, however many requests it sends, gets its turn
 * like any other; the queue is bounded in all and per key, and what does not fit is refused at
 * once (the caller answers 429) instead of waiting.
 */
export class GateFull extends Error {
  constructor() {
    super('gate full');
    this.name = 'GateFull';
  }
}

export interface FairGateOptions {
  concurrency: number;
  /** Waiting tasks in all. */
  maxQueued: number;
  /** Waiting tasks per key. */
  maxQueuedPerKey: number;
}

export function createFairGate(options: FairGateOptions) {
  let running = 0;
  let queued = 0;
  /** Waiting starters per key; the Map's order is the round-robin order. */
  const waiting = new Map<string, (() => void)[]>();

  const next = () => {
    const first = waiting.entries().next();
    if (first.done) return;
    const [key, starters] = first.value;
    const start = starters.shift()!;
    // The key goes to the back of the line, behind every other key waiting.
    waiting.delete(key);
    if (starters.length > 0) waiting.set(key, starters);
    queued--;
    start();
  };

  return {
    async run<T>(key: string, task: () => Promise<T>): Promise<T> {
      if (running >= options.concurrency) {
        const mine = waiting.get(key) ?? [];
        if (queued >= options.maxQueued || mine.length >= options.maxQueuedPerKey) throw new GateFull();
        await new Promise<void>((resolve) => {
          mine.push(resolve);
          waiting.set(key, mine);
          queued++;
        });
      } else running++;
      // A started waiter inherits the slot of the task that ended (running stays the same).
      try {
        return await task();
      } finally {
        if (queued > 0) next();
        else running--;
      }
    },
    stats: () => ({ running, queued }),
  };
}

export type FairGate = ReturnType<typeof createFairGate>;
