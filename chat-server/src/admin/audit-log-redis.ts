/**
 * The audit log in Redis (key `audit` in store/redis-keys.ts), shared by every process: a stream
 * whose ids are times, so trimming by age is one `MINID` at every append; `MAXLEN` caps it too,
 * and the key expires after the retention when nothing is appended any more.
 */
import { AUDIT_ACTIONS, type AuditAction, type AuditEntry } from '../protocol';
import type { RedisClient } from '../chat/store/redis-store';
import { redisKeys } from '../chat/store/redis-keys';
import { AUDIT_MAX_ENTRIES, type AuditLog } from './audit-log';

const known = new Set<string>(AUDIT_ACTIONS);

export function createRedisAuditLog(
  client: RedisClient,
  options: { prefix?: string; retentionMs: number; now?: () => number },
): AuditLog {
  const key = redisKeys(options.prefix).audit;
  const now = options.now ?? Date.now;
  return {
    async append(entry) {
      const fields: Record<string, string> = { at: entry.at, actor: entry.actor, action: entry.action };
      if (entry.target !== undefined) fields.target = entry.target;
      if (entry.fields?.length) fields.fields = entry.fields.join(',');
      if (entry.to !== undefined) fields.to = entry.to;
      const oldest = Math.max(0, Math.floor(now() - options.retentionMs));
      await client
        .multi()
        .xAdd(key, '*', fields, { TRIM: { strategy: 'MAXLEN', strategyModifier: '~', threshold: AUDIT_MAX_ENTRIES } })
        .xTrim(key, 'MINID', oldest)
        .pExpire(key, Math.max(1, Math.ceil(options.retentionMs)))
        .exec();
    },
    async list(limit) {
      const oldest = now() - options.retentionMs;
      const rows = await client.xRevRange(key, '+', '-', { COUNT: limit });
      const entries: AuditEntry[] = [];
      for (const { message } of rows ?? []) {
        const m = message as Record<string, string>;
        if (!m.at || !m.actor || !known.has(m.action ?? '') || Date.parse(m.at) < oldest) continue;
        entries.push({
          at: m.at,
          actor: m.actor,
          action: m.action as AuditAction,
          ...(m.target !== undefined ? { target: m.target } : {}),
          ...(m.fields ? { fields: m.fields.split(',') } : {}),
          ...(m.to !== undefined ? { to: m.to } : {}),
        });
      }
      return entries;
    },
  };
}
