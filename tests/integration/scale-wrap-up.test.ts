/**
 * Handover and wrap-up across processes (issue 20): two chat processes share Redis. Noor (on one)
 * hands a conversation over to Ravi (on the other) with a note; Ravi gets the note, Noor's words
 * under her name, and the visitor (on Noor's process) the new alias. The visitor then ends; the
 * conversation waits in Ravi's `toWrapUp` on his process until he wraps it up, once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  ChatMessage,
  Handover,
  OperatorChatMessage,
  OperatorConversation,
  QueueSnapshot,
} from '../../chat-server/src/protocol';
import { nextEvent } from '../support/chat-app';
import { Operator, Visitor } from '../support/chat-clients';
import { createOperators, loginOperator, startChatProcess, type ChatProcess } from '../support/chat-process';
import { removeRedisDir, startRedis, type TestRedis } from '../support/redis-server';

let redis: TestRedis;
let first: ChatProcess;
let second: ChatProcess;
const clients: { close(): void }[] = [];

beforeAll(async () => {
  redis = await startRedis();
  await createOperators(redis.url, [
    { username: 'noor', displayName: 'Noor' },
    { username: 'ravi', displayName: 'Ravi' },
  ]);
  [first, second] = await Promise.all([
    startChatProcess({ redisUrl: redis.url }),
    startChatProcess({ redisUrl: redis.url }),
  ]);
}, 90_000);

afterAll(async () => {
  for (const client of clients) client.close();
  await Promise.all([first?.stop(), second?.stop()]);
  await redis?.stop();
  if (redis) removeRedisDir(redis);
});

describe('handover and wrap-up with two processes sharing Redis', () => {
  it('delivers the handover note to a colleague on the other process, and the wrap-up waits there', async () => {
    const noor = await Operator.connect(first.base, await loginOperator(first.base, 'noor'));
    const ravi = await Operator.connect(second.base, await loginOperator(second.base, 'ravi'));
    clients.push(noor, ravi);
    const visitor = new Visitor(first.base);
    clients.push(visitor);
    const { conversationId } = await visitor.start();

    expect((await noor.request('operator:accept', { conversationId })).ok).toBe(true);
    await noor.send(conversationId, 'Ik ben Noor.');
    const colleagues = nextEvent<QueueSnapshot>(noor.socket, 'queue:snapshot', (s) =>
      (s.colleagues ?? []).some((c) => c.name === 'Ravi'),
    );
    await noor.request('operator:status', { status: 'available' });
    const raviId = (await colleagues).colleagues!.find((c) => c.name === 'Ravi')!.operatorId;

    const assigned = nextEvent<{ conversation: OperatorConversation; handover?: Handover }>(
      ravi.socket,
      'chat:assigned',
    );
    const told = nextEvent<{ operatorName: string }>(visitor.socket, 'chat:accepted');
    const note = 'Terugbellen om 15:00.';
    expect(await noor.request('operator:transfer', { conversationId, to: raviId, note })).toEqual({
      ok: true,
      data: {},
    });
    const given = await assigned;
    expect(given.handover).toEqual({ note, from: 'Noor' });
    const [written] = given.conversation.messages.filter((m: OperatorChatMessage) => m.from === 'operator');
    expect(written).toMatchObject({ text: 'Ik ben Noor.', operatorName: 'Noor' });
    expect(written!.operatorId).toMatch(/^op-/);
    expect(written!.operatorId).not.toBe(raviId);
    expect((await told).operatorName).toBe('Ravi');
    expect(JSON.stringify(visitor.shown)).not.toContain('Terugbellen');
    const atVisitor = visitor.shown.filter((m: ChatMessage) => m.from === 'operator');
    expect(atVisitor).toEqual([expect.objectContaining({ text: 'Ik ben Noor.', operatorName: 'Noor' })]);
    expect(atVisitor[0]).not.toHaveProperty('operatorId');

    const listed = nextEvent<QueueSnapshot>(ravi.socket, 'queue:snapshot', (s) =>
      (s.toWrapUp ?? []).some((w) => w.conversationId === conversationId),
    );
    expect((await visitor.socket.timeout(10_000).emitWithAck('chat:end', {})).ok).toBe(true);
    expect((await listed).toWrapUp).toEqual([expect.objectContaining({ conversationId, endedBy: 'visitor' })]);

    const payload = { conversationId, outcome: 'advice' };
    expect(await noor.request('operator:wrap-up', payload)).toEqual({ ok: false, error: 'forbidden' });
    const answers = await Promise.all([
      ravi.request('operator:wrap-up', payload),
      ravi.request('operator:wrap-up', payload),
    ]);
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
  }, 60_000);
});
