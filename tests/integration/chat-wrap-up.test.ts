/**
 * Issue 20 items 4 and 5 over real sockets, against both stores: the wrap-up of a conversation
 * that ended without an outcome (by the visitor, by Snel weg, by a timeout), the handover note
 * of a transfer (to a colleague and through the queue), and who wrote each operator message.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import {
  emitAck,
  firstEvent,
  nextEvent,
  record,
  sleep,
  startChat,
  startPayload,
  type TestChat,
} from '../support/chat-app';
import { storeKinds } from '../support/chat-stores';
import type {
  ChatMessage,
  ChatState,
  Handover,
  OperatorChatMessage,
  OperatorConversation,
  QueueSnapshot,
  VisitorStarted,
} from '../../chat-server/src/protocol';

type Accepted = { conversation: OperatorConversation };
type Assigned = Accepted & { handover?: Handover };

for (const kind of storeKinds()) {
  describe(`wrap-up and handover (${kind.name} store)`, () => {
    let chat: TestChat | undefined;
    const start = async (settings: Parameters<typeof startChat>[0]['settings'] = {}) => {
      chat = await startChat({ ...(await kind.createWithRedis()), settings });
      return chat;
    };
    afterEach(async () => {
      await chat?.close();
      chat = undefined;
    });
    afterAll(() => kind.dispose());

    /** A visitor whose conversation `operator` accepted. */
    async function active(c: TestChat, operator: Socket, payload: Record<string, unknown> = {}) {
      const visitor = await c.visitor();
      const started = await emitAck<VisitorStarted>(visitor, 'visitor:start', startPayload(payload));
      if (!started.ok) throw new Error(started.error);
      const accepted = await emitAck<Accepted>(operator, 'operator:accept', {
        conversationId: started.data.conversationId,
      });
      if (!accepted.ok) throw new Error(accepted.error);
      return { visitor, ...started.data };
    }

    const toWrapUp = (socket: Socket, count: number) =>
      nextEvent<QueueSnapshot>(socket, 'queue:snapshot', (s) => s.toWrapUp?.length === count);
    const today = (c: TestChat) => c.deps.store.dailyStats(c.deps.schedule.localDay(new Date()));

    describe('wrap-up', () => {
      it('after the visitor ended: listed without text, wrapped up once from two tabs, the outcome counted', async () => {
        const c = await start();
        const anna = await c.operator('anna', { available: true });
        const tab = await c.operator('anna');
        const q = await active(c, anna, { nickname: 'Ster', theme: 'partnergeweld', municipality: 'GM0479' });
        await emitAck(q.visitor, 'chat:send', { clientId: randomUUID(), text: 'mijn geheim' });
        const listed = toWrapUp(anna, 1);
        const ended = nextEvent(anna, 'chat:ended');
        expect(await emitAck(q.visitor, 'chat:end', {})).toEqual({ ok: true, data: {} });
        expect(await ended).toEqual({ conversationId: q.conversationId, by: 'visitor' });
        const item = (await listed).toWrapUp![0]!;
        expect(item).toMatchObject({
          conversationId: q.conversationId,
          endedBy: 'visitor',
          lang: 'nl',
          about: 'self',
          inDanger: false,
          theme: 'partnergeweld',
          municipality: 'GM0479',
        });
        expect(Date.now() - Date.parse(item.endedAt)).toBeLessThan(10_000);
        expect(JSON.stringify(item)).not.toMatch(/Ster|geheim|anna/);

        const emptied = toWrapUp(tab, 0);
        const payload = { conversationId: q.conversationId, outcome: 'referral', note: 'verwezen naar huisarts' };
        const answers = await Promise.all([
          emitAck(anna, 'operator:wrap-up', payload),
          emitAck(tab, 'operator:wrap-up', payload),
        ]);
        expect(answers.filter((a) => a.ok)).toEqual([{ ok: true, data: {} }]);
        expect(answers.find((a) => !a.ok)).toEqual({ ok: false, error: 'not-found', message: 'already-wrapped-up' });
        await emptied;
        expect((await today(c)).outcomes).toEqual({ referral: 1 });
      });

      it('after Snel weg (quick exit)', async () => {
        const c = await start();
        const anna = await c.operator('anna', { available: true });
        const q = await active(c, anna);
        const listed = toWrapUp(anna, 1);
        await emitAck(q.visitor, 'visitor:quick-exit', {});
        expect((await listed).toWrapUp![0]).toMatchObject({ conversationId: q.conversationId, endedBy: 'quick-exit' });
        expect(
          await emitAck(anna, 'operator:wrap-up', { conversationId: q.conversationId, outcome: 'no-reply' }),
        ).toEqual({
          ok: true,
          data: {},
        });
        expect((await today(c)).outcomes).toEqual({ 'no-reply': 1 });
      });

      it('after a timeout (the visitor stayed away past the resume window)', async () => {
        const c = await start({ resumeWindowMs: 300 });
        const anna = await c.operator('anna', { available: true });
        const q = await active(c, anna);
        const listed = toWrapUp(anna, 1);
        q.visitor.disconnect();
        expect((await listed).toWrapUp![0]).toMatchObject({ conversationId: q.conversationId, endedBy: 'timeout' });
        expect(await emitAck(anna, 'operator:wrap-up', { conversationId: q.conversationId, outcome: 'other' })).toEqual(
          {
            ok: true,
            data: {},
          },
        );
        expect((await today(c)).outcomes).toEqual({ other: 1 });
      });

      it('is listed again for a console that reconnects, until wrapped up', async () => {
        const c = await start();
        const anna = await c.operator('anna', { available: true });
        const q = await active(c, anna);
        const listed = toWrapUp(anna, 1);
        await emitAck(q.visitor, 'chat:end', {});
        await listed;
        anna.disconnect();
        const again = await c.operator('anna');
        const snapshot = await firstEvent<QueueSnapshot>(again, 'queue:snapshot');
        expect(snapshot.toWrapUp!.map((w) => w.conversationId)).toEqual([q.conversationId]);
      });

      it('is refused for a conversation not held, not ended, ended with an outcome, or with a bad payload; nothing counted', async () => {
        const c = await start();
        const anna = await c.operator('anna', { available: true });
        const bram = await c.operator('bram', { available: true });
        const open = await active(c, anna);
        const byVisitor = await active(c, anna);
        const byOperator = await active(c, anna);
        const listed = toWrapUp(anna, 1);
        await emitAck(byVisitor.visitor, 'chat:end', {});
        await emitAck(anna, 'chat:end', { conversationId: byOperator.conversationId, outcome: 'advice' });
        await listed;
        const wrapUp = (socket: Socket, payload: Record<string, unknown>) =>
          emitAck(socket, 'operator:wrap-up', payload);
        expect(await wrapUp(bram, { conversationId: byVisitor.conversationId, outcome: 'advice' })).toEqual({
          ok: false,
          error: 'forbidden',
        });
        expect(await wrapUp(bram, { conversationId: open.conversationId, outcome: 'advice' })).toEqual({
          ok: false,
          error: 'forbidden',
        });
        expect(await wrapUp(anna, { conversationId: open.conversationId, outcome: 'advice' })).toEqual({
          ok: false,
          error: 'forbidden',
          message: 'not-ended',
        });
        expect(await wrapUp(anna, { conversationId: byOperator.conversationId, outcome: 'referral' })).toEqual({
          ok: false,
          error: 'not-found',
          message: 'nothing-to-wrap-up',
        });
        expect(await wrapUp(anna, { conversationId: 'unknown', outcome: 'referral' })).toMatchObject({
          error: 'not-found',
        });
        for (const bad of [
          { conversationId: byVisitor.conversationId },
          { conversationId: byVisitor.conversationId, outcome: 'nonsense' },
          { conversationId: byVisitor.conversationId, outcome: 'advice', note: '   ' },
          { conversationId: byVisitor.conversationId, outcome: 'advice', note: 'x'.repeat(4001) },
          { conversationId: byVisitor.conversationId, outcome: 'advice', extra: 1 },
        ])
          expect(await wrapUp(anna, bad), JSON.stringify(bad).slice(0, 80)).toMatchObject({ error: 'invalid-payload' });
        // Only the operator's own chat:end counted; the visitor-ended one still waits.
        expect((await today(c)).outcomes).toEqual({ advice: 1 });
        expect((await c.store.listToWrapUp('anna', Date.now())).map((w) => w.conversationId)).toEqual([
          byVisitor.conversationId,
        ]);
      });
    });

    describe('handover', () => {
      /** Bram's opaque id, as Anna's console knows it. */
      async function colleagueId(anna: Socket, name: string) {
        const fresh = nextEvent<QueueSnapshot>(anna, 'queue:snapshot', (s) =>
          (s.colleagues ?? []).some((o) => o.name === name),
        );
        await emitAck(anna, 'operator:status', { status: 'available' });
        return (await fresh).colleagues!.find((o) => o.name === name)!.operatorId;
      }

      it('refuses a transfer without a note (or an empty or too long one); nothing changes', async () => {
        const c = await start();
        const anna = await c.operator('anna', { available: true });
        const bram = await c.operator('bram', { available: true, displayName: 'Bo' });
        const q = await active(c, anna);
        const bo = await colleagueId(anna, 'Bo');
        const assigned = record(bram, 'chat:assigned');
        const told = record(q.visitor, 'chat:accepted');
        const before = await c.store.getConversation(q.conversationId);
        for (const to of ['queue', bo])
          for (const note of [undefined, '', '  \n ', 'x'.repeat(501), 42])
            expect(
              await emitAck(anna, 'operator:transfer', {
                conversationId: q.conversationId,
                to,
                ...(note === undefined ? {} : { note }),
              }),
              `${to} ${String(note).slice(0, 10)}`,
            ).toMatchObject({ ok: false, error: 'invalid-payload' });
        await sleep(150);
        expect(await c.store.getConversation(q.conversationId)).toEqual(before);
        expect(await c.store.listNotes(q.conversationId)).toEqual([]);
        expect(assigned).toEqual([]);
        expect(told).toEqual([]);
        // 500 characters is the limit, not beyond it.
        expect(
          await emitAck(anna, 'operator:transfer', { conversationId: q.conversationId, to: bo, note: 'x'.repeat(500) }),
        ).toEqual({ ok: true, data: {} });
      });

      it('delivers the note to the colleague with the conversation; the visitor never sees it', async () => {
        const c = await start();
        const anna = await c.operator('anna', { available: true, displayName: 'Anna' });
        const bram = await c.operator('bram', { available: true, displayName: 'Bo' });
        const q = await active(c, anna);
        const bo = await colleagueId(anna, 'Bo');
        const visitorHeard = record<ChatMessage>(q.visitor, 'chat:message');
        const assigned = nextEvent<Assigned>(bram, 'chat:assigned');
        const accepted = nextEvent<{ operatorName: string }>(q.visitor, 'chat:accepted');
        const note = 'Zij wil om 15:00 teruggebeld worden; vader is thuis.';
        expect(await emitAck(anna, 'operator:transfer', { conversationId: q.conversationId, to: bo, note })).toEqual({
          ok: true,
          data: {},
        });
        const given = await assigned;
        expect(given.handover).toEqual({ note, from: 'Anna' });
        expect(given.conversation.handover).toEqual({ note, from: 'Anna' });
        expect(given.conversation.notes.map((n) => n.text)).toEqual([note]);
        expect((await accepted).operatorName).toBe('Bo');

        // After a reload the conversation still says what was handed over, but it is no new handover.
        bram.disconnect();
        const again = await c.operator('bram', { displayName: 'Bo' });
        const back = await firstEvent<Assigned>(again, 'chat:assigned');
        expect(back.handover).toBeUndefined();
        expect(back.conversation.handover).toEqual({ note, from: 'Anna' });

        // The visitor's resumed state holds no note either.
        await sleep(100);
        expect(JSON.stringify(visitorHeard)).not.toContain('teruggebeld');
      });

      it('through the queue: the row is marked, whoever accepts gets the note in the accept acknowledgement', async () => {
        const c = await start();
        const anna = await c.operator('anna', { available: true, displayName: 'Anna' });
        const bram = await c.operator('bram', { available: true, displayName: 'Bo' });
        const q = await active(c, anna);
        const note = 'Graag een collega die Engels spreekt.';
        const update = nextEvent(q.visitor, 'queue:updated');
        // The queue row says a note waits (the note itself only with the accept).
        const queued = nextEvent<QueueSnapshot>(bram, 'queue:snapshot', (snap) =>
          snap.waiting.some((row) => row.conversationId === q.conversationId),
        );
        expect(
          await emitAck(anna, 'operator:transfer', { conversationId: q.conversationId, to: 'queue', note }),
        ).toEqual({
          ok: true,
          data: {},
        });
        await update;
        const row = (await queued).waiting.find((w) => w.conversationId === q.conversationId);
        expect(row?.handedOver).toBe(true);
        expect(JSON.stringify(row)).not.toContain('Engels');
        const taken = await emitAck<Accepted>(bram, 'operator:accept', { conversationId: q.conversationId });
        if (!taken.ok) throw new Error(taken.error);
        expect(taken.data.conversation.handover).toEqual({ note, from: 'Anna' });
      });
    });

    it('shows who wrote each operator message to operators; the visitor gets the alias, never an operator id', async () => {
      const c = await start();
      const anna = await c.operator('anna', { available: true, displayName: 'Anna' });
      const bram = await c.operator('bram', { available: true, displayName: 'Bo' });
      const fresh = nextEvent<QueueSnapshot>(bram, 'queue:snapshot', (s) => (s.colleagues ?? []).length === 2);
      await emitAck(bram, 'operator:status', { status: 'available' });
      const ids = Object.fromEntries((await fresh).colleagues!.map((o) => [o.name, o.operatorId]));
      const q = await active(c, anna);
      const atVisitor = nextEvent<ChatMessage>(q.visitor, 'chat:message', (m) => m.from === 'operator');
      await emitAck(anna, 'chat:send', {
        conversationId: q.conversationId,
        clientId: randomUUID(),
        text: 'Ik ben Anna',
      });
      const heard = await atVisitor;
      expect(heard).toMatchObject({ from: 'operator', text: 'Ik ben Anna', operatorName: 'Anna' });
      expect(heard).not.toHaveProperty('operatorId');

      const assigned = nextEvent<Assigned>(bram, 'chat:assigned');
      await emitAck(anna, 'operator:transfer', { conversationId: q.conversationId, to: ids.Bo, note: 'over naar Bo' });
      const [first] = (await assigned).conversation.messages.filter((m) => m.from === 'operator');
      expect(first).toMatchObject({ text: 'Ik ben Anna', operatorName: 'Anna', operatorId: ids.Anna });

      const tab = await c.operator('bram', { displayName: 'Bo' });
      const mirrored = nextEvent<OperatorChatMessage>(tab, 'chat:message');
      const ack = await emitAck(bram, 'chat:send', {
        conversationId: q.conversationId,
        clientId: randomUUID(),
        text: 'Bo hier',
      });
      expect(ack.ok).toBe(true);
      expect(await mirrored).toMatchObject({ operatorName: 'Bo', operatorId: ids.Bo });

      // A visitor who resumes reads every operator message by alias, without ids.
      q.visitor.disconnect();
      const resumed = await c.visitor({ resumeToken: q.resumeToken });
      const state = await firstEvent<ChatState>(resumed, 'chat:state');
      const fromOperators = state.messages.filter((m) => m.from === 'operator');
      expect(fromOperators.map((m) => [m.text, m.operatorName])).toEqual([
        ['Ik ben Anna', 'Anna'],
        ['Bo hier', 'Bo'],
      ]);
      expect(JSON.stringify(state)).not.toContain('op-');
    });
  });
}
