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

    describe('wrap-up (issue 20)', () => {
      const NOW = Date.parse('2026-11-23T10:00:00Z');
      const ended = async (endedBy: 'visitor' | 'timeout' | 'quick-exit' | 'operator', extra = {}) => {
        const c = conversation({ theme: 'partnergeweld', municipality: 'GM0479', region: 'VT24', nickname: 'Ster' });
        await store.createConversation(c, 10);
        await store.accept(c.id, operator('a'), 1);
        await store.addMessage(c.id, message('geheim'));
        const outcome = endedBy === 'operator' ? { outcome: 'advice' as const } : {};
        await store.end(c.id, { endedBy, ...outcome, day: DAY, retentionMs: 0, at: NOW, ...extra });
        return c;
      };
      const note = (text: string) => ({ id: randomUUID(), text, at: new Date(NOW).toISOString(), by: 'a' });

      it('lists an active conversation ended without an outcome for its operator, metadata only', async () => {
        const byVisitor = await ended('visitor');
        const byExit = await ended('quick-exit', { at: NOW + 1 });
        const byTimeout = await ended('timeout', { at: NOW + 2 });
        await ended('operator');
        const queued = conversation();
        await store.createConversation(queued, 10);
        await store.end(queued.id, { endedBy: 'visitor', day: DAY, retentionMs: 0, at: NOW });
        const list = await store.listToWrapUp('a', NOW + 10);
        expect(list.map((w) => [w.conversationId, w.endedBy])).toEqual([
          [byVisitor.id, 'visitor'],
          [byExit.id, 'quick-exit'],
          [byTimeout.id, 'timeout'],
        ]);
        expect(list[0]).toEqual({
          conversationId: byVisitor.id,
          operatorId: 'a',
          endedBy: 'visitor',
          endedAt: new Date(NOW).toISOString(),
          lang: 'nl',
          about: 'self',
          inDanger: false,
          theme: 'partnergeweld',
          municipality: 'GM0479',
          region: 'VT24',
          day: DAY,
          textsUntil: NOW,
          expiresAt: NOW + 24 * 60 * 60 * 1000,
        });
        expect(JSON.stringify(list)).not.toMatch(/Ster|geheim|hash-/);
        expect(await store.listToWrapUp('b', NOW + 10)).toEqual([]);
      });

      it('wraps up once, counting the outcome on the day of the end; two at once: one wins', async () => {
        const c = await ended('visitor');
        const request = { outcome: 'referral' as const, now: NOW + 5 };
        const results = await Promise.all([store.wrapUp(c.id, 'a', request), store.wrapUp(c.id, 'a', request)]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.find((r) => !r.ok)).toEqual({ ok: false, reason: 'already-wrapped-up' });
        expect(await store.listToWrapUp('a', NOW + 10)).toEqual([]);
        expect(await store.dailyStats(DAY)).toEqual({ ended: 1, abandoned: 0, outcomes: { referral: 1 } });
      });

      it('refuses a wrap-up by another operator, of an open or unknown conversation; nothing counted', async () => {
        const c = await ended('timeout');
        expect(await store.wrapUp(c.id, 'b', { outcome: 'advice', now: NOW })).toEqual({
          ok: false,
          reason: 'not-held',
        });
        const open = conversation();
        await store.createConversation(open, 10);
        await store.accept(open.id, operator('a'), 1);
        expect(await store.wrapUp(open.id, 'a', { outcome: 'advice', now: NOW })).toEqual({
          ok: false,
          reason: 'not-ended',
        });
        expect(await store.wrapUp(open.id, 'b', { outcome: 'advice', now: NOW })).toEqual({
          ok: false,
          reason: 'not-held',
        });
        const byOperator = await ended('operator');
        expect(await store.wrapUp(byOperator.id, 'a', { outcome: 'advice', now: NOW })).toEqual({
          ok: false,
          reason: 'unknown',
        });
        expect(await store.wrapUp('unknown', 'a', { outcome: 'advice', now: NOW })).toEqual({
          ok: false,
          reason: 'unknown',
        });
        expect((await store.dailyStats(DAY)).outcomes).toEqual({ advice: 1 });
        expect(await store.listToWrapUp('a', NOW)).toHaveLength(1);
      });

      it('drops a wrap-up nobody did after the keep time: not listed, not counted', async () => {
        const c = await ended('visitor', { wrapUpKeepMs: 1_000 });
        expect(await store.listToWrapUp('a', NOW + 999)).toHaveLength(1);
        expect(await store.listToWrapUp('a', NOW + 1_000)).toEqual([]);
        expect(await store.wrapUp(c.id, 'a', { outcome: 'advice', now: NOW + 1_000 })).toEqual({
          ok: false,
          reason: 'unknown',
        });
        expect((await store.dailyStats(DAY)).outcomes).toEqual({});
      });

      it('keeps the wrap-up note with the conversation texts: for the retention, not beyond', async () => {
        const kept = await ended('visitor', { retentionMs: 60_000 });
        expect(await store.wrapUp(kept.id, 'a', { outcome: 'advice', note: note('bel terug'), now: NOW + 1 })).toEqual({
          ok: true,
        });
        expect((await store.listNotes(kept.id)).map((n) => n.text)).toEqual(['bel terug']);
        const gone = await ended('visitor');
        expect(await store.wrapUp(gone.id, 'a', { outcome: 'advice', note: note('weg'), now: NOW + 1 })).toEqual({
          ok: true,
        });
        expect(await store.listNotes(gone.id)).toEqual([]);
      });
    });

    it('hands over with a transfer or a requeue: the note joins the notes atomically', async () => {
      const c = conversation();
      await store.createConversation(c, 10);
      await store.accept(c.id, operator('a'), 1);
      const handover = (text: string, by: string) => ({
        note: { id: randomUUID(), text, at: new Date(0).toISOString(), by },
        from: `Alias ${by}`,
      });
      const refused = handover('niet', 'x');
      expect(await store.transfer(c.id, 'x', operator('b'), refused)).toEqual({ ok: false, error: 'forbidden' });
      expect(await store.transfer(c.id, 'a', operator('b', 0), refused)).toEqual({ ok: false, error: 'capacity' });
      expect(await store.requeue(c.id, 'x', refused)).toBeNull();
      expect(await store.listNotes(c.id)).toEqual([]);
      expect(await store.getConversation(c.id)).not.toHaveProperty('handoverNoteId');

      const first = handover('zij wil terugbellen', 'a');
      const moved = await store.transfer(c.id, 'a', operator('b'), first);
      expect(moved.ok && moved.conversation).toMatchObject({ handoverFrom: 'Alias a', handoverNoteId: first.note.id });
      const second = handover('graag verder', 'b');
      expect(await store.requeue(c.id, 'b', second)).toMatchObject({
        status: 'queued',
        handoverFrom: 'Alias b',
        handoverNoteId: second.note.id,
      });
      expect((await store.listNotes(c.id)).map((n) => n.text)).toEqual(['zij wil terugbellen', 'graag verder']);
      const taken = await store.accept(c.id, operator('c'), 2);
      expect(taken.ok && taken.conversation).toMatchObject({ handoverNoteId: second.note.id });
    });

    it('keeps who wrote an operator message', async () => {
      const c = conversation();
      await store.createConversation(c, 10);
      const written = { ...message('van Anna'), from: 'operator' as const, operatorName: 'Anna', operatorId: 'op-x' };
      await store.addMessage(c.id, written);
      expect(await store.listMessages(c.id)).toEqual([written]);
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

    it('marks an operator gone once, lists those gone too long, and forgets the mark', async () => {
      await store.markOperatorGone('a', 1_000);
      // The first mark stays: the resume window runs from the moment they went.
      await store.markOperatorGone('a', 5_000);
      await store.markOperatorGone('b', 3_000);
      expect(await store.listOperatorsGoneSince(2_000)).toEqual(['a']);
      expect(await store.listOperatorsGoneSince(1_000)).toEqual([]);
      expect((await store.listOperatorsGoneSince(Infinity)).sort()).toEqual(['a', 'b']);
      await store.clearOperatorGone('a');
      expect(await store.listOperatorsGoneSince(Infinity)).toEqual(['b']);
      await store.markOperatorGone('a', 9_000);
      expect(await store.listOperatorsGoneSince(2_000)).toEqual([]);
    });

    it('lists the operators who hold a conversation', async () => {
      const [c1, c2, c3] = [conversation(), conversation(), conversation()];
      for (const c of [c1, c2, c3]) await store.createConversation(c!, 10);
      expect(await store.listHolders()).toEqual([]);
      await store.accept(c1!.id, operator('op1'), 5_000);
      await store.accept(c2!.id, operator('op1'), 5_000);
      await store.accept(c3!.id, operator('op2'), 5_000);
      expect((await store.listHolders()).sort()).toEqual(['op1', 'op2']);
      await store.requeue(c3!.id, 'op2');
      await store.end(c1!.id, { endedBy: 'operator', day: DAY, retentionMs: 0 });
      expect(await store.listHolders()).toEqual(['op1']);
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

    it('claims a TOTP time step once per account, atomically; an earlier step after a later one is a replay', async () => {
      // Ten logins with one code at once: exactly one gets it (issue 14).
      const claims = await Promise.all(Array.from({ length: 10 }, () => store.claimTotpStep('anna', 1000, 10_000)));
      expect(claims.filter(Boolean)).toHaveLength(1);
      expect(await store.claimTotpStep('anna', 999, 10_000)).toBe(false);
      expect(await store.claimTotpStep('bram', 1000, 10_000)).toBe(true);
      expect(await store.claimTotpStep('anna', 1001, 50)).toBe(true);
      await new Promise((r) => setTimeout(r, 150));
      // Forgotten after its time: by then no code of those steps is valid any more.
      expect(await store.claimTotpStep('anna', 1001, 10_000)).toBe(true);
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
