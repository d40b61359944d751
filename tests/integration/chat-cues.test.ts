/**
 * The visitor's cues that reach the operator, over real sockets against both stores: the
 * optional `under18` on `visitor:start` (validated; shown in the queue and the conversation) and
 * the visitor's presence (issue 20): `visitorPresent`/`awaySince` on a waiting visitor's row in
 * `queue:snapshot`, `chat:presence` for a
 * conversation an operator holds, when the visitor's connection goes and comes back.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  defaultSettings,
  emitAck,
  firstEvent,
  nextEvent,
  record,
  startChat,
  startPayload,
  type TestChat,
} from '../support/chat-app';
import { storeKinds } from '../support/chat-stores';
import type {
  OperatorConversation,
  QueueSnapshot,
  VisitorPresence,
  VisitorStarted,
  WaitingConversation,
} from '../../chat-server/src/protocol';

const isoTime = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

for (const kind of storeKinds()) {
  describe(`chat cues (${kind.name} store)`, () => {
    let chat: TestChat | undefined;
    const start = async (settings: Parameters<typeof startChat>[0]['settings'] = {}) =>
      (chat = await startChat({ ...(await kind.createWithRedis()), settings }));
    afterEach(async () => {
      await chat?.close();
      chat = undefined;
    });
    afterAll(() => kind.dispose());

    it('passes under18 to the operator: in the queue snapshot and the accepted conversation', async () => {
      const c = await start();
      const operator = await c.operator('anna', { available: true });
      const young = await c.visitor();
      const other = await c.visitor();
      const snapshot = nextEvent<QueueSnapshot>(operator, 'queue:snapshot', (s) => s.waiting.length === 2);
      const ack = await emitAck<VisitorStarted>(young, 'visitor:start', startPayload({ under18: true }));
      await emitAck(other, 'visitor:start', startPayload({ under18: false }));
      if (!ack.ok) throw new Error(JSON.stringify(ack));
      const { waiting } = await snapshot;
      const row = waiting.find((w) => w.conversationId === ack.data.conversationId);
      expect(row?.under18).toBe(true);
      expect(waiting.find((w) => w !== row)).not.toHaveProperty('under18');
      const accepted = await emitAck<{ conversation: OperatorConversation }>(operator, 'operator:accept', {
        conversationId: ack.data.conversationId,
      });
      expect(accepted.ok && accepted.data.conversation.under18).toBe(true);
    });

    for (const bad of ['yes', 1, null]) {
      it(`refuses under18: ${JSON.stringify(bad)} with invalid-payload and queues nothing`, async () => {
        const c = await start();
        await c.operator('anna', { available: true });
        const visitor = await c.visitor();
        const ack = await emitAck(visitor, 'visitor:start', startPayload({ under18: bad }));
        expect(ack).toMatchObject({ ok: false, error: 'invalid-payload' });
        expect(await c.store.listQueued()).toEqual([]);
        // The socket is still free to start properly.
        expect((await emitAck(visitor, 'visitor:start', startPayload())).ok).toBe(true);
      });
    }

    it('tells the operator holding it when the visitor is away and back (chat:presence with since)', async () => {
      const c = await start();
      const operator = await c.operator('anna', { available: true });
      const visitor = await c.visitor();
      const started = await emitAck<VisitorStarted>(visitor, 'visitor:start', startPayload());
      if (!started.ok) throw new Error();
      const conversationId = started.data.conversationId;
      const accepted = await emitAck<{ conversation: OperatorConversation }>(operator, 'operator:accept', {
        conversationId,
      });
      expect(accepted.ok && accepted.data.conversation.visitorPresent).toBe(true);
      expect(accepted.ok && accepted.data.conversation).not.toHaveProperty('awaySince');

      const leftAt = Date.now();
      const away = nextEvent<VisitorPresence>(operator, 'chat:presence');
      visitor.disconnect();
      const gone = await away;
      expect(gone).toMatchObject({ conversationId, present: false });
      expect(gone.since).toMatch(isoTime);
      expect(Math.abs(Date.parse(gone.since) - leftAt)).toBeLessThan(5_000);

      // A console that connects meanwhile gets the conversation marked as not present, since when.
      const reloaded = await c.operator('anna');
      const assigned = await firstEvent<{ conversation: OperatorConversation }>(reloaded, 'chat:assigned');
      expect(assigned.conversation).toMatchObject({ visitorPresent: false, awaySince: gone.since });

      const back = nextEvent<VisitorPresence>(operator, 'chat:presence');
      await c.visitor({ resumeToken: started.data.resumeToken });
      const returned = await back;
      expect(returned).toMatchObject({ conversationId, present: true });
      expect(Date.parse(returned.since)).toBeGreaterThanOrEqual(Date.parse(gone.since));
      const again = await c.operator('anna');
      const view = await firstEvent<{ conversation: OperatorConversation }>(again, 'chat:assigned');
      expect(view.conversation.visitorPresent).toBe(true);
      expect(view.conversation).not.toHaveProperty('awaySince');
    });

    it('marks a queued visitor who closes the page as not present in the snapshot within 10 s, present again on resume', async () => {
      const c = await start();
      const operator = await c.operator('anna', { available: true });
      const presence = record<VisitorPresence>(operator, 'chat:presence');
      const visitor = await c.visitor();
      const started = await emitAck<VisitorStarted>(visitor, 'visitor:start', startPayload());
      if (!started.ok) throw new Error();
      const conversationId = started.data.conversationId;
      const rowIn = (s: QueueSnapshot) => s.waiting.find((w) => w.conversationId === conversationId);
      const present = await nextEvent<QueueSnapshot>(operator, 'queue:snapshot', (s) => Boolean(rowIn(s)));
      expect(rowIn(present)?.visitorPresent).toBe(true);
      expect(rowIn(present)).not.toHaveProperty('awaySince');

      const leftAt = Date.now();
      const gone = nextEvent<QueueSnapshot>(
        operator,
        'queue:snapshot',
        (s) => rowIn(s)?.visitorPresent === false,
        10_000,
      );
      visitor.disconnect();
      const row = rowIn(await gone) as WaitingConversation;
      expect(Date.now() - leftAt).toBeLessThan(10_000);
      expect(row.awaySince).toMatch(isoTime);
      expect(Math.abs(Date.parse(row.awaySince!) - leftAt)).toBeLessThan(5_000);

      const back = nextEvent<QueueSnapshot>(
        operator,
        'queue:snapshot',
        (s) => rowIn(s)?.visitorPresent === true,
        10_000,
      );
      await c.visitor({ resumeToken: started.data.resumeToken });
      expect(rowIn(await back)).not.toHaveProperty('awaySince');
      // Nobody holds it: no chat:presence.
      expect(presence).toEqual([]);
    });

    it('takes a queued visitor who stays away out of the queue after the short unaccepted lifetime', async () => {
      const c = await start({ admission: { ...defaultSettings.admission, unacceptedAwayMs: 1_000 } });
      const operator = await c.operator('anna', { available: true });
      const visitor = await c.visitor();
      const started = await emitAck<VisitorStarted>(visitor, 'visitor:start', startPayload());
      if (!started.ok) throw new Error();
      const conversationId = started.data.conversationId;
      const rowIn = (s: QueueSnapshot) => s.waiting.find((w) => w.conversationId === conversationId);
      const away = nextEvent<QueueSnapshot>(operator, 'queue:snapshot', (s) => rowIn(s)?.visitorPresent === false);
      visitor.disconnect();
      await away;
      await nextEvent<QueueSnapshot>(operator, 'queue:snapshot', (s) => !rowIn(s), 10_000);
      expect((await c.store.getConversation(conversationId))?.status ?? 'ended').toBe('ended');
    });
  });
}
