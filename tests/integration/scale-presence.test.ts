/**
 * Presence across processes (issue 20): two chat processes share Redis; the visitor is on one,
 * the operator on the other. A waiting visitor who closes the page is marked not present in the
 * operator's `queue:snapshot` within 10 s and present again when they resume (on the other
 * process); once held, `chat:presence` false/true reaches the operator across processes.
 * An operator's console reloaded onto the other process within the reconnect grace keeps their
 * status (issue 20 item 7): the presence kept in Redis is the truth, not a process's memory.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { OperatorState, QueueSnapshot, VisitorPresence } from '../../chat-server/src/protocol';
import { nextEvent } from '../support/chat-app';
import { Operator, Visitor } from '../support/chat-clients';
import { createOperators, loginOperator, startChatProcess, type ChatProcess } from '../support/chat-process';
import { removeRedisDir, startRedis, type TestRedis } from '../support/redis-server';

let redis: TestRedis;
let visitorSide: ChatProcess;
let operatorSide: ChatProcess;
const clients: { close(): void }[] = [];

beforeAll(async () => {
  redis = await startRedis();
  await createOperators(redis.url, [{ username: 'noor' }, { username: 'lea' }]);
  [visitorSide, operatorSide] = await Promise.all([
    startChatProcess({ redisUrl: redis.url }),
    startChatProcess({ redisUrl: redis.url }),
  ]);
}, 90_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all([visitorSide?.stop(), operatorSide?.stop()]);
  await redis?.stop();
  if (redis) removeRedisDir(redis);
});

async function resume(base: string, resumeToken: string): Promise<Socket> {
  const socket = connect(`${base}/visitor`, { transports: ['websocket'], forceNew: true, auth: { resumeToken } });
  clients.push({ close: () => socket.disconnect() });
  await new Promise<void>((resolve, reject) => {
    socket.once('chat:state', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}

describe('presence with two processes sharing Redis', () => {
  it('marks a waiting visitor away and back in the other process’s snapshot, then sends chat:presence', async () => {
    const operator = await Operator.connect(operatorSide.base, await loginOperator(operatorSide.base, 'noor'));
    clients.push(operator);
    const visitor = new Visitor(visitorSide.base);
    clients.push(visitor);
    const started = await visitor.start();
    const id = started.conversationId;
    const row = (s: QueueSnapshot) => s.waiting.find((w) => w.conversationId === id);

    const away = nextEvent<QueueSnapshot>(operator.socket, 'queue:snapshot', (s) => row(s)?.visitorPresent === false);
    const leftAt = Date.now();
    visitor.close();
    const marked = row(await away)!;
    expect(Date.now() - leftAt).toBeLessThan(10_000);
    expect(Date.parse(marked.awaySince!)).toBeGreaterThanOrEqual(leftAt - 2_000);

    // Back, on the operator's process this time.
    const back = nextEvent<QueueSnapshot>(operator.socket, 'queue:snapshot', (s) => row(s)?.visitorPresent === true);
    const resumed = await resume(operatorSide.base, started.resumeToken);
    expect(row(await back)).not.toHaveProperty('awaySince');

    const accepted = await operator.request('operator:accept', { conversationId: id });
    expect(accepted.ok).toBe(true);
    const gone = nextEvent<VisitorPresence>(operator.socket, 'chat:presence', (p) => p.conversationId === id);
    resumed.disconnect();
    expect(await gone).toMatchObject({ conversationId: id, present: false });
    const returned = nextEvent<VisitorPresence>(operator.socket, 'chat:presence', (p) => p.conversationId === id);
    await resume(visitorSide.base, started.resumeToken);
    expect(await returned).toMatchObject({ conversationId: id, present: true });
  }, 60_000);

  it('keeps an operator available when their console comes back on the other process within the grace', async () => {
    const cookie = await loginOperator(operatorSide.base, 'lea');
    const first = await Operator.connect(operatorSide.base, cookie, { available: true });
    first.close();
    // The reloaded console lands on the other process and sends no operator:status.
    const socket = connect(`${visitorSide.base}/operator`, {
      transports: ['websocket'],
      forceNew: true,
      extraHeaders: { cookie, origin: visitorSide.base },
    });
    clients.push({ close: () => socket.disconnect() });
    const state = await new Promise<OperatorState>((resolve, reject) => {
      socket.once('operator:state', resolve);
      socket.once('connect_error', reject);
    });
    expect(state).toEqual({ status: 'available' });
  }, 30_000);
});
