/**
 * Fault: a process dies and its visitor never comes back. Nothing on that process can mark the
 * visitor as gone any more; the surviving process notices (scaling/liveness.ts) and the visitor
 * is ended with `timeout` after the resume window, like any visitor who leaves. A visitor still
 * connected to the survivor is left alone. An operator of the dead process who never comes back
 * loses their presence (its TTL) and their visitor goes back to the queue after the resume
 * window (chat/operator-requeue.ts, through the store).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, createRedisStore } from '../../chat-server/src/chat/store/redis-store';
import { Operator, Visitor } from '../support/chat-clients';
import { createOperators, loginOperator, startChatProcess, type ChatProcess } from '../support/chat-process';
import { removeRedisDir, startRedis, type TestRedis } from '../support/redis-server';

let redis: TestRedis;
let doomed: ChatProcess;
let survivor: ChatProcess;
const clients: { close(): void }[] = [];

beforeAll(async () => {
  redis = await startRedis();
  await createOperators(redis.url, [{ username: 'lina' }, { username: 'omar' }]);
  const env = { CHAT_RESUME_WINDOW_SECONDS: '5' };
  [doomed, survivor] = await Promise.all([
    startChatProcess({ redisUrl: redis.url, env }),
    startChatProcess({ redisUrl: redis.url, env }),
  ]);
}, 90_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all([doomed?.stop(), survivor?.stop()]);
  await redis?.stop();
  if (redis) removeRedisDir(redis);
});

describe('a process dies and its visitor never returns', () => {
  it('ends that conversation after the resume window, and keeps the one still connected', async () => {
    const operator = await Operator.connect(survivor.base, await loginOperator(survivor.base, 'lina'));
    const lost = new Visitor(doomed.base);
    const staying = new Visitor(survivor.base);
    const held = new Visitor(survivor.base);
    // omar, on the process that dies, holds a conversation with a visitor on the survivor.
    const omar = await Operator.connect(doomed.base, await loginOperator(doomed.base, 'omar'), { available: true });
    omar.socket.io.opts.reconnection = false;
    clients.push(operator, lost, staying, held, omar);
    await held.start();
    expect(await omar.request('operator:accept', {})).toMatchObject({ ok: true });
    await lost.start();
    await staying.start();
    // The lost visitor's socket must not reconnect anywhere: only the process dies here.
    lost.socket.io.opts.reconnection = false;

    await doomed.kill9();
    const client = await connectRedis(redis.url, () => {});
    const store = createRedisStore(client);
    try {
      await expect
        .poll(() => store.getConversation(lost.conversationId!), { timeout: 40_000, interval: 250 })
        .toBeNull();
      expect(await store.getConversation(staying.conversationId!)).toMatchObject({ status: 'queued' });
      expect((await store.listQueued()).map((c) => c.id)).toEqual([staying.conversationId]);
      await expect.poll(() => staying.queueUpdates.at(-1)?.position, { timeout: 15_000 }).toBe(1);
      expect(await store.getConversation(held.conversationId!)).toMatchObject({ status: 'active', operatorId: 'omar' });
      // omar's presence expires (30 s without a heartbeat), then the resume window (5 s) runs.
      await expect
        .poll(async () => (await store.getConversation(held.conversationId!))?.status, {
          timeout: 60_000,
          interval: 500,
        })
        .toBe('queued');
      // Back at its original place, before the visitor who came later.
      await expect.poll(() => held.queueUpdates.at(-1)?.position, { timeout: 15_000 }).toBe(1);
    } finally {
      await client.close();
    }
  }, 120_000);
});
