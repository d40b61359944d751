/**
 * Builds the chat's dependencies from the configuration: the memory store and the accounts file
 * by default, or both in Redis when REDIS_URL is set; content, regions and opening hours from
 * content/. Used by main.ts and the operator:add command.
 */
import { join } from 'node:path';
import type { Config } from '../config';
import type { Logger } from '../logger';
import { loadChatContent } from './chat-content';
import type { ChatDeps } from './chat-context';
import { loadRegions } from './regions';
import { alwaysOpen, loadSchedule } from './schedule';
import { createFileAccountStore } from './store/file-account-store';
import { createMemoryStore } from './store/memory-store';
import { connectRedis, createRedisAccountStore, createRedisStore } from './store/redis-store';
import type { AccountStore, ChatStore } from './store/chat-store';
import { createMemoryAuditLog, type AuditLog } from '../admin/audit-log';
import { createRedisAuditLog } from '../admin/audit-log-redis';
import { createMemoryStatsStore, type StatsStore } from '../admin/stats-store';
import { createRedisStatsStore } from '../admin/stats-store-redis';

export async function openStores(
  config: Pick<Config, 'redisUrl' | 'operatorsFile' | 'auditRetentionMs'>,
  logger: Logger,
): Promise<{ store: ChatStore; accounts: AccountStore; audit: AuditLog; stats: StatsStore }> {
  const retentionMs = config.auditRetentionMs;
  if (!config.redisUrl)
    return {
      store: createMemoryStore(),
      accounts: createFileAccountStore(config.operatorsFile),
      audit: createMemoryAuditLog({ retentionMs }),
      stats: createMemoryStatsStore(),
    };
  // The error text of a Redis failure names hosts, never chat data; still, log its kind only.
  // While Redis is down the client retries every 2 s: log the first error and then once a minute.
  let lastLogged = 0;
  const client = await connectRedis(config.redisUrl, (error) => {
    if (Date.now() - lastLogged < 60_000) return;
    lastLogged = Date.now();
    logger.warn('redis.error', { kind: error.name });
  });
  return {
    store: createRedisStore(client, { ownsClient: true }),
    accounts: createRedisAccountStore(client),
    audit: createRedisAuditLog(client, { retentionMs }),
    stats: createRedisStatsStore(client),
  };
}

export async function createChatDeps(config: Config, logger: Logger): Promise<ChatDeps> {
  const regions = loadRegions(join(config.contentDir, 'data', 'gemeente-veiligthuisregio.json'));
  const content = loadChatContent({ contentDir: config.contentDir, regions });
  const schedule = config.chatAlwaysOpen
    ? alwaysOpen()
    : loadSchedule(config.chatSchedulePath, (code) => regions.veiligThuisRegion(code) !== undefined);
  const { store, accounts, audit, stats } = await openStores(config, logger);
  return {
    store,
    accounts,
    audit,
    stats,
    schedule,
    regions,
    content,
    logger,
    settings: config.chat,
    production: config.production,
    ...(config.publicOrigin ? { publicOrigin: config.publicOrigin } : {}),
    allowedOrigins: config.allowedOrigins,
    trustProxy: config.trustProxy,
  };
}
