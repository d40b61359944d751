/**
 * Where the chat's figures are kept (admin/chat-stats.ts says what they are): one set of counts
 * per Amsterdam day, a field per hour and metric, kept about 13 months (STATS_TTL_SECONDS), in
 * this process's memory or in Redis (stats-store-redis.ts). Handlers call `recordStats` only:
 * counting must never break a chat action, so a failure is a warning without details.
 */
import type { Logger } from '../logger';
import { STATS_TTL_SECONDS } from '../chat/store/redis-keys';
import { statsFields, type StatsEvent } from './chat-stats';

export interface StatsStore {
  /** Adds each field's increment to the day's counts. */
  add(day: string, fields: Readonly<Record<string, number>>): Promise<void>;
  /** The stored counts of these days (a day without counts is absent). */
  read(days: readonly string[]): Promise<Map<string, Record<string, number>>>;
}

/** Counts one event; never throws, never rejects. */
export async function recordStats(deps: { stats: StatsStore; logger: Logger }, event: StatsEvent): Promise<void> {
  try {
    const { day, fields } = statsFields(event);
    await deps.stats.add(day, fields);
  } catch {
    deps.logger.warn('stats.record-failed');
  }
}

/** The memory form: the newest STATS_TTL days are kept (a day's counts are a few hundred numbers at most). */
export function createMemoryStatsStore(options: { maxDays?: number } = {}): StatsStore {
  const maxDays = options.maxDays ?? Math.ceil(STATS_TTL_SECONDS / 86_400);
  const days = new Map<string, Map<string, number>>();
  return {
    async add(day, fields) {
      let counts = days.get(day);
      if (!counts) {
        days.set(day, (counts = new Map()));
        if (days.size > maxDays) {
          const oldest = [...days.keys()].sort().slice(0, days.size - maxDays);
          for (const key of oldest) days.delete(key);
        }
      }
      for (const [field, n] of Object.entries(fields)) counts.set(field, (counts.get(field) ?? 0) + n);
    },
    async read(wanted) {
      const found = new Map<string, Record<string, number>>();
      for (const day of wanted) {
        const counts = days.get(day);
        if (counts) found.set(day, Object.fromEntries(counts));
      }
      return found;
    },
  };
}
