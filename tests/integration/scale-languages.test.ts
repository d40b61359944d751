/**
 * Issue 14 across processes: two chat processes share Redis; a Polish visitor waits on one, the
 * operators are on the other. Whether someone reads Polish follows the other process's operators
 * (presence in Redis carries their languages), in the status, the start ack and `queue:updated`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatStatusResponse, QueueUpdate } from '../../chat-server/src/protocol';
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
  await createOperators(redis.url, [
    { username: 'noor', languages: ['nl'] },
    { username: 'ola', languages: ['pl', 'nl'] },
  ]);
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

const status = async (base: string) =>
  (await (await fetch(`${base}/api/chat/status?lang=pl`)).json()) as ChatStatusResponse;

describe('languages with two processes sharing Redis', () => {
  it('tells a Polish visitor on one process when a Polish-speaking operator on the other comes and goes', async () => {
    const dutch = await Operator.connect(operatorSide.base, await loginOperator(operatorSide.base, 'noor'));
    clients.push(dutch);
    expect(await status(visitorSide.base)).toMatchObject({ languageServed: false, fallbackLanguages: ['nl'] });

    const visitor = new Visitor(visitorSide.base);
    clients.push(visitor);
    const started = await visitor.start({ lang: 'pl' });
    expect(started).toMatchObject({ languageServed: false, fallbackLanguages: ['nl'] });

    const served = nextEvent<QueueUpdate>(visitor.socket, 'queue:updated', (u) => u.languageServed);
    const polish = await Operator.connect(operatorSide.base, await loginOperator(operatorSide.base, 'ola'));
    clients.push(polish);
    expect(await served).toMatchObject({ languageServed: true });
    expect(await status(visitorSide.base)).toMatchObject({ languageServed: true });

    const gone = nextEvent<QueueUpdate>(visitor.socket, 'queue:updated', (u) => !u.languageServed);
    expect(await polish.request('operator:status', { status: 'away' })).toMatchObject({ ok: true });
    expect(await gone).toMatchObject({ languageServed: false, fallbackLanguages: ['nl'] });
  }, 60_000);
});
