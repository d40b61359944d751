/**
 * Per-socket token bucket: `burst` events at once, refilled at `perSecond`. Kept in the socket's
 * own memory (a socket lives on one process), so it needs no store round trip.
 */
export interface RateLimit {
  burst: number;
  perSecond: number;
}

export function tokenBucket(limit: RateLimit, now: () => number = Date.now): () => boolean {
  let tokens = limit.burst;
  let last = now();
  return () => {
    const t = now();
    tokens = Math.min(limit.burst, tokens + ((t - last) / 1000) * limit.perSecond);
    last = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}
