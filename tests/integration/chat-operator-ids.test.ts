/**
 * Colleagues by an opaque id (issue 20, item 6): no login username reaches any operator's
 * browser, in any event or acknowledgement, over real sockets against both stores. A full
 * round of work between two operators and a supervisor (snapshots, figures, accept, a message,
 * notes, a transfer to a colleague by the opaque id, back to the queue, a reconnect) is recorded
 * on every operator socket and searched for the usernames. Transfers still work with the opaque id, and
 * the id stays the same for the account across sessions.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { emitAck, firstEvent, nextEvent, received, startChat, startPayload, type TestChat } from '../support/chat-app';
import { storeKinds } from '../support/chat-stores';
import { publicOperatorIds } from '../../chat-server/src/chat/operator-ids';
import { createRedisStore } from '../../chat-server/src/chat/store/redis-store';
import type { OperatorConversation, OperatorMe, QueueSnapshot, VisitorStarted } from '../../chat-server/src/protocol';

type Accepted = { conversation: OperatorConversation };

/** Usernames no other text in the chat contains, so finding them anywhere means a leak. */
const ANNA = 'annalogin7';
const BRAM = 'bramlogin3';
const SUPERVISOR = 'ruthlogin5';

for (const kind of storeKinds()) {
  describe(`opaque operator ids (${kind.name} store)`, () => {
    let chat: TestChat | undefined;
    afterEach(async () => {
      await chat?.close();
      chat = undefined;
    });
    afterAll(() => kind.dispose());

    /** Asks for a fresh snapshot (setting the status again sends one) and returns it. */
    async function snapshotOf(socket: Socket, match: (s: QueueSnapshot) => boolean = () => true) {
      const next = nextEvent<QueueSnapshot>(socket, 'queue:snapshot', match);
      await emitAck(socket, 'operator:status', { status: 'available' });
      return next;
    }

    it('sends no login username in any event or ack an operator receives; transfer works by the opaque id', async () => {
      const c = (chat = await startChat({ ...(await kind.createWithRedis()) }));
      const acks: unknown[] = [];
      const ask = async <T>(socket: Socket, event: string, payload: unknown) => {
        const ack = await emitAck<T>(socket, event, payload);
        acks.push(ack);
        return ack;
      };
      const anna = await c.operator(ANNA, { available: true, displayName: 'Sanne' });
      const bram = await c.operator(BRAM, { available: true, displayName: 'Bo' });
      const bramTab = await c.operator(BRAM, { displayName: 'Bo' });
      const lead = await c.operator(SUPERVISOR, { role: 'supervisor', displayName: 'Ruth' });

      const visitor = await c.visitor();
      const started = await emitAck<VisitorStarted>(visitor, 'visitor:start', startPayload({ inDanger: true }));
      if (!started.ok) throw new Error(started.error);
      const conversationId = started.data.conversationId;

      const first = await snapshotOf(anna, (s) => s.waiting.length === 1 && (s.colleagues ?? []).length === 3);
      const names = Object.fromEntries(first.colleagues!.map((o) => [o.name, o.operatorId]));
      expect(Object.keys(names).sort()).toEqual(['Bo', 'Ruth', 'Sanne']);
      for (const id of Object.values(names)) expect(id).toMatch(/^op-[\w-]{22}$/);
      expect(new Set(Object.values(names)).size).toBe(3);
      expect(first.waitingInDanger).toBe(1);

      // Anna takes the conversation, writes a note, hands it to Bo by the id from the snapshot.
      expect((await ask<Accepted>(anna, 'operator:accept', { conversationId })).ok).toBe(true);
      await ask(anna, 'operator:note', { conversationId, text: 'Notitie van Sanne' });
      // Her message carries its writer (issue 20) by the opaque id, to Bo after the transfer too.
      await ask(anna, 'chat:send', { conversationId, clientId: randomUUID(), text: 'Hallo, ik ben Sanne.' });
      const assigned = nextEvent<Accepted>(bram, 'chat:assigned');
      const inTab = nextEvent<Accepted>(bramTab, 'chat:assigned');
      expect(await ask(anna, 'operator:transfer', { conversationId, to: BRAM, note: 'Overdracht' })).toMatchObject({
        ok: false,
        error: 'not-found',
      });
      expect(
        await ask(anna, 'operator:transfer', { conversationId, to: names.Bo, note: 'Overdracht van Sanne' }),
      ).toEqual({ ok: true, data: {} });
      const given = (await assigned).conversation;
      await inTab;
      // The handover note joins the notes, by its writer (issue 20).
      expect(given.notes.map((n) => n.by)).toEqual([names.Sanne, names.Sanne]);
      expect(given.messages.filter((m) => m.from === 'operator').map((m) => m.operatorId)).toEqual([names.Sanne]);

      // Bo writes a note (mirrored to his other tab) and puts it back in the queue; Anna takes it again.
      const mirrored = nextEvent<{ by: string }>(bramTab, 'chat:note');
      await ask(bram, 'operator:note', { conversationId, text: 'Notitie van Bo' });
      expect((await mirrored).by).toBe(names.Bo);
      await ask(bram, 'operator:transfer', { conversationId, to: 'queue', note: 'Overdracht van Bo' });
      const again = await ask<Accepted>(anna, 'operator:accept', { conversationId });
      if (!again.ok) throw new Error(again.error);
      expect(again.data.conversation.notes.map((n) => n.by)).toEqual([names.Sanne, names.Sanne, names.Bo, names.Bo]);

      // A reconnect (new session) keeps the same id; a reconnecting console gets its conversation back.
      anna.disconnect();
      const annaAgain = await c.operator(ANNA, { available: true, displayName: 'Sanne' });
      await firstEvent<Accepted>(annaAgain, 'chat:assigned');
      const later = await snapshotOf(bram, (s) => (s.colleagues ?? []).some((o) => o.name === 'Sanne'));
      expect(later.colleagues!.find((o) => o.name === 'Sanne')!.operatorId).toBe(names.Sanne);
      await firstEvent(lead, 'stats:updated');

      // /api/operator/me gives the same opaque id, so a console can leave itself out.
      const cookie = await c.login(BRAM);
      const me = (await (await fetch(`${c.base}/api/operator/me`, { headers: { cookie } })).json()) as {
        data: OperatorMe;
      };
      expect(me.data.operatorId).toBe(names.Bo);

      const everything = JSON.stringify({
        acks,
        me,
        events: [anna, annaAgain, bram, bramTab, lead].map((socket) => received(socket)),
      });
      expect(everything).toContain('queue:snapshot');
      expect(everything).toContain('chat:assigned');
      expect(everything).toContain('stats:updated');
      for (const username of [ANNA, BRAM, SUPERVISOR]) expect(everything).not.toContain(username);
    });

    it('derives the same id on every process sharing the store, and a different one per account', async () => {
      const made = await kind.createWithRedis();
      const c = (chat = await startChat(made));
      const a = await c.operator(ANNA, { available: true });
      const id = (await snapshotOf(a)).colleagues![0]!.operatorId;
      // A second process on the same Redis prefix reads the same secret.
      const other = made.redis ? createRedisStore(made.redis.client, { prefix: made.redis.prefix }) : made.store;
      expect((await publicOperatorIds(other))(ANNA)).toBe(id);
      expect((await publicOperatorIds(other))(BRAM)).not.toBe(id);
    });
  });
}
