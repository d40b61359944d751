/**
 * With its Redis down the chat answers at once: `unavailable` on events, 503 on readiness and
 * status (with reason `unavailable`, so the page shows the phone numbers), and the process
 * stays up. Uses its own redis-server, which it stops.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { startChat, emitAck, startPayload } from '../support/chat-app';
import { startRedis, removeRedisDir, type TestRedis } from '../support/redis-server';
import { connectRedis, createRedisStore, type RedisClient } from '../../chat-server/src/chat/store/redis-store';

describe('when Redis is down', () => {
  let redis: TestRedis;
  let client: RedisClient;
  afterAll(async () => {
    if (client?.isOpen) client.destroy();
    await redis?.stop();
    if (redis) removeRedisDir(redis);
  });

  it('answers unavailable at once and stays up', async () => {
    redis = await startRedis();
    client = await connectRedis(redis.url, () => {});
    const chat = await startChat({
      store: createRedisStore(client, { prefix: 'down:' }),
      redis: { client, prefix: 'down:' },
    });
    try {
      const operator = await chat.operator('anna', { available: true });
      const visitor = await chat.visitor();
      expect((await fetch(`${chat.base}/readyz`)).status).toBe(200);
      await redis.stop();
      const started = Date.now();
      expect(await emitAck(visitor, 'visitor:start', startPayload())).toEqual({ ok: false, error: 'unavailable' });
      expect(await emitAck(operator, 'operator:accept', {})).toEqual({ ok: false, error: 'unavailable' });
      expect(Date.now() - started).toBeLessThan(2_000);
      expect((await fetch(`${chat.base}/readyz`)).status).toBe(503);
      const status = await fetch(`${chat.base}/api/chat/status`);
      expect(status.status).toBe(503);
      expect(await status.json()).toMatchObject({ open: false, reason: 'unavailable' });
      expect((await fetch(`${chat.base}/healthz`)).status).toBe(200);
    } finally {
      await chat.close().catch(() => {});
    }
  });
});
