/**
 * Fault: Redis dies (SIGKILL) and comes back, with append-only persistence, under two chat
 * processes. While it is down: new visitors get `unavailable` at once, the processes stay up,
 * /readyz answers 503. When it is back: every conversation and queue entry is still there, and
 * the chat works across processes again without any restart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, createRedisStore } from '../../chat-server/src/chat/store/redis-store';
import type { Ack } from '../../chat-server/src/protocol';
import { Operator, Visitor } from '../support/chat-clients';
import {
  createOperators,
  loginOperator,
  startChatProcess,
  waitForStatus,
  type ChatProcess,
} from '../support/chat-process';
import { removeRedisDir, startRedis, type TestRedis } from '../support/redis-server';

let redis: TestRedis;
let a: ChatProcess;
let b: ChatProcess;
const clients: { close(): void }[] = [];

beforeAll(async () => {
  redis = await startRedis({ appendonly: true });
  await createOperators(redis.url, [{ username: 'rosa' }]);
  [a, b] = await Promise.all([startChatProcess({ redisUrl: redis.url }), startChatProcess({ redisUrl: redis.url })]);
}, 90_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all([a?.stop(), b?.stop()]);
  await redis?.stop();
  if (redis) removeRedisDir(redis);
});

const visitorAt = (process: ChatProcess) => {
  const visitor = new Visitor(process.base);
  clients.push(visitor);
  return visitor;
};

describe('Redis restart under two processes', () => {
  it('answers unavailable while down, loses nothing, and recovers by itself', async () => {
    const operator = await Operator.connect(b.base, await loginOperator(b.base, 'rosa'));
    clients.push(operator);
    const talking = visitorAt(a);
    const waitingA = visitorAt(a);
    const waitingB = visitorAt(b);
    await talking.start();
    await waitingA.start();
    await waitingB.start();
    const conversationId = talking.conversationId!;
    expect((await operator.request('operator:accept', { conversationId })).ok).toBe(true);
    await talking.send('before the outage');
    await operator.send(conversationId, 'reply before the outage');
    await expect.poll(() => talking.shown.some((m) => m.text === 'reply before the outage')).toBe(true);

    // Redis dies.
    redis.process.kill('SIGKILL');
    await new Promise((resolve) => redis.process.once('exit', resolve));
    await Promise.all([
      waitForStatus(`${a.base}/readyz`, (s) => s === 503),
      waitForStatus(`${b.base}/readyz`, (s) => s === 503),
    ]);

    // A new visitor is told at once, so the page can show the phone route.
    const newcomer = visitorAt(a);
    await newcomer.ready();
    const startedAt = Date.now();
    const refused = (await newcomer.socket
      .timeout(10_000)
      .emitWithAck('visitor:start', { lang: 'nl', about: 'self', inDanger: false })) as Ack<unknown>;
    const answeredMs = Date.now() - startedAt;
    expect(refused).toMatchObject({ ok: false, error: 'unavailable' });
    expect(answeredMs).toBeLessThan(2_000);
    // A message sent now is refused, not silently lost: the client keeps it and retries.
    const duringOutage = talking.send('during the outage');
    const status = await fetch(`${b.base}/api/chat/status`);
    expect(status.status).toBe(503);
    expect(await status.json()).toMatchObject({ open: false });
    // Both processes are still up.
    for (const process of [a, b]) {
      expect(process.child.exitCode).toBeNull();
      expect((await fetch(`${process.base}/healthz`)).status).toBe(200);
    }

    // Redis comes back on the same port with its append-only file.
    redis = await redis.restart();
    await Promise.all([
      waitForStatus(`${a.base}/readyz`, (s) => s === 200),
      waitForStatus(`${b.base}/readyz`, (s) => s === 200),
    ]);
    await duringOutage;

    // Nothing was lost.
    const client = await connectRedis(redis.url, () => {});
    const store = createRedisStore(client);
    expect(await store.getConversation(conversationId)).toMatchObject({ status: 'active', operatorId: 'rosa' });
    expect((await store.listMessages(conversationId)).map((m) => m.text)).toEqual(
      expect.arrayContaining(['before the outage', 'reply before the outage', 'during the outage']),
    );
    expect((await store.listQueued()).map((c) => c.id).sort()).toEqual(
      [waitingA.conversationId!, waitingB.conversationId!].sort(),
    );
    await client.close();

    // And the chat works across the processes again: messages both ways...
    await expect
      .poll(() => operator.received.get(conversationId)?.map((m) => m.text), { timeout: 20_000 })
      .toContain('during the outage');
    await talking.send('after the outage');
    await operator.send(conversationId, 'reply after the outage');
    await expect
      .poll(() => operator.received.get(conversationId)?.map((m) => m.text), { timeout: 20_000 })
      .toContain('after the outage');
    await expect.poll(() => talking.shown.map((m) => m.text), { timeout: 20_000 }).toContain('reply after the outage');
    // ...the queue moves for visitors on both processes...
    expect((await operator.request('operator:accept', {})).ok).toBe(true);
    await expect.poll(() => waitingA.accepted, { timeout: 20_000 }).toBe(1);
    await expect.poll(() => waitingB.queueUpdates.at(-1)?.position, { timeout: 20_000 }).toBe(1);
    // ...a new visitor on the other process is placed ahead when in danger, and B hears of it.
    const urgent = visitorAt(a);
    expect(await urgent.start({ inDanger: true })).toMatchObject({ position: 1 });
    await expect.poll(() => waitingB.queueUpdates.at(-1)?.position, { timeout: 20_000 }).toBe(2);
  }, 90_000);
});
