/**
 * Fault: 1,000 conversations, each accepted at the same moment by four operators, two on each
 * of two chat processes sharing Redis, in rounds of 50. Exactly one operator wins each
 * conversation, the others hear `already-taken` (or `capacity`), and no operator ever holds
 * more than their capacity. Capacity 15: four operators can hold 60 > 50, so someone always has
 * room, and the average of 12.5 a round makes some operators reach the limit.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../chat-server/src/chat/visitor-handlers';
import { connectRedis, createRedisStore, type RedisClient } from '../../chat-server/src/chat/store/redis-store';
import type { ChatStore } from '../../chat-server/src/chat/store/chat-store';
import { Operator } from '../support/chat-clients';
import { createOperators, loginOperator, startChatProcess, type ChatProcess } from '../support/chat-process';
import { removeRedisDir, startRedis, type TestRedis } from '../support/redis-server';

const CONVERSATIONS = 1_000;
const PER_ROUND = 50;
const CAPACITY = 15;
const OPERATORS = 4;

let redis: TestRedis;
let processes: ChatProcess[] = [];
let client: RedisClient;
let store: ChatStore;
const operators: { id: string; socket: Operator }[] = [];

beforeAll(async () => {
  redis = await startRedis();
  const names = Array.from({ length: OPERATORS }, (_, i) => `racer${i}`);
  await createOperators(
    redis.url,
    names.map((username) => ({ username })),
  );
  // Operators fire many requests at once here; the per-socket limit is raised through config.
  const env = { CHAT_RATE_BURST: '10000', CHAT_RATE_PER_SECOND: '10000', CHAT_OPERATOR_CAPACITY: String(CAPACITY) };
  processes = await Promise.all([
    startChatProcess({ redisUrl: redis.url, env }),
    startChatProcess({ redisUrl: redis.url, env }),
  ]);
  for (const [i, username] of names.entries()) {
    const at = processes[i % 2]!;
    operators.push({ id: username, socket: await Operator.connect(at.base, await loginOperator(at.base, username)) });
  }
  client = await connectRedis(redis.url, () => {});
  store = createRedisStore(client);
}, 90_000);

afterAll(async () => {
  for (const { socket } of operators) socket.close();
  if (client?.isOpen) await client.close();
  await Promise.all(processes.map((p) => p.stop()));
  await redis?.stop();
  if (redis) removeRedisDir(redis);
});

function queueConversations(count: number): Promise<string[]> {
  return Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const id = randomUUID();
      const now = Date.now();
      const created = await store.createConversation(
        {
          id,
          status: 'queued',
          lang: 'nl',
          about: 'self',
          inDanger: false,
          tokenHash: hashToken(randomBytes(32).toString('base64url')),
          createdAt: now,
          queuedAt: now,
          positionAtJoin: i + 1,
        },
        1_000,
      );
      expect(created).toBe('ok');
      return id;
    }),
  );
}

const shuffled = <T>(items: T[]) =>
  items
    .map((item) => ({ item, key: Math.random() }))
    .sort((x, y) => x.key - y.key)
    .map(({ item }) => item);

describe('accept races across two processes', () => {
  it(`gives each of ${CONVERSATIONS} conversations to exactly one of ${OPERATORS} racing operators, never over capacity`, async () => {
    let races = 0;
    const errors = new Map<string, number>();
    for (let round = 0; round < CONVERSATIONS / PER_ROUND; round++) {
      const ids = await queueConversations(PER_ROUND);
      // Every operator asks for every conversation of the round, in its own order, all at once.
      const attempts = operators.flatMap((operator) =>
        shuffled(ids).map(async (conversationId) => ({
          operator: operator.id,
          conversationId,
          ack: await operator.socket.request('operator:accept', { conversationId }, 30_000),
        })),
      );
      const results = await Promise.all(attempts);
      const winners = new Map<string, string[]>();
      const wins = new Map<string, number>();
      for (const { operator, conversationId, ack } of results) {
        if (ack.ok) {
          winners.set(conversationId, [...(winners.get(conversationId) ?? []), operator]);
          wins.set(operator, (wins.get(operator) ?? 0) + 1);
        } else {
          errors.set(ack.error, (errors.get(ack.error) ?? 0) + 1);
        }
      }
      for (const id of ids) expect(winners.get(id), `winners of ${id}`).toHaveLength(1);
      for (const [operator, count] of wins) expect(count, `${operator} holds`).toBeLessThanOrEqual(CAPACITY);
      for (const { id } of operators)
        expect((await store.listHeldBy(id)).length, `${id} in Redis`).toBeLessThanOrEqual(CAPACITY);
      races += ids.length;

      // The conversations end (as their operators would), so the next round starts with everyone free.
      const day = new Date().toISOString().slice(0, 10);
      await Promise.all(ids.map((id) => store.end(id, { endedBy: 'operator', outcome: 'other', day, retentionMs: 0 })));
    }
    expect(races).toBe(CONVERSATIONS);
    // Losers heard why; nothing else went wrong (no `unavailable`, no `not-found`).
    expect([...errors.keys()].sort()).toEqual(expect.arrayContaining(['already-taken']));
    expect([...errors.keys()].every((code) => code === 'already-taken' || code === 'capacity')).toBe(true);
    expect(errors.get('capacity') ?? 0).toBeGreaterThan(0);
    expect(await store.countActive()).toBe(0);
    expect(await store.listQueued()).toEqual([]);
  }, 180_000);
});
