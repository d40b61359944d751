/**
 * The visitor's cues that reach the operator, over real sockets against both stores: the
 * optional `under18` on `visitor:start` (validated; shown in the queue and the conversation) and
 * `chat:visitor-presence` when the visitor's connection goes and comes back.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { emitAck, firstEvent, nextEvent, sleep, startChat, startPayload, type TestChat } from '../support/chat-app';
import { storeKinds } from '../support/chat-stores';
import type { OperatorConversation, QueueSnapshot, VisitorStarted } from '../../chat-server/src/protocol';

for (const kind of storeKinds()) {
  describe(`chat cues (${kind.name} store)`, () => {
    let chat: TestChat | undefined;
    const start = async () => (chat = await startChat({ ...(await kind.createWithRedis()), settings: {} }));
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

    it('tells the operator when the visitor is away and back (chat:visitor-presence)', async () => {
      const c = await start();
      const operator = await c.operator('anna', { available: true });
      const visitor = await c.visitor();
      const started = await emitAck<VisitorStarted>(visitor, 'visitor:start', startPayload());
      if (!started.ok) throw new Error();
      const conversationId = started.data.conversationId;
      await emitAck(operator, 'operator:accept', { conversationId });

      const away = nextEvent<{ conversationId: string; away: boolean }>(operator, 'chat:visitor-presence');
      visitor.disconnect();
      expect(await away).toEqual({ conversationId, away: true });

      // A console that connects meanwhile gets the conversation marked as away.
      const reloaded = await c.operator('anna');
      const assigned = await firstEvent<{ conversation: OperatorConversation }>(reloaded, 'chat:assigned');
      expect(assigned.conversation.visitorAway).toBe(true);

      const back = nextEvent<{ conversationId: string; away: boolean }>(operator, 'chat:visitor-presence');
      await c.visitor({ resumeToken: started.data.resumeToken });
      expect(await back).toEqual({ conversationId, away: false });
    });

    it('says nothing about a queued visitor who leaves (no operator holds it)', async () => {
      const c = await start();
      const operator = await c.operator('anna', { available: true });
      const seen: unknown[] = [];
      operator.on('chat:visitor-presence', (payload: unknown) => seen.push(payload));
      const visitor = await c.visitor();
      await emitAck(visitor, 'visitor:start', startPayload());
      visitor.disconnect();
      await sleep(200);
      expect(seen).toEqual([]);
    });
  });
}
