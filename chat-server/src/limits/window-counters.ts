/**
 * Counters that forget themselves: each counts up to a limit and is dropped `windowMs` after
 * its last counted step. The memory store's login attempts and the per-process visitor limits
 * use it; the Redis store does the same in one Lua script (redis-scripts.ts TAKE_ATTEMPT).
 * Every method runs without awaiting, so check-and-count is atomic within the process.
 */
export type TakeResult = { ok: true } | { ok: false; retryAfterMs: number };

export function createWindowCounters(now: () => number = Date.now) {
  const counts = new Map<string, { count: number; expiresAt: number }>();
  const live = (key: string) => {
    const entry = counts.get(key);
    if (entry && entry.expiresAt <= now()) {
      counts.delete(key);
      return undefined;
    }
    return entry;
  };
  // Expired entries are otherwise dropped only when read again: sweep now and then.
  let takes = 0;
  const sweep = () => {
    const t = now();
    for (const [key, entry] of counts) if (entry.expiresAt <= t) counts.delete(key);
  };

  return {
    /** Counts one step on every key, unless any is at its limit (then none is counted). */
    take(counters: { key: string; limit: number }[], windowMs: number): TakeResult {
      if (++takes % 1000 === 0) sweep();
      let waitMs = 0;
      for (const { key, limit } of counters) {
        const entry = live(key);
        if (entry && entry.count >= limit) waitMs = Math.max(waitMs, entry.expiresAt - now());
      }
      if (waitMs > 0) return { ok: false, retryAfterMs: waitMs };
      for (const { key } of counters) {
        const entry = live(key);
        counts.set(key, { count: (entry?.count ?? 0) + 1, expiresAt: now() + windowMs });
      }
      return { ok: true };
    },
    /** Gives one step back. */
    giveBack(key: string): void {
      const entry = live(key);
      if (!entry) return;
      if (entry.count <= 1) counts.delete(key);
      else entry.count--;
    },
    clear(key: string): void {
      counts.delete(key);
    },
    count(key: string): number {
      return live(key)?.count ?? 0;
    },
    /** How many keys are held (for tests: nothing is kept past its window). */
    size(): number {
      sweep();
      return counts.size;
    },
  };
}

export type WindowCounters = ReturnType<typeof createWindowCounters>;
