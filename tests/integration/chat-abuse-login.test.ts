/**
 * Issue 19, attacks 3 to 6, over real HTTP and sockets against both stores: parallel password
 * guessing, lockout as denial of service, password spraying, a login flood on the password
 * checks, and sessions that outlive a password reset or a removed account. Each attack is now
 * refused while the operator (from their own address) and an honest visitor are still served.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { emitAck, sleep, startChat, startPayload, TEST_PASSWORD, type TestChat } from '../support/chat-app';
import { storeKinds } from '../support/chat-stores';
import { hashPassword } from '../../chat-server/src/auth/passwords';
import type { ChatSettings } from '../../chat-server/src/config';
import type { VisitorStarted } from '../../chat-server/src/protocol';

const ATTACKER = '203.0.113.5';
const OFFICE = '198.51.100.7';

const login: ChatSettings['login'] = {
  maxFailuresPerAddress: 10,
  hashConcurrency: 2,
  hashQueue: 8,
  hashQueuePerAddress: 2,
};

for (const kind of storeKinds()) {
  describe(`logins and sessions under attack (${kind.name} store)`, () => {
    let chats: TestChat[] = [];
    const start = async (
      settings: Partial<ChatSettings> = {},
      shared?: Awaited<ReturnType<typeof kind.createWithRedis>>,
    ) => {
      const chat = await startChat({
        ...(shared ?? (await kind.createWithRedis())),
        trustProxy: 1,
        settings: { loginMaxFailures: 5, lockoutMs: 60_000, login, operatorRecheckMs: 200, ...settings },
      });
      chats.push(chat);
      return chat;
    };
    afterEach(async () => {
      for (const chat of chats) await chat.close();
      chats = [];
    });
    afterAll(() => kind.dispose());

    const attempt = (c: TestChat, username: string, password: string, address: string) =>
      fetch(`${c.base}/api/operator/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: c.base, 'x-forwarded-for': address },
        body: JSON.stringify({ username, password }),
      });

    /** An honest visitor is still served during the attack. */
    const honestVisitorServed = async (c: TestChat) => {
      const operator = await c.operator('on-duty', { available: true, address: '198.51.100.99' });
      const visitor = await c.visitor(undefined, { address: '192.0.2.77' });
      const ack = await emitAck<VisitorStarted>(visitor, 'visitor:start', startPayload());
      expect(ack.ok).toBe(true);
      expect((await emitAck(operator, 'operator:accept', {})).ok).toBe(true);
      visitor.disconnect();
      operator.disconnect();
    };

    it('counts a guess before checking it: 40 and then 100 parallel wrong passwords get 5 checks in all', async () => {
      const c = await start();
      await c.login('anna', { address: OFFICE });
      const burst = async (n: number) =>
        Promise.all(Array.from({ length: n }, () => attempt(c, 'anna', 'wrong password!', ATTACKER)));
      const first = await burst(40);
      const second = await burst(100);
      const statuses = [...first, ...second].map((r) => r.status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(135);
      for (const r of [...first, ...second].filter((r) => r.status === 429))
        expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
      // The owner, from their own address, is not locked out, and works.
      const cookie = await c.login('anna', { address: OFFICE });
      const operator = await c.operator('anna', { cookie, available: true });
      await honestVisitorServed(c);
      operator.disconnect();
    }, 60_000);

    it('a stranger cannot lock the operator out: the lockout is per account and address', async () => {
      const c = await start();
      await c.login('anna', { address: OFFICE });
      for (let i = 0; i < 5; i++) expect((await attempt(c, 'anna', 'wrong password!', ATTACKER)).status).toBe(401);
      for (let round = 0; round < 3; round++) {
        // The attacker's own guesses stay locked, even with the right password…
        const locked = await attempt(c, 'anna', TEST_PASSWORD, ATTACKER);
        expect(locked.status).toBe(429);
        expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
        expect(Number(locked.headers.get('retry-after'))).toBeLessThanOrEqual(60);
        // …while the owner, from their own address, logs in every time.
        expect((await attempt(c, 'anna', TEST_PASSWORD, OFFICE)).status).toBe(200);
      }
      await honestVisitorServed(c);
    });

    it('stops password spraying: one address gets its per-address number of guesses across all usernames', async () => {
      const c = await start();
      await c.login('anna', { address: OFFICE });
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) statuses.push((await attempt(c, `user${i}`, 'Welkom2026!', ATTACKER)).status);
      expect(statuses.filter((s) => s === 401)).toHaveLength(login.maxFailuresPerAddress);
      expect(statuses.filter((s) => s === 429)).toHaveLength(30 - login.maxFailuresPerAddress);
      expect((await attempt(c, 'anna', TEST_PASSWORD, OFFICE)).status).toBe(200);
      await honestVisitorServed(c);
    }, 60_000);

    it('colleagues behind one office address do not use up each other’s logins', async () => {
      const c = await start();
      for (let i = 0; i < 3 * login.maxFailuresPerAddress; i++) await c.login(`colleague${i}`, { address: OFFICE });
    }, 60_000);

    it('a login flood cannot starve a staff login of the password check', async () => {
      const c = await start({ loginMaxFailures: 1_000, login: { ...login, maxFailuresPerAddress: 1_000 } });
      await c.login('anna', { address: OFFICE });
      // What one full password check costs on this machine now (an unknown name: the dummy hash).
      const one = Date.now();
      expect((await attempt(c, 'nobody', 'wrong password!', '192.0.2.99')).status).toBe(401);
      const checkMs = Date.now() - one;
      // 200 parallel logins from one address for unknown names: each would cost a full scrypt.
      const flood = Array.from({ length: 200 }, (_, i) => attempt(c, `nobody${i}`, 'wrong password!', ATTACKER));
      await sleep(20);
      const began = Date.now();
      const staff = await attempt(c, 'anna', TEST_PASSWORD, OFFICE);
      const staffMs = Date.now() - began;
      const answers = await Promise.all(flood);
      expect(staff.status).toBe(200);
      // At most the running and queued checks of one address; everything else answered at once.
      const refused = answers.filter((r) => r.status === 429);
      expect(refused.length).toBeGreaterThanOrEqual(200 - 20);
      for (const r of refused) expect(r.headers.get('retry-after')).toBe('1');
      // Behind at most the running checks and one queued check of the flooding address, never
      // behind 200 (without the gate: about 200 / 4 libuv threads = 50 checks).
      expect(staffMs).toBeLessThan(12 * checkMs + 500);
      await honestVisitorServed(c);
    }, 60_000);

    it('a flood from many addresses is bounded: excess gets 429 at once, staff get in on retry', async () => {
      const c = await start();
      await c.login('anna', { address: OFFICE });
      const flood = Array.from({ length: 200 }, (_, i) =>
        attempt(c, `nobody${i}`, 'wrong password!', `10.${(i >> 8) & 255}.${i & 255}.1`),
      );
      let staff = await attempt(c, 'anna', TEST_PASSWORD, OFFICE);
      for (let tries = 0; staff.status === 429 && tries < 20; tries++) {
        await sleep(Number(staff.headers.get('retry-after')) * 1000);
        staff = await attempt(c, 'anna', TEST_PASSWORD, OFFICE);
      }
      expect(staff.status).toBe(200);
      const answers = await Promise.all(flood);
      // Refused at once, not queued up: most of the flood never reaches a password check.
      expect(answers.filter((r) => r.status === 429).length).toBeGreaterThan(100);
    }, 60_000);

    describe('revocation', () => {
      async function holding(c: TestChat, username: string) {
        const cookie = await c.login(username, { address: OFFICE });
        const operator = await c.operator(username, { cookie, available: true });
        const visitor = await c.visitor(undefined, { address: '192.0.2.88' });
        const started = await emitAck<VisitorStarted>(visitor, 'visitor:start', startPayload());
        if (!started.ok) throw new Error(started.error);
        const accepted = await emitAck(operator, 'operator:accept', { conversationId: started.data.conversationId });
        expect(accepted.ok).toBe(true);
        return { cookie, operator, visitor, conversationId: started.data.conversationId };
      }
      const disconnected = (socket: Socket) =>
        new Promise<void>((resolve) => (socket.connected ? socket.once('disconnect', () => resolve()) : resolve()));
      const send = (operator: Socket, conversationId: string) =>
        emitAck(operator, 'chat:send', { conversationId, clientId: randomUUID(), text: 'hallo' });

      // A slow sweep here: what cuts these sockets off is the check on the event itself.
      const eventCheckOnly = { operatorRecheckMs: 60_000 };

      it('a password reset ends the old session and its socket at once', async () => {
        const c = await start(eventCheckOnly);
        const { cookie, operator, conversationId } = await holding(c, 'anna');
        const gone = disconnected(operator);
        const account = (await c.accounts.get('anna'))!;
        // What `operator:add` on an existing account does: a new salted hash.
        await c.accounts.put({
          ...account,
          passwordHash: await hashPassword('a new long password', { N: 1024, r: 8, p: 1 }),
        });
        expect((await fetch(`${c.base}/api/operator/me`, { headers: { cookie } })).status).toBe(401);
        expect(await send(operator, conversationId)).toEqual({ ok: false, error: 'unauthorized' });
        await gone;
        // The new password works and gets the conversation back.
        const res = await attempt(c, 'anna', 'a new long password', OFFICE);
        expect(res.status).toBe(200);
      });

      it('a removed account cannot send into a conversation; its socket closes and its visitor goes back to the queue', async () => {
        const c = await start(eventCheckOnly);
        const colleague = await c.operator('bob', { available: true, address: OFFICE });
        const { operator, visitor, conversationId } = await holding(c, 'anna');
        const gone = disconnected(operator);
        const requeued = new Promise((resolve) => visitor.once('queue:updated', resolve));
        await c.accounts.remove('anna');
        expect(await send(operator, conversationId)).toEqual({ ok: false, error: 'unauthorized' });
        await gone;
        await requeued;
        const taken = await emitAck(colleague, 'operator:accept', { conversationId });
        expect(taken.ok).toBe(true);
      });

      it('a disabled account is cut off even when its socket sends nothing, and cannot log in', async () => {
        const c = await start();
        const { cookie, operator } = await holding(c, 'anna');
        const gone = disconnected(operator);
        const account = (await c.accounts.get('anna'))!;
        await c.accounts.put({ ...account, disabled: true });
        await gone;
        expect((await fetch(`${c.base}/api/operator/me`, { headers: { cookie } })).status).toBe(401);
        expect((await attempt(c, 'anna', TEST_PASSWORD, OFFICE)).status).toBe(401);
      });

      if (kind.name === 'redis')
        it('a reset in one process ends the sockets held in another process', async () => {
          const shared = await kind.createWithRedis();
          const one = await start({}, shared);
          const two = await start({}, { ...shared, store: shared.store });
          const cookie = await one.login('anna', { address: OFFICE });
          const elsewhere = await two.operator('anna', { cookie });
          const gone = disconnected(elsewhere);
          const account = (await one.accounts.get('anna'))!;
          await one.accounts.put({
            ...account,
            passwordHash: await hashPassword('a new long password', { N: 1024, r: 8, p: 1 }),
          });
          await gone;
          expect((await fetch(`${two.base}/api/operator/me`, { headers: { cookie } })).status).toBe(401);
        });
    });
  });
}
