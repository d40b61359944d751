/**
 * The operator side over real sockets and HTTP, against both stores: login, sessions, the
 * Origin check, every operator event with its ack and what the visitor (or a colleague)
 * receives, the queue order, supervisors' figures and the live status.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { io as connect } from 'socket.io-client';
import {
  emitAck,
  firstEvent,
  nextEvent,
  record,
  sleep,
  startChat,
  startPayload,
  TEST_PASSWORD,
  type TestChat,
} from '../support/chat-app';
import { storeKinds } from '../support/chat-stores';
import { resolve } from 'node:path';
import { loadSchedule } from '../../chat-server/src/chat/schedule';
import type {
  ChatMessage,
  ChatStatusResponse,
  OperatorConversation,
  QueueSnapshot,
  SupervisorStats,
  VisitorStarted,
} from '../../chat-server/src/protocol';

type Accepted = { conversation: OperatorConversation };

for (const kind of storeKinds()) {
  describe(`operator side (${kind.name} store)`, () => {
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

    const post = (c: TestChat, path: string, body: unknown, headers: Record<string, string> = {}) =>
      fetch(`${c.base}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: c.base, ...headers },
        body: JSON.stringify(body),
      });

    async function queued(c: TestChat, payload: Record<string, unknown> = {}) {
      const visitor = await c.visitor();
      const ack = await emitAck<VisitorStarted>(visitor, 'visitor:start', startPayload(payload));
      if (!ack.ok) throw new Error(ack.error);
      return { visitor, ...ack.data };
    }

    describe('login and sessions', () => {
      it('gives a reconnecting operator back the conversations they hold', async () => {
        const c = await start();
        const first = await c.operator('anna', { available: true });
        const { conversationId } = await queued(c);
        const accepted = await emitAck<Accepted>(first, 'operator:accept', {});
        expect(accepted.ok).toBe(true);
        first.disconnect();
        const again = await c.operator('anna');
        const assigned = await firstEvent<Accepted>(again, 'chat:assigned');
        expect(assigned.conversation.conversationId).toBe(conversationId);
        expect(assigned.conversation.status).toBe('active');
      });

      it('sets an httpOnly SameSite=Strict session cookie and answers /me', async () => {
        const c = await start();
        await c.login('anna', { role: 'supervisor', region: 'VT09', displayName: 'Sanne' });
        const res = await post(c, '/api/operator/login', { username: 'Anna', password: TEST_PASSWORD });
        expect(res.status).toBe(200);
        const cookie = res.headers.get('set-cookie') ?? '';
        expect(cookie).toMatch(/^ghnt_operator=[A-Za-z0-9_-]{40,};/);
        expect(cookie).toContain('HttpOnly');
        expect(cookie).toContain('SameSite=Strict');
        expect(cookie).not.toContain('Secure');
        expect(res.headers.get('cache-control')).toBe('no-store');
        const me = await fetch(`${c.base}/api/operator/me`, { headers: { cookie: cookie.split(';')[0]! } });
        expect(await me.json()).toEqual({
          ok: true,
          // The opaque id colleagues see (never the username): chat-operator-ids.test.ts.
          data: {
            operatorId: expect.stringMatching(/^op-[\w-]{22}$/),
            name: 'Sanne',
            role: 'supervisor',
            region: 'VT09',
            capacity: 3,
            twoFactor: false,
            // Issue 14: an account without languages chats in Dutch.
            languages: ['nl'],
          },
        });
        expect((await fetch(`${c.base}/api/operator/me`)).status).toBe(401);
      });

      it('refuses a wrong password, then locks the username after repeated failures', async () => {
        const c = await start({ loginMaxFailures: 3 });
        await c.login('anna');
        for (let i = 0; i < 3; i++)
          expect((await post(c, '/api/operator/login', { username: 'anna', password: 'wrong password!' })).status).toBe(
            401,
          );
        const locked = await post(c, '/api/operator/login', { username: 'anna', password: TEST_PASSWORD });
        expect(locked.status).toBe(429);
        expect(locked.headers.get('retry-after')).toBe('60');
        expect((await post(c, '/api/operator/login', { username: 'nobody', password: 'x' })).status).toBe(401);
      });

      it('refuses logins without our Origin and malformed bodies', async () => {
        const c = await start();
        await c.login('anna');
        const body = { username: 'anna', password: TEST_PASSWORD };
        expect((await post(c, '/api/operator/login', body, { origin: 'https://evil.example' })).status).toBe(403);
        const noOrigin = await fetch(`${c.base}/api/operator/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        expect(noOrigin.status).toBe(403);
        expect((await post(c, '/api/operator/login', { ...body, extra: 1 })).status).toBe(400);
        const broken = await fetch(`${c.base}/api/operator/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: c.base },
          body: '{"username":',
        });
        expect(broken.status).toBe(400);
        expect(await broken.json()).toEqual({ ok: false, error: 'invalid-payload' });
      });

      it('refuses an operator socket without a valid session or from another origin', async () => {
        const c = await start();
        const cookie = await c.login('anna');
        const attempt = (extraHeaders: Record<string, string>) =>
          new Promise<string>((resolve) => {
            const socket = connect(`${c.base}/operator`, {
              transports: ['websocket'],
              reconnection: false,
              forceNew: true,
              extraHeaders,
            });
            socket.on('connect', () => {
              socket.disconnect();
              resolve('connected');
            });
            socket.on('connect_error', (error) => resolve(error.message));
          });
        expect(await attempt({ origin: c.base })).toBe('unauthorized');
        expect(
          await attempt({ origin: c.base, cookie: 'ghnt_operator=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }),
        ).toBe('unauthorized');
        expect(await attempt({ origin: 'https://evil.example', cookie })).toBe('unauthorized');
        expect(await attempt({ origin: c.base, cookie })).toBe('connected');
      });

      it('logout ends the session and closes its sockets, not those of other sessions', async () => {
        const c = await start();
        const cookie = await c.login('anna');
        const loggedOut = await c.operator('anna', { cookie });
        const otherSession = await c.operator('anna');
        const closed = new Promise((resolve) => loggedOut.once('disconnect', resolve));
        const res = await post(c, '/api/operator/logout', {}, { cookie });
        expect(res.status).toBe(200);
        expect(res.headers.get('set-cookie')).toContain('Max-Age=0');
        expect((await fetch(`${c.base}/api/operator/me`, { headers: { cookie } })).status).toBe(401);
        await closed;
        await sleep(50);
        expect(otherSession.connected).toBe(true);
      });
    });

    describe('console API', () => {
      it('serves quick replies rendered safely and the help route of a municipality', async () => {
        const c = await start();
        const cookie = await c.login('anna');
        const replies = await (
          await fetch(`${c.base}/api/operator/quick-replies?lang=ar`, { headers: { cookie } })
        ).json();
        expect(replies.ok).toBe(true);
        expect(replies.data.length).toBeGreaterThanOrEqual(3);
        expect(replies.data[0]).toMatchObject({ id: 'ar-1' });
        expect(replies.data[0].html).toContain('<p>');
        expect((await fetch(`${c.base}/api/operator/quick-replies?lang=xx`, { headers: { cookie } })).status).toBe(400);
        expect((await fetch(`${c.base}/api/operator/quick-replies?lang=nl`)).status).toBe(401);
        const route = await (
          await fetch(`${c.base}/api/operator/help-route?municipality=GM0479`, { headers: { cookie } })
        ).json();
        expect(route.data.municipality).toEqual({ code: 'GM0479', name: 'Zaanstad' });
        expect(route.data.veiligThuis.region).toMatch(/^VT\d\d$/);
        expect(route.data.phones.map((p: { phone: string }) => p.phone)).toEqual(['112', '0800-2000']);
        expect(
          (await fetch(`${c.base}/api/operator/help-route?municipality=GM9999`, { headers: { cookie } })).status,
        ).toBe(404);
      });
    });

    describe('events', () => {
      it('sends a queue snapshot on connect and after every change, without visitor texts', async () => {
        const c = await start();
        const operator = await c.operator('anna', { available: true });
        const q = await queued(c, { lang: 'pl', municipality: 'GM0479', theme: 'partnergeweld', nickname: 'Ster' });
        const snapshot = await nextEvent<QueueSnapshot>(operator, 'queue:snapshot', (s) => s.waiting.length === 1);
        expect(snapshot.waiting[0]).toMatchObject({
          conversationId: q.conversationId,
          lang: 'pl',
          about: 'self',
          inDanger: false,
          municipality: 'GM0479',
          theme: 'partnergeweld',
        });
        expect(JSON.stringify(snapshot)).not.toContain('Ster');
        expect(snapshot.mine).toEqual([]);
        expect(snapshot.colleagues?.map((o) => o.name)).toEqual(['Alias anna']);
        expect(snapshot.colleagues?.[0]?.operatorId).toMatch(/^op-[\w-]{22}$/);
      });

      it('gives a conversation to exactly one of two operators accepting at once', async () => {
        const c = await start();
        const a = await c.operator('anna', { available: true });
        const b = await c.operator('bram', { available: true });
        const q = await queued(c);
        const results = await Promise.all([
          emitAck(a, 'operator:accept', { conversationId: q.conversationId }),
          emitAck(b, 'operator:accept', { conversationId: q.conversationId }),
        ]);
        expect(results.filter((r) => r.ok)).toHaveLength(1);
        expect(results.filter((r) => !r.ok && r.error === 'already-taken')).toHaveLength(1);
      });

      it('enforces the capacity', async () => {
        const c = await start({ capacity: 2 });
        const a = await c.operator('anna', { available: true });
        for (let i = 0; i < 3; i++) await queued(c);
        expect((await emitAck(a, 'operator:accept', {})).ok).toBe(true);
        expect((await emitAck(a, 'operator:accept', {})).ok).toBe(true);
        expect(await emitAck(a, 'operator:accept', {})).toEqual({ ok: false, error: 'capacity' });
        expect(await emitAck(a, 'operator:accept', { conversationId: 'nope' })).toEqual({
          ok: false,
          error: 'not-found',
        });
      });

      it('takes the next by danger, then own region, then waiting time; anyone after the overflow', async () => {
        const c = await start({ overflowMs: 1_500 });
        const national = await c.operator('nina', { available: true, region: 'national' });
        const zaanstreek = await c.operator('zeno', { available: true, region: 'VT22' });
        const amsterdam = await queued(c, { municipality: 'GM0363' }); // VT01
        const zaanstad = await queued(c, { municipality: 'GM0479' }); // VT22 Zaanstreek-Waterland
        const urgent = await queued(c, { inDanger: true });
        const next = async (socket: typeof national) => {
          const r = await emitAck<Accepted>(socket, 'operator:accept', {});
          return r.ok ? r.data.conversation.conversationId : r.error;
        };
        expect(await next(zaanstreek)).toBe(urgent.conversationId);
        expect(await next(zaanstreek)).toBe(zaanstad.conversationId);
        expect(await next(national)).toBe(amsterdam.conversationId);

        // A VT22 visitor is kept for the available VT22 operator until the overflow time.
        const amsterdammer = await c.operator('alex', { available: true, region: 'VT01' });
        const later = await queued(c, { municipality: 'GM0479' });
        expect(await next(amsterdammer)).toBe('not-found');
        await sleep(1_600);
        expect(await next(amsterdammer)).toBe(later.conversationId);
      });

      it('relays typing and messages to the visitor; internal notes never reach the visitor', async () => {
        const c = await start();
        const operator = await c.operator('anna', { available: true });
        const secondTab = await c.operator('anna');
        const q = await queued(c);
        const visitorMessages = record<ChatMessage>(q.visitor, 'chat:message');
        await emitAck(operator, 'operator:accept', {});
        const typing = nextEvent(q.visitor, 'chat:typing');
        expect(await emitAck(operator, 'chat:typing', { conversationId: q.conversationId, typing: true })).toEqual({
          ok: true,
          data: {},
        });
        expect(await typing).toEqual({ from: 'operator', typing: true });
        const noteInOtherTab = nextEvent<{ text: string }>(secondTab, 'chat:note');
        const note = await emitAck<{ id: string }>(operator, 'operator:note', {
          conversationId: q.conversationId,
          text: 'Intern: mogelijk kind betrokken',
        });
        expect(note.ok).toBe(true);
        expect((await noteInOtherTab).text).toBe('Intern: mogelijk kind betrokken');
        const mirrored = nextEvent<ChatMessage>(secondTab, 'chat:message');
        await emitAck(operator, 'chat:send', {
          conversationId: q.conversationId,
          clientId: randomUUID(),
          text: 'Hallo',
        });
        expect((await mirrored).text).toBe('Hallo');
        await sleep(100);
        expect(visitorMessages.map((m) => m.text)).toContain('Hallo');
        expect(JSON.stringify(visitorMessages)).not.toContain('Intern');
        expect(await c.store.listNotes(q.conversationId)).toHaveLength(1);
      });

      it('refuses events on conversations the operator does not hold', async () => {
        const c = await start();
        const a = await c.operator('anna', { available: true });
        const b = await c.operator('bram', { available: true });
        const q = await queued(c);
        await emitAck(a, 'operator:accept', {});
        const id = q.conversationId;
        const clientId = randomUUID();
        expect(await emitAck(b, 'chat:send', { conversationId: id, clientId, text: 'x' })).toEqual({
          ok: false,
          error: 'forbidden',
        });
        expect(await emitAck(b, 'operator:note', { conversationId: id, text: 'x' })).toMatchObject({
          error: 'forbidden',
        });
        expect(await emitAck(b, 'chat:end', { conversationId: id, outcome: 'advice' })).toMatchObject({
          error: 'forbidden',
        });
        expect(
          await emitAck(b, 'operator:transfer', { conversationId: id, to: 'queue', note: 'overdracht' }),
        ).toMatchObject({
          error: 'forbidden',
        });
        expect(await emitAck(b, 'chat:typing', { conversationId: id, typing: true })).toMatchObject({
          error: 'forbidden',
        });
        expect(await emitAck(b, 'chat:send', { conversationId: 'unknown', clientId, text: 'x' })).toMatchObject({
          error: 'not-found',
        });
        expect(await emitAck(b, 'visitor:start', startPayload())).toMatchObject({ error: 'invalid-payload' });
      });

      it('transfers to the queue: the visitor keeps their place and gets a queue update', async () => {
        const c = await start();
        const a = await c.operator('anna', { available: true });
        const first = await queued(c);
        await queued(c);
        await emitAck(a, 'operator:accept', { conversationId: first.conversationId });
        const update = nextEvent<{ position: number }>(first.visitor, 'queue:updated');
        expect(
          await emitAck(a, 'operator:transfer', {
            conversationId: first.conversationId,
            to: 'queue',
            note: 'overdracht',
          }),
        ).toEqual({
          ok: true,
          data: {},
        });
        expect((await update).position).toBe(1);
      });

      it('transfers to a colleague within their capacity: colleague and visitor are told', async () => {
        const c = await start();
        const a = await c.operator('anna', { available: true });
        const b = await c.operator('bram', { available: true, displayName: 'Bo' });
        const q = await queued(c);
        await emitAck(a, 'operator:accept', {});
        await emitAck(q.visitor, 'chat:send', { clientId: randomUUID(), text: 'mijn verhaal' });
        const assigned = nextEvent<Accepted>(b, 'chat:assigned');
        const accepted = nextEvent<{ operatorName: string }>(q.visitor, 'chat:accepted');
        // Colleagues are addressed by the opaque id from the snapshot, not by username.
        const fresh = nextEvent<QueueSnapshot>(a, 'queue:snapshot', (s) => (s.colleagues ?? []).length === 2);
        await emitAck(a, 'operator:status', { status: 'available' });
        const snapshot = await fresh;
        const idOf = (name: string) => snapshot.colleagues!.find((o) => o.name === name)!.operatorId;
        const to = (target: string) =>
          emitAck(a, 'operator:transfer', { conversationId: q.conversationId, to: target, note: 'overdracht' });
        expect(await to(idOf('Alias anna'))).toMatchObject({ error: 'forbidden' });
        expect(await to('ghost')).toMatchObject({ error: 'not-found' });
        expect(await to('bram')).toMatchObject({ error: 'not-found', message: 'operator-offline' });
        expect(
          await emitAck(a, 'operator:transfer', {
            conversationId: q.conversationId,
            to: idOf('Bo'),
            note: 'overdracht',
          }),
        ).toEqual({
          ok: true,
          data: {},
        });
        const conversation = (await assigned).conversation;
        expect(conversation.messages.map((m) => m.text)).toContain('mijn verhaal');
        expect((await accepted).operatorName).toBe('Bo');
        const atB = nextEvent<ChatMessage>(b, 'chat:message');
        await emitAck(q.visitor, 'chat:send', { clientId: randomUUID(), text: 'hallo Bo' });
        expect((await atB).text).toBe('hallo Bo');
      });

      it('ends with an outcome: the visitor is told, texts go, only counts stay', async () => {
        const c = await start();
        const supervisor = await c.operator('sara', { role: 'supervisor' });
        const a = await c.operator('anna', { available: true });
        const operatorStats = record(a, 'stats:updated');
        const q = await queued(c);
        await emitAck(a, 'operator:accept', {});
        await emitAck(q.visitor, 'chat:send', { clientId: randomUUID(), text: 'geheim' });
        const ended = nextEvent(q.visitor, 'chat:ended');
        const stats = nextEvent<SupervisorStats>(supervisor, 'stats:updated', (s) => s.endedToday === 1);
        expect(await emitAck(a, 'chat:end', { conversationId: q.conversationId, outcome: 'referral' })).toEqual({
          ok: true,
          data: {},
        });
        expect(await ended).toEqual({ by: 'operator' });
        expect(await stats).toMatchObject({
          waiting: 0,
          active: 0,
          operatorsAvailable: 1,
          endedToday: 1,
          abandonedToday: 0,
        });
        expect(operatorStats).toEqual([]);
        expect(await c.store.listMessages(q.conversationId)).toEqual([]);
        expect(await c.store.getConversation(q.conversationId)).toBeNull();
        expect(await emitAck(a, 'chat:end', { conversationId: q.conversationId, outcome: 'other' })).toMatchObject({
          error: 'not-found',
        });
        expect(await emitAck(a, 'chat:end', { conversationId: q.conversationId, outcome: 'nonsense' })).toMatchObject({
          error: 'invalid-payload',
        });
      });

      it('puts the conversations of an operator who stays away back in the queue', async () => {
        const c = await start({ resumeWindowMs: 300 });
        const a = await c.operator('anna', { available: true });
        const q = await queued(c);
        await emitAck(a, 'operator:accept', {});
        const back = nextEvent<{ position: number }>(q.visitor, 'queue:updated', (u) => u.position === 1, 5_000);
        a.disconnect();
        expect((await back).position).toBe(1);
        expect((await c.store.getConversation(q.conversationId))?.status).toBe('queued');
      });

      it('gives supervisors live figures', async () => {
        const c = await start();
        const supervisor = await c.operator('sara', { role: 'supervisor' });
        await firstEvent(supervisor, 'stats:updated');
        const waiting = nextEvent<SupervisorStats>(supervisor, 'stats:updated', (s) => s.waiting === 1);
        await c.operator('anna', { available: true });
        await queued(c, { inDanger: true });
        expect(await waiting).toMatchObject({ waiting: 1, active: 0, operatorsAvailable: 1, endedToday: 0 });
      });
    });

    describe('a reload keeps the place (OPERATOR_RECONNECT_GRACE_SECONDS)', () => {
      const status = async (c: TestChat) =>
        (await (await fetch(`${c.base}/api/chat/status`)).json()) as ChatStatusResponse;
      const colleagueAnna = (s: QueueSnapshot) => s.colleagues?.find((o) => o.name === 'Anna');

      it('keeps an available operator available when their console comes back within the grace', async () => {
        const c = await start({ operatorReconnectGraceMs: 5_000 });
        const cookie = await c.login('anna', { displayName: 'Anna' });
        const first = await c.operator('anna', { cookie, available: true });
        const ben = await c.operator('ben');
        expect((await status(c)).operatorsAvailable).toBe(1);

        // Gone for a moment: colleagues see Anna reconnecting, with her conversations, and no
        // visitor is counted on her.
        const reconnecting = nextEvent<QueueSnapshot>(ben, 'queue:snapshot', (s) => !!colleagueAnna(s)?.reconnecting);
        first.disconnect();
        expect(colleagueAnna(await reconnecting)).toMatchObject({ status: 'away', reconnecting: true });
        expect((await status(c)).operatorsAvailable).toBe(0);

        // The reloaded console gets its status back without sending operator:status.
        const again = await c.operator('anna', { cookie });
        expect(await firstEvent(again, 'operator:state')).toEqual({ status: 'available' });
        expect((await status(c)).operatorsAvailable).toBe(1);
        const back = nextEvent<QueueSnapshot>(ben, 'queue:snapshot', (s) => colleagueAnna(s)?.status === 'available');
        expect(colleagueAnna(await back)?.reconnecting).toBeUndefined();
        // And is offered the queue again: a visitor can start, and she takes them.
        const { conversationId } = await queued(c);
        const accepted = await emitAck<Accepted>(again, 'operator:accept', {});
        expect(accepted.ok && accepted.data.conversation.conversationId).toBe(conversationId);
      });

      it('starts a new login away, also within the grace (another session may be someone else)', async () => {
        const c = await start({ operatorReconnectGraceMs: 60_000 });
        const first = await c.operator('anna', { available: true });
        first.disconnect();
        await expect
          .poll(async () => (await c.store.listOperatorPresence())[0]?.reconnectingSince, { timeout: 5_000 })
          .toBeDefined();
        const again = await c.operator('anna');
        expect(await firstEvent(again, 'operator:state')).toEqual({ status: 'away' });
      });

      it('forgets the status once the grace has passed', async () => {
        const c = await start({ operatorReconnectGraceMs: 300 });
        const cookie = await c.login('anna', { displayName: 'Anna' });
        const first = await c.operator('anna', { cookie, available: true });
        first.disconnect();
        await expect.poll(() => c.store.listOperatorPresence(), { timeout: 5_000 }).toEqual([]);
        const again = await c.operator('anna', { cookie });
        expect(await firstEvent(again, 'operator:state')).toEqual({ status: 'away' });
        expect((await status(c)).operatorsAvailable).toBe(0);
      });

      it('gives no grace after a logout', async () => {
        const c = await start({ operatorReconnectGraceMs: 60_000 });
        const cookie = await c.login('anna');
        await c.operator('anna', { cookie, available: true });
        expect(await c.store.listOperatorPresence()).toHaveLength(1);
        expect((await post(c, '/api/operator/logout', {}, { cookie })).status).toBe(200);
        await expect.poll(() => c.store.listOperatorPresence(), { timeout: 2_000 }).toEqual([]);
      });
    });

    describe('GET /api/chat/status', () => {
      it('says closed with the next opening, from the default opening hours', async () => {
        // An operator signs in and is available on today's clock (a session made on a fixed past
        // date would have expired by the time the test runs); then the clock is Saturday 28
        // November 2026, 11:00 in Amsterdam: closed, although someone is available.
        let clock = Date.now();
        chat = await startChat({
          ...(await kind.createWithRedis()),
          schedule: loadSchedule(resolve('content/chat/opening-hours.json')),
          now: () => clock,
        });
        await chat.operator('anna', { available: true });
        clock = Date.parse('2026-11-28T10:00:00Z');
        const status = await (await fetch(`${chat.base}/api/chat/status`)).json();
        expect(status).toEqual({
          open: false,
          reason: 'closed',
          opensAt: '2026-11-30T08:00:00.000Z',
          waiting: 0,
          operatorsAvailable: 1,
        });
        const visitor = await chat.visitor();
        expect(await emitAck(visitor, 'visitor:start', startPayload())).toEqual({ ok: false, error: 'closed' });
      });

      it('reflects operators available, waiting visitors and a full queue', async () => {
        const c = await start({ maxQueue: 1 });
        const status = async () => (await (await fetch(`${c.base}/api/chat/status`)).json()) as ChatStatusResponse;
        expect(await status()).toEqual({ open: false, reason: 'no-operators', waiting: 0, operatorsAvailable: 0 });
        const a = await c.operator('anna');
        expect((await status()).reason).toBe('no-operators');
        await emitAck(a, 'operator:status', { status: 'available' });
        expect(await status()).toEqual({ open: true, waiting: 0, operatorsAvailable: 1 });
        await queued(c);
        expect(await status()).toEqual({ open: false, reason: 'queue-full', waiting: 1, operatorsAvailable: 1 });
        a.disconnect();
        await sleep(100);
        expect((await status()).operatorsAvailable).toBe(0);
      });
    });
  });
}
