/**
 * The ChatStore contract, run against the memory store and a real Redis server: the same
 * behaviour, including the races (accept, capacity, queue limit) that must have one winner.
 */
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { ChatStore, ConversationRecord } from '../../chat-server/src/chat/store/chat-store';
import { storeKinds } from '../support/chat-stores';

const DAY = '2026-11-23';

function conversation(overrides: Partial<ConversationRecord> = {}): ConversationRecord {
  const id = randomUUID();
  return {
    id,
    status: 'queued',
    lang: 'nl',
    about: 'self',
    inDanger: false,
    tokenHash: `hash-${id}`,
    createdAt: 1_000,
    queuedAt: 1_000,
    positionAtJoin: 1,
    ...overrides,
  };
}

const operator = (id: string, capacity = 3) => ({ id, name: `Alias ${id}`, capacity });
const message = (text: string, clientId?: string) => ({
  id: randomUUID(),
  ...(clientId ? { clientId } : {}),
  from: 'visitor' as const,
  text,
  at: new Date(2_000).toISOString(),
});

for (const kind of storeKinds()) {
  describe(`ChatStore (${kind.name})`, () => {
    let store: ChatStore;
    beforeEach(async () => {
      store = await kind.create();
    });
    afterAll(() => kind.dispose());

    it('creates a queued conversation, finds it by id and by token hash, and lists it', async () => {
      const c = conversation({ theme: 'partnergeweld', municipality: 'GM0479', region: 'VT24', nickname: 'Ster' });
      expect(await store.createConversation(c, 10)).toBe('ok');
      expect(await store.getConversation(c.id)).toEqual(c);
      expect(await store.conversationIdForToken(c.tokenHash)).toBe(c.id);
      expect((await store.listQueued()).map((q) => q.id)).toEqual([c.id]);
      expect(await store.getConversation('unknown')).toBeNull();
      expect(await store.conversationIdForToken('unknown')).toBeNull();
    });

    it('refuses a conversation when the queue is full, also when many arrive at once', async () => {
      const results = await Promise.all(Array.from({ length: 12 }, () => store.createConversation(conversation(), 5)));
      expect(results.filter((r) => r === 'ok')).toHaveLength(5);
      expect(results.filter((r) => r === 'queue-full')).toHaveLength(7);
      expect(await store.listQueued()).toHaveLength(5);
    });

    it('stores a message once per sender and clientId', async () => {
      const c = conversation();
      await store.createConversation(c, 10);
      const clientId = randomUUID();
      const first = await store.addMessage(c.id, message('hallo', clientId));
      const again = await store.addMessage(c.id, { ...message('hallo', clientId) });
      expect(first?.duplicate).toBe(false);
      expect(again?.duplicate).toBe(true);
      expect(again?.message.id).toBe(first?.message.id);
      await store.addMessage(c.id, message('zonder id'));
      expect((await store.listMessages(c.id)).map((m) => m.text)).toEqual(['hallo', 'zonder id']);
      expect(await store.addMessage('unknown', message('x'))).toBeNull();
    });

    it('gives a conversation to exactly one of many operators accepting at once', async () => {
      const c = conversation();
      await store.createConversation(c, 10);
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) => store.accept(c.id, operator(`op${i}`), 5_000)),
      );
      const winners = results.filter((r) => r.ok);
      expect(winners).toHaveLength(1);
      expect(results.filter((r) => !r.ok && r.error === 'already-taken')).toHaveLength(19);
      const won = winners[0]!;
      expect(won.ok && won.conversation).toMatchObject({ status: 'active', acceptedAt: 5_000 });
      expect(await store.listQueued()).toEqual([]);
      expect(await store.countActive()).toBe(1);
    });

    it('never lets an operator hold more than their capacity, also when accepting at once', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 6; i++) {
        const c = conversation();
        ids.push(c.id);
        await store.createConversation(c, 10);
      }
      const results = await Promise.all(ids.map((id) => store.accept(id, operator('busy', 3), 1)));
      expect(results.filter((r) => r.ok)).toHaveLength(3);
      expect(results.filter((r) => !r.ok && r.error === 'capacity')).toHaveLength(3);
      expect(await store.listHeldBy('busy')).toHaveLength(3);
      expect(await store.accept('unknown', operator('x'), 1)).toEqual({ ok: false, error: 'not-found' });
    });

    it('puts a conversation back in the queue at its original place, only for its operator', async () => {
      const c = conversation({ queuedAt: 777 });
      await store.createConversation(c, 10);
      await store.accept(c.id, operator('a'), 900);
      expect(await store.requeue(c.id, 'b')).toBeNull();
      const back = await store.requeue(c.id, 'a');
      expect(back).toMatchObject({ status: 'queued', queuedAt: 777 });
      expect(back?.operatorId).toBeUndefined();
      expect(await store.listHeldBy('a')).toEqual([]);
      expect((await store.listQueued()).map((q) => q.id)).toEqual([c.id]);
    });

    it('transfers a conversation to a colleague within the colleague capacity', async () => {
      const c = conversation();
      await store.createConversation(c, 10);
      await store.accept(c.id, operator('a'), 1);
      expect(await store.transfer(c.id, 'x', operator('b'))).toEqual({ ok: false, error: 'forbidden' });
      expect(await store.transfer(c.id, 'a', operator('b', 0))).toEqual({ ok: false, error: 'capacity' });
      const moved = await store.transfer(c.id, 'a', operator('b'));
      expect(moved.ok && moved.conversation).toMatchObject({ operatorId: 'b', operatorName: 'Alias b' });
      expect(await store.listHeldBy('a')).toEqual([]);
      expect(await store.listHeldBy('b')).toEqual([c.id]);
      expect(await store.transfer('unknown', 'a', operator('b'))).toEqual({ ok: false, error: 'not-found' });
    });

    it('ends a conversation once: token forgotten, texts deleted, outcome counted', async () => {
      const c = conversation();
      await store.createConversation(c, 10);
      await store.accept(c.id, operator('a'), 1);
      await store.addMessage(c.id, message('geheim'));
      await store.addNote(c.id, { id: 'n1', text: 'notitie', at: new Date(0).toISOString(), by: 'a' });
      const request = { endedBy: 'operator' as const, outcome: 'advice' as const, day: DAY, retentionMs: 0 };
      const [first, second] = await Promise.all([store.end(c.id, request), store.end(c.id, request)]);
      expect([first, second].filter(Boolean)).toHaveLength(1);
      expect(first ?? second).toMatchObject({ id: c.id, status: 'ended', operatorId: 'a' });
      expect(await store.getConversation(c.id)).toBeNull();
      expect(await store.conversationIdForToken(c.tokenHash)).toBeNull();
      expect(await store.listMessages(c.id)).toEqual([]);
      expect(await store.listNotes(c.id)).toEqual([]);
      expect(await store.listHeldBy('a')).toEqual([]);
      expect(await store.countActive()).toBe(0);
      expect(await store.addMessage(c.id, message('te laat'))).toBeNull();
      expect(await store.dailyStats(DAY)).toEqual({ ended: 1, abandoned: 0, outcomes: { advice: 1 } });
    });

    it('counts a conversation ended while queued as abandoned', async () => {
      const c = conversation();
      await store.createConversation(c, 10);
      await store.end(c.id, { endedBy: 'quick-exit', day: DAY, retentionMs: 0 });
      expect(await store.dailyStats(DAY)).toEqual({ ended: 1, abandoned: 1, outcomes: {} });
      expect(await store.listQueued()).toEqual([]);
    });

    it('keeps texts for the retention period after the end, then deletes them', async () => {
      const c = conversation();
      await store.createConversation(c, 10);
      await store.addMessage(c.id, message('bewaard'));
      await store.end(c.id, { endedBy: 'visitor', day: DAY, retentionMs: 1_000 });
      expect(await store.listMessages(c.id)).toHaveLength(1);
      await new Promise((r) => setTimeout(r, 1_300));
      expect(await store.listMessages(c.id)).toEqual([]);
    });

    it('tracks visitors who are away and lists those gone too long', async () => {
      const a = conversation();
      const b = conversation();
      await store.createConversation(a, 10);
      await store.createConversation(b, 10);
      await store.setVisitorAway(a.id, 1_000);
      await store.setVisitorAway(b.id, 5_000);
      expect(await store.listAwaySince(2_000)).toEqual([a.id]);
      await store.setVisitorAway(a.id, undefined);
      expect(await store.listAwaySince(10_000)).toEqual([b.id]);
      expect((await store.getConversation(b.id))?.visitorAwaySince).toBe(5_000);
      await store.end(b.id, { endedBy: 'timeout', day: DAY, retentionMs: 0 });
      expect(await store.listAwaySince(10_000)).toEqual([]);
      await store.setVisitorAway(b.id, 1);
      expect(await store.listAwaySince(10_000)).toEqual([]);
    });

    it('keeps recent waits newest first', async () => {
      for (let i = 1; i <= 5; i++) await store.recordWait({ seconds: i * 10, positionAtJoin: 1, at: i });
      expect((await store.recentWaits(3)).map((w) => w.seconds)).toEqual([50, 40, 30]);
    });

    it('lists operator presence until it expires or is removed', async () => {
      const base = { name: 'A', role: 'operator' as const, region: 'VT01', status: 'available' as const, capacity: 3 };
      await store.setOperatorPresence({ ...base, operatorId: 'a', languages: ['nl', 'pl'] }, 10_000);
      await store.setOperatorPresence({ ...base, operatorId: 'b', languages: ['nl'] }, 50);
      expect((await store.listOperatorPresence()).map((p) => p.operatorId).sort()).toEqual(['a', 'b']);
      // Issue 14: the languages travel with the presence (the queue and the status read them).
      expect((await store.listOperatorPresence()).find((p) => p.operatorId === 'a')?.languages).toEqual(['nl', 'pl']);
      await new Promise((r) => setTimeout(r, 120));
      expect((await store.listOperatorPresence()).map((p) => p.operatorId)).toEqual(['a']);
      await store.removeOperatorPresence('a');
      expect(await store.listOperatorPresence()).toEqual([]);
    });

    it('keeps sessions until they expire or are deleted', async () => {
      await store.createSession('s1', { operatorId: 'a', credential: 'c', expiresAt: Date.now() + 10_000 });
      await store.createSession('s2', { operatorId: 'b', credential: 'c', expiresAt: Date.now() + 50 });
      expect(await store.getSession('s1')).toMatchObject({ operatorId: 'a' });
      await new Promise((r) => setTimeout(r, 120));
      expect(await store.getSession('s2')).toBeNull();
      await store.deleteSession('s1');
      expect(await store.getSession('s1')).toBeNull();
    });

    it('counts login attempts atomically, up to each limit, and forgets them after the window', async () => {
      const pair = [
        { key: 'account:x', limit: 3 },
        { key: 'address:y', limit: 5 },
      ];
      // Twenty at once: exactly three pass (the login race, issue 19 §3).
      const answers = await Promise.all(Array.from({ length: 20 }, () => store.takeAttempt(pair, 10_000)));
      expect(answers.filter((a) => a.ok)).toHaveLength(3);
      const refused = answers.find((a) => !a.ok);
      expect(refused && !refused.ok && refused.retryAfterMs > 9_000 && refused.retryAfterMs <= 10_000).toBe(true);
      // The address counter was not counted for refused attempts: another account still has 2.
      expect((await store.takeAttempt([{ key: 'account:z', limit: 9 }, pair[1]!], 10_000)).ok).toBe(true);
      expect((await store.takeAttempt([{ key: 'account:z', limit: 9 }, pair[1]!], 10_000)).ok).toBe(true);
      expect((await store.takeAttempt([{ key: 'account:z', limit: 9 }, pair[1]!], 10_000)).ok).toBe(false);
      await store.returnAttempt('address:y');
      expect((await store.takeAttempt([pair[1]!], 10_000)).ok).toBe(true);
      await store.clearAttempts('account:x');
      expect((await store.takeAttempt([pair[0]!], 10_000)).ok).toBe(true);
      await store.takeAttempt([{ key: 'short', limit: 1 }], 50);
      expect((await store.takeAttempt([{ key: 'short', limit: 1 }], 50)).ok).toBe(false);
      await new Promise((r) => setTimeout(r, 150));
      expect((await store.takeAttempt([{ key: 'short', limit: 1 }], 50)).ok).toBe(true);
    });

    it('shares one address secret between processes', async () => {
      const secret = await store.addressSecret();
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect(await store.addressSecret()).toBe(secret);
    });

    it('keeps one operator-id secret, apart from the address secret', async () => {
      const secret = await store.operatorIdSecret();
      expect(secret.length).toBeGreaterThanOrEqual(32);
      expect(await store.operatorIdSecret()).toBe(secret);
      expect(secret).not.toBe(await store.addressSecret());
    });
  });
}
