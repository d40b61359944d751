/**
 * The adapter's stream holds every broadcast packet, chat texts included, and trims only by
 * length: on a quiet evening a text could stay for hours. Connection state recovery needs the
 * entries for the recovery window only, so every few seconds entries older than that go (stream
 * ids start with the time they were added, so XTRIM MINID removes by age, exactly).
 */
import type { createClient } from 'redis';
import type { Logger } from '../logger';

type Client = Pick<ReturnType<typeof createClient>, 'xTrim' | 'isReady'>;

export function startStreamJanitor(client: Client, stream: string, keepMs: number, logger: Logger) {
  const everyMs = Math.max(1_000, Math.min(10_000, Math.floor(keepMs / 3)));
  const timer = setInterval(() => {
    // While Redis is down, do not pile trims up in the connection's offline queue.
    if (!client.isReady) return;
    client.xTrim(stream, 'MINID', `${Date.now() - keepMs}-0`).catch(() => logger.warn('cluster.stream-trim-failed'));
  }, everyMs);
  timer.unref();
  return { everyMs, stop: () => clearInterval(timer) };
}
