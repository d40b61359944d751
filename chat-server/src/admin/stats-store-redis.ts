/**
 * The chat's figures in Redis (key `hourlyStats` in store/redis-keys.ts): one hash per Amsterdam
 * day, every count an atomic HINCRBY (several processes count at once), the key expiring
 * STATS_TTL_SECONDS after its last change.
 */
import type { RedisClient } from '../chat/store/redis-store';
import { STATS_TTL_SECONDS, redisKeys } from '../chat/store/redis-keys';
import type { StatsStore } from './stats-store';

export function createRedisStatsStore(client: RedisClient, options: { prefix?: string } = {}): StatsStore {
  const keys = redisKeys(options.prefix);
  return {
    async add(day, fields) {
      const key = keys.hourlyStats(day);
      const multi = client.multi();
      for (const [field, n] of Object.entries(fields)) multi.hIncrBy(key, field, n);
      await multi.expire(key, STATS_TTL_SECONDS).exec();
    },
    async read(days) {
      const found = new Map<string, Record<string, number>>();
      if (days.length === 0) return found;
      const multi = client.multi();
      for (const day of days) multi.hGetAll(keys.hourlyStats(day));
      const hashes = (await multi.exec()) as unknown as Record<string, string>[];
      hashes.forEach((hash, i) => {
        const entries = Object.entries(hash ?? {});
        if (entries.length) found.set(days[i]!, Object.fromEntries(entries.map(([f, v]) => [f, Number(v)])));
      });
      return found;
    },
  };
}
