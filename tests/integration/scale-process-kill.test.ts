/**
 * Fault: the process a visitor is connected to is killed (SIGKILL) in the middle of a
 * conversation. Two chat processes share a Redis; visitors reach them through a TCP balancer
 * (as behind nginx with WebSocket-only transport), the operator is on the other process.
 * The visitor reconnects by itself to the surviving process and resumes with its token; both
 * sides see every message exactly once, in order; queued visitors keep their place.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, createRedisStore } from '../../chat-server/src/chat/store/redis-store';
import { Operator, Visitor } from '../support/chat-clients';
import { createOperators, loginOperator, startChatProcess, type ChatProcess } from '../support/chat-process';
import { removeRedisDir, startRedis, type TestRedis } from '../support/redis-server';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

let redis: TestRedis;
let doomed: ChatProcess;
let survivor: ChatProcess;
let proxy: TcpProxy;
const clients: { close(): void }[] = [];

beforeAll(async () => {
  redis = await startRedis();
  await createOperators(redis.url, [{ username: 'olga' }]);
  [doomed, survivor] = await Promise.all([
    startChatProcess({ redisUrl: redis.url }),
    startChatProcess({ redisUrl: redis.url }),
  ]);
  // New connections go to the first process while it lives, then to the second.
  proxy = await startTcpProxy([doomed.port, survivor.port]);
}, 90_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await proxy?.close();
  await Promise.all([doomed?.stop(), survivor?.stop()]);
  await redis?.stop();
  if (redis) removeRedisDir(redis);
});

describe('kill -9 of the process a visitor is connected to', () => {
  it('reconnects the visitor to the other process; every message once, in order; queue places kept', async () => {
    const operator = await Operator.connect(survivor.base, await loginOperator(survivor.base, 'olga'));
    clients.push(operator);

    const talking = new Visitor(proxy.url);
    const first = new Visitor(proxy.url);
    const second = new Visitor(proxy.url);
    clients.push(talking, first, second);
    await talking.start();
    const started1 = await first.start({ lang: 'en' });
    const started2 = await second.start({ lang: 'pl' });
    expect([started1.position, started2.position]).toEqual([2, 3]);

    const accepted = await operator.request<{ conversation: { conversationId: string } }>('operator:accept', {
      conversationId: talking.conversationId,
    });
    expect(accepted.ok).toBe(true);
    const conversationId = talking.conversationId!;
    // The visitor (on the doomed process) hears of the operator (on the other one).
    await expect.poll(() => talking.accepted, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => first.queueUpdates.at(-1)?.position, { timeout: 15_000 }).toBe(1);

    // Both sides write at once; the process dies in the middle of it.
    const visitorTexts = Array.from({ length: 12 }, (_, i) => `visitor ${i + 1}`);
    const operatorTexts = Array.from({ length: 12 }, (_, i) => `operator ${i + 1}`);
    const statesBefore = talking.states.length;
    const visitorSide = (async () => {
      for (const [i, text] of visitorTexts.entries()) {
        if (i === 5) void doomed.kill9();
        await talking.send(text);
      }
    })();
    const operatorSide = (async () => {
      for (const text of operatorTexts) await operator.send(conversationId, text);
    })();
    await Promise.all([visitorSide, operatorSide]);
    expect(await doomed.exited).toBe('SIGKILL');

    // The visitor came back (through the same address, now to the survivor) with its token.
    const state = await talking.nextState(statesBefore);
    expect(state).toMatchObject({ conversationId, status: 'active' });
    expect(talking.connects).toBeGreaterThanOrEqual(2);

    // The conversation as stored: each text once, each side in the order it was written.
    const client = await connectRedis(redis.url, () => {});
    const stored = (await createRedisStore(client).listMessages(conversationId)).filter((m) => m.from !== 'system');
    await client.close();
    expect(stored.filter((m) => m.from === 'visitor').map((m) => m.text)).toEqual(visitorTexts);
    expect(stored.filter((m) => m.from === 'operator').map((m) => m.text)).toEqual(operatorTexts);

    // The visitor shows exactly the stored conversation (a message id is shown once).
    await expect
      .poll(() => talking.shown.filter((m) => m.from !== 'system').length, { timeout: 15_000 })
      .toBe(stored.length);
    const shown = talking.shown.filter((m) => m.from !== 'system');
    expect(new Set(shown.map((m) => m.id))).toEqual(new Set(stored.map((m) => m.id)));
    for (const from of ['visitor', 'operator'])
      expect(shown.filter((m) => m.from === from).map((m) => m.text)).toEqual(
        from === 'visitor' ? visitorTexts : operatorTexts,
      );

    // The operator got each visitor message exactly once, in order.
    await expect
      .poll(() => operator.received.get(conversationId)?.length ?? 0, { timeout: 15_000 })
      .toBe(visitorTexts.length);
    expect(operator.received.get(conversationId)!.map((m) => m.text)).toEqual(visitorTexts);

    // Queued visitors reconnected too and kept their place.
    const firstState = await first.nextState(0);
    const secondState = await second.nextState(0);
    expect(firstState).toMatchObject({ status: 'queued', position: 1 });
    expect(secondState).toMatchObject({ status: 'queued', position: 2 });

    // Life goes on across the survivor: the next in line is accepted and told so.
    const next = await operator.request('operator:accept', {});
    expect(next.ok).toBe(true);
    await expect.poll(() => first.accepted, { timeout: 15_000 }).toBe(1);
    await expect.poll(() => second.queueUpdates.at(-1)?.position, { timeout: 15_000 }).toBe(1);
  }, 90_000);
});
