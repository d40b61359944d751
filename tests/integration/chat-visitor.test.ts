/**
 * The visitor namespace over real sockets, against both stores: every visitor event, its
 * acknowledgement, and what the operator receives.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import {
  content,
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
import { createSchedule, parseSchedule } from '../../chat-server/src/chat/schedule';
import type { ChatMessage, ChatState, VisitorStarted } from '../../chat-server/src/protocol';

for (const kind of storeKinds()) {
  describe(`visitor namespace (${kind.name} store)`, () => {
    let chat: TestChat | undefined;
    const start = async (settings: Parameters<typeof startChat>[0]['settings'] = {}, extra = {}) => {
      chat = await startChat({ ...(await kind.createWithRedis()), settings, ...extra });
      return chat;
    };
    afterEach(async () => {
      await chat?.close();
      chat = undefined;
    });
    afterAll(() => kind.dispose());

    it('starts a chat: ack with position, then the privacy notice in the visitor language', async () => {
      const c = await start();
      await c.operator('anna', { available: true });
      const visitor = await c.visitor();
      const messages = record<ChatMessage>(visitor, 'chat:message');
      const ack = await emitAck<VisitorStarted>(visitor, 'visitor:start', startPayload({ lang: 'tr' }));
      expect(ack).toMatchObject({ ok: true, data: { status: 'queued', position: 1, estimatedWaitSeconds: null } });
      if (!ack.ok) throw new Error();
      expect(ack.data.resumeToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
      await sleep(100);
      expect(messages.map((m) => [m.from, m.text])).toEqual([['system', content.systemMessage('tr', 'privacy')]]);
    });

    it('gives a visitor in danger the 112 advice at once, in their language, and priority', async () => {
      const c = await start();
      await c.operator('anna', { available: true });
      const calm = await c.visitor();
      await emitAck(calm, 'visitor:start', startPayload());
      const urgent = await c.visitor();
      const first = nextEvent<ChatMessage>(urgent, 'chat:message');
      // Listening before the start: on a loaded machine the update can come before the advice is read.
      const moved = nextEvent<{ position: number }>(calm, 'queue:updated', (u) => u.position === 2);
      const ack = await emitAck<VisitorStarted>(urgent, 'visitor:start', startPayload({ lang: 'ar', inDanger: true }));
      expect(ack.ok && ack.data.position).toBe(1);
      const advice = await first;
      expect(advice.from).toBe('system');
      expect(advice.text).toBe(content.systemMessage('ar', 'danger'));
      expect(advice.text).toContain('112');
      expect((await moved).position).toBe(2);
    });

    it('tells a professional to call, from content', async () => {
      const c = await start();
      await c.operator('anna', { available: true });
      const visitor = await c.visitor();
      const messages = record<ChatMessage>(visitor, 'chat:message');
      await emitAck(visitor, 'visitor:start', startPayload({ about: 'professional', lang: 'en' }));
      await sleep(100);
      expect(messages.map((m) => m.text)).toContain(content.systemMessage('en', 'professional'));
    });

    it('refuses a start when closed, with no operator available, or with a full queue', async () => {
      const closedSchedule = createSchedule(
        parseSchedule({
          timeZone: 'Europe/Amsterdam',
          weekly: { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] },
        }),
      );
      const closed = await start({}, { schedule: closedSchedule });
      const v1 = await closed.visitor();
      expect(await emitAck(v1, 'visitor:start', startPayload())).toEqual({ ok: false, error: 'closed' });
      await closed.close();

      const c = await start({ maxQueue: 1 });
      const v2 = await c.visitor();
      expect(await emitAck(v2, 'visitor:start', startPayload())).toEqual({
        ok: false,
        error: 'closed',
        message: 'no-operators',
      });
      await c.operator('anna', { available: true });
      expect((await emitAck(v2, 'visitor:start', startPayload())).ok).toBe(true);
      const v3 = await c.visitor();
      expect(await emitAck(v3, 'visitor:start', startPayload())).toEqual({ ok: false, error: 'queue-full' });
      expect(await emitAck(v2, 'visitor:start', startPayload())).toMatchObject({ ok: false, error: 'forbidden' });
    });

    it('answers invalid payloads with invalid-payload and changes nothing', async () => {
      const c = await start();
      await c.operator('anna', { available: true });
      const visitor = await c.visitor();
      for (const bad of [
        {},
        startPayload({ lang: 'xx' }),
        startPayload({ inDanger: 'yes' }),
        startPayload({ extra: 1 }),
        startPayload({ municipality: 'GM9999' }),
        startPayload({ theme: 'no-such-theme' }),
        startPayload({ nickname: 'x'.repeat(31) }),
        'visitor',
        null,
      ]) {
        expect(await emitAck(visitor, 'visitor:start', bad)).toMatchObject({ ok: false, error: 'invalid-payload' });
      }
      expect(await c.store.listQueued()).toEqual([]);
      expect(await emitAck(visitor, 'chat:send', { clientId: randomUUID(), text: 'x' })).toEqual({
        ok: false,
        error: 'not-found',
      });
      expect(await emitAck(visitor, 'operator:accept', {})).toMatchObject({ ok: false, error: 'invalid-payload' });
    });

    it('relays messages both ways once the operator accepts, de-duplicating retries', async () => {
      const c = await start();
      const operator = await c.operator('anna', { available: true, displayName: 'Sanne' });
      const visitor = await c.visitor();
      const started = await emitAck<VisitorStarted>(
        visitor,
        'visitor:start',
        startPayload({ municipality: 'GM0363', theme: 'partnergeweld', nickname: 'Ster' }),
      );
      if (!started.ok) throw new Error(started.error);
      const clientId = randomUUID();
      const sent = await emitAck<{ id: string }>(visitor, 'chat:send', { clientId, text: '  hallo\r\n daar ' });
      const retry = await emitAck<{ id: string }>(visitor, 'chat:send', { clientId, text: 'hallo\n daar' });
      expect(sent.ok && retry.ok && sent.data.id === retry.data.id).toBe(true);

      const accepted = nextEvent<{ operatorName: string }>(visitor, 'chat:accepted');
      const ack = await emitAck<{ conversation: { messages: ChatMessage[]; region: string; nickname: string } }>(
        operator,
        'operator:accept',
        {},
      );
      if (!ack.ok) throw new Error(ack.error);
      expect(ack.data.conversation).toMatchObject({ region: 'VT01', nickname: 'Ster', municipality: 'GM0363' });
      expect(ack.data.conversation.messages.filter((m) => m.from === 'visitor').map((m) => m.text)).toEqual([
        'hallo\n daar',
      ]);
      expect((await accepted).operatorName).toBe('Sanne');

      const atOperator = nextEvent<ChatMessage & { conversationId: string }>(operator, 'chat:message');
      const again = randomUUID();
      await emitAck(visitor, 'chat:send', { clientId: again, text: 'ben je daar?' });
      const first = await atOperator;
      expect(first).toMatchObject({
        conversationId: started.data.conversationId,
        from: 'visitor',
        text: 'ben je daar?',
        clientId: again,
      });
      const operatorMessages = record<ChatMessage>(operator, 'chat:message');
      const retried = await emitAck<{ id: string }>(visitor, 'chat:send', { clientId: again, text: 'ben je daar?' });

      const atVisitor = nextEvent<ChatMessage>(visitor, 'chat:message', (m) => m.from === 'operator');
      const reply = await emitAck(operator, 'chat:send', {
        conversationId: started.data.conversationId,
        clientId: randomUUID(),
        text: 'Ja, ik ben er.',
      });
      expect(reply.ok).toBe(true);
      expect((await atVisitor).text).toBe('Ja, ik ben er.');
      await sleep(50);
      // A retry is stored once and relayed again with the same id (its first relay may have died
      // with another process; docs/scaling.md): the console shows one message.
      expect(retried.ok && retried.data.id).toBe(first.id);
      expect(operatorMessages.map((m) => m.id)).toEqual([first.id]);
    });

    it('forwards typing to the operator and rejects messages over 2,000 characters', async () => {
      const c = await start();
      const operator = await c.operator('anna', { available: true });
      const visitor = await c.visitor();
      await emitAck(visitor, 'visitor:start', startPayload());
      await emitAck(operator, 'operator:accept', {});
      const typing = nextEvent<{ from: string; typing: boolean }>(operator, 'chat:typing');
      expect(await emitAck(visitor, 'chat:typing', { typing: true })).toEqual({ ok: true, data: {} });
      expect(await typing).toMatchObject({ from: 'visitor', typing: true });
      expect(await emitAck(visitor, 'chat:send', { clientId: randomUUID(), text: 'x'.repeat(2001) })).toMatchObject({
        ok: false,
        error: 'invalid-payload',
      });
      expect((await emitAck(visitor, 'chat:send', { clientId: randomUUID(), text: 'x'.repeat(2000) })).ok).toBe(true);
    });

    it('ends the chat for both parties and deletes its texts', async () => {
      const c = await start();
      const operator = await c.operator('anna', { available: true });
      const visitor = await c.visitor();
      const started = await emitAck<VisitorStarted>(visitor, 'visitor:start', startPayload());
      if (!started.ok) throw new Error();
      await emitAck(operator, 'operator:accept', {});
      await emitAck(visitor, 'chat:send', { clientId: randomUUID(), text: 'geheim' });
      const ended = nextEvent(operator, 'chat:ended');
      expect(await emitAck(visitor, 'chat:end', {})).toEqual({ ok: true, data: {} });
      expect(await ended).toEqual({ conversationId: started.data.conversationId, by: 'visitor' });
      expect(await c.store.listMessages(started.data.conversationId)).toEqual([]);
      expect(await emitAck(visitor, 'chat:end', {})).toEqual({ ok: false, error: 'not-found' });
    });

    it('quick exit ends at once, tells the operator, and forgets the resume token', async () => {
      const c = await start();
      const operator = await c.operator('anna', { available: true });
      const visitor = await c.visitor();
      const started = await emitAck<VisitorStarted>(visitor, 'visitor:start', startPayload());
      if (!started.ok) throw new Error();
      await emitAck(operator, 'operator:accept', {});
      const ended = nextEvent(operator, 'chat:ended');
      expect(await emitAck(visitor, 'visitor:quick-exit', {})).toEqual({ ok: true, data: {} });
      expect(await ended).toEqual({ conversationId: started.data.conversationId, by: 'quick-exit' });
      visitor.disconnect();
      const again = await c.visitor({ resumeToken: started.data.resumeToken });
      expect(await firstEvent(again, 'chat:resume-failed')).toEqual({ error: 'not-found' });
      expect(await emitAck(again, 'visitor:quick-exit', {})).toEqual({ ok: true, data: {} });
    });

    it('resumes with the token: full conversation, same place in the queue, new messages reach the operator', async () => {
      const c = await start();
      const operator = await c.operator('anna', { available: true });
      const first = await c.visitor();
      const started = await emitAck<VisitorStarted>(first, 'visitor:start', startPayload());
      if (!started.ok) throw new Error();
      const other = await c.visitor();
      await emitAck(other, 'visitor:start', startPayload());
      await emitAck(first, 'chat:send', { clientId: randomUUID(), text: 'eerste bericht' });
      await sleep(50);
      first.disconnect();
      await sleep(50);

      const resumed = await c.visitor({ resumeToken: started.data.resumeToken });
      const state = await firstEvent<ChatState>(resumed, 'chat:state');
      expect(state).toMatchObject({ conversationId: started.data.conversationId, status: 'queued', position: 1 });
      expect(state.messages.map((m) => m.text)).toContain('eerste bericht');
      expect(new Set(state.messages.map((m) => m.id)).size).toBe(state.messages.length);

      await emitAck(operator, 'operator:accept', { conversationId: started.data.conversationId });
      const atOperator = nextEvent<ChatMessage>(operator, 'chat:message');
      await emitAck(resumed, 'chat:send', { clientId: randomUUID(), text: 'terug' });
      expect((await atOperator).text).toBe('terug');
      resumed.disconnect();
      const activeAgain = await c.visitor({ resumeToken: started.data.resumeToken });
      expect(await firstEvent<ChatState>(activeAgain, 'chat:state')).toMatchObject({
        status: 'active',
        operatorName: 'Alias anna',
      });
    });

    it('ends with timeout a visitor who stays away longer than the resume window', async () => {
      const c = await start({ resumeWindowMs: 300 });
      const operator = await c.operator('anna', { available: true });
      const visitor = await c.visitor();
      const started = await emitAck<VisitorStarted>(visitor, 'visitor:start', startPayload());
      if (!started.ok) throw new Error();
      await emitAck(operator, 'operator:accept', {});
      const ended = nextEvent(operator, 'chat:ended', () => true, 5_000);
      visitor.disconnect();
      expect(await ended).toEqual({ conversationId: started.data.conversationId, by: 'timeout' });
      const late = await c.visitor({ resumeToken: started.data.resumeToken });
      expect(await firstEvent(late, 'chat:resume-failed')).toEqual({ error: 'not-found' });
    });

    it('rate-limits a socket that sends too fast', async () => {
      const c = await start({ rateLimit: { burst: 5, perSecond: 1 } });
      const visitor = await c.visitor();
      const acks = await Promise.all(
        Array.from({ length: 8 }, () => emitAck(visitor, 'chat:typing', { typing: true })),
      );
      expect(acks.filter((a) => !a.ok && a.error === 'rate-limited')).toHaveLength(3);
    });

    it('sets no cookie on the visitor socket handshake', async () => {
      const c = await start();
      const res = await fetch(`${c.base}/socket.io/?EIO=4&transport=polling`);
      expect(res.status).toBe(200);
      expect(res.headers.get('set-cookie')).toBeNull();
    });
  });
}
