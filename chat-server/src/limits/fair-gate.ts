/**
 * A concurrency cap with fair queuing, for password checks: scrypt is CPU-bound, so a flood of
 * logins would otherwise queue up in libuv's thread pool and a staff login would wait behind all
 * of them. At most `concurrency` tasks run; waiting tasks are taken one per key in turn (round
 * robin over client addresses), so one address, however many requests it sends, gets its turn
 * like any other; the queue is bounded in all and per key, and what does not fit is refused at
 * once (the caller answers 429) instead of waiting. When a slot frees, the waiting key with the
 * fewest tasks running goes first (then the one waiting longest), so a staff login waits for at
 * most one running check, not behind a flood's own queue.
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
  const runningByKey = new Map<string, number>();
  /** Waiting starters per key; the Map's order is the round-robin order. */
  const waiting = new Map<string, (() => void)[]>();

  const began = (key: string) => runningByKey.set(key, (runningByKey.get(key) ?? 0) + 1);
  const ended = (key: string) => {
    const left = (runningByKey.get(key) ?? 1) - 1;
    if (left <= 0) runningByKey.delete(key);
    else runningByKey.set(key, left);
  };

  /** Starts the next waiter: the key with the fewest running tasks, oldest in turn first. */
  const next = () => {
    let chosen: string | undefined;
    for (const key of waiting.keys())
      if (chosen === undefined || (runningByKey.get(key) ?? 0) < (runningByKey.get(chosen) ?? 0)) chosen = key;
    if (chosen === undefined) return;
    const starters = waiting.get(chosen)!;
    const start = starters.shift()!;
    // The key goes to the back of the line, behind every other key waiting.
    waiting.delete(chosen);
    if (starters.length > 0) waiting.set(chosen, starters);
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
      began(key);
      try {
        return await task();
      } finally {
        ended(key);
        if (queued > 0) next();
        else running--;
      }
    },
    stats: () => ({ running, queued }),
  };
}

export type FairGate = ReturnType<typeof createFairGate>;
