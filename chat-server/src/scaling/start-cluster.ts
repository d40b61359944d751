/**
 * With REDIS_URL the chat runs as one of several processes on that Redis (docs/scaling.md);
 * without it, as the only process. Called by the composition root.
 */
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { ChatCluster } from './chat-cluster';
import { createRedisCluster } from './redis-cluster';

export async function startCluster(
  config: Pick<Config, 'redisUrl' | 'cluster'>,
  logger: Logger,
): Promise<ChatCluster | undefined> {
  if (!config.redisUrl) return undefined;
  return createRedisCluster({
    url: config.redisUrl,
    recoveryMs: config.cluster.recoveryMs,
    streamMaxLen: config.cluster.streamMaxLen,
    logger,
  });
}
