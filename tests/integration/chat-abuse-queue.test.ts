/**
 * Issue 19, attacks 1 and 2, over real sockets against both stores: a queue flood from one
 * address, a flood that claims danger, abandoned conversations, and chats opened from another
 * web page. Each attack is now refused while an honest visitor (also a second one behind the
 * same shared address) and an operator are still served. Small limits keep the tests fast.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { emitAck, sleep, startChat, startPayload, type ClientOptions, type TestChat } from '../support/chat-app';
import { storeKinds } from '../support/chat-stores';
import { readConfig, type ChatSettings } from '../../chat-server/src/config';
import type { ChatStatusResponse, OperatorConversation, VisitorStarted } from '../../chat-server/src/protocol';

const ATTACKER = '203.0.113.66';
const SHELTER = '192.0.2.20';

/** A tight admission for tests: 4 sockets and 3 starts per address, orphans gone after 1 s. */
const admission: ChatSettings['admission'] = {
  reservedInDanger: 3,
  unacceptedAwayMs: 1_000,
  socketsPerAddress: 4,
  startsPerAddress: 3,
  startWindowMs: 60_000,
};

for (const kind of storeKinds()) {
  describe(`queue admission under attack (${kind.name} store)`, () => {
    let chat: TestChat | undefined;
    const start = async (settings: Partial<ChatSettings> = {}, extra: { allowedOrigins?: string[] } = {}) => {
      chat = await startChat({
        ...(await kind.createWithRedis()),
        trustProxy: 1,
        settings: { maxQueue: 10, admission, ...settings },
        ...extra,
      });
      return chat;
    };
    afterEach(async () => {
      await chat?.close();
      chat = undefined;
    });
    afterAll(() => kind.dispose());

    /** Connects a visitor socket; resolves with it, or with the refusal's message. */
    const tryVisitor = (c: TestChat, client: ClientOptions) =>
      new Promise<Socket | string>((resolve) => {
        const socket = connect(`${c.base}/visitor`, {
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          extraHeaders: {
            ...(client.address ? { 'x-forwarded-for': client.address } : {}),
            ...(client.origin ? { origin: client.origin } : {}),
          },
        });
        socket.once('connect', () => resolve(socket));
        socket.once('connect_error', (error) => {
          socket.close();
          resolve(error.message);
        });
      });

    const startAs = async (c: TestChat, client: ClientOptions, payload: Record<string, unknown> = {}) => {
      const socket = await c.visitor(undefined, client);
      const ack = await emitAck<VisitorStarted>(socket, 'visitor:start', startPayload(payload));
      return { socket, ack };
    };

    const status = async (c: TestChat) =>
      (await (await fetch(`${c.base}/api/chat/status`)).json()) as ChatStatusResponse;

    it('a 60-socket flood from one address takes a few places, never the queue; an honest visitor in danger and a second visitor behind a shared address get in; an operator is served', async () => {
      const c = await start();
      const operator = await c.operator('anna', { available: true, address: '198.51.100.1' });

      // The attack of the review: 60 sockets from one address, every one claiming danger.
      const attempts = await Promise.all(Array.from({ length: 60 }, () => tryVisitor(c, { address: ATTACKER })));
      const sockets = attempts.filter((a): a is Socket => typeof a !== 'string');
      expect(sockets).toHaveLength(admission.socketsPerAddress);
      expect(attempts.filter((a) => a === 'rate-limited')).toHaveLength(60 - admission.socketsPerAddress);
      const starts = await Promise.all(
        sockets.map((s) => emitAck<VisitorStarted>(s, 'visitor:start', startPayload({ inDanger: true }))),
      );
      expect(starts.filter((a) => a.ok)).toHaveLength(admission.startsPerAddress);
      expect(starts.filter((a) => !a.ok)).toEqual([{ ok: false, error: 'queue-full', message: 'address-share' }]);
      expect((await c.store.listQueued()).length).toBe(admission.startsPerAddress);

      // Meanwhile honest visitors from other addresses: one in danger, two behind one shelter address.
      const inDanger = await startAs(c, { address: '192.0.2.10' }, { inDanger: true });
      expect(inDanger.ack.ok).toBe(true);
      const first = await startAs(c, { address: SHELTER });
      const second = await startAs(c, { address: SHELTER });
      expect(first.ack.ok && second.ack.ok).toBe(true);
      expect(await status(c)).toMatchObject({ open: true });

      // The script closes its sockets and comes back: its abandoned conversations are gone within
      // the short unaccepted window (not the 10-minute resume window), and it cannot start again.
      for (const s of sockets) s.disconnect();
      const deadline = Date.now() + 15_000;
      while ((await c.store.listQueued()).length > 3 && Date.now() < deadline) await sleep(100);
      expect((await c.store.listQueued()).length).toBe(3);
      const again = await startAs(c, { address: ATTACKER }, { inDanger: true });
      expect(again.ack).toEqual({ ok: false, error: 'queue-full', message: 'address-share' });

      // The operator takes the honest visitor in danger first.
      const accepted = await emitAck<{ conversation: OperatorConversation }>(operator, 'operator:accept', {});
      expect(accepted.ok && inDanger.ack.ok && accepted.data.conversation.conversationId).toBe(
        inDanger.ack.ok && inDanger.ack.data.conversationId,
      );
    }, 60_000);

    it('keeps the last places for visitors in danger when others fill the queue from many addresses', async () => {
      const c = await start({ maxQueue: 5, admission: { ...admission, reservedInDanger: 2 } });
      await c.operator('anna', { available: true });
      for (let i = 1; i <= 3; i++) expect((await startAs(c, { address: `198.51.100.${10 + i}` })).ack.ok).toBe(true);
      expect((await startAs(c, { address: '198.51.100.20' })).ack).toEqual({ ok: false, error: 'queue-full' });
      // The page still says the chat is open: a visitor in danger must not be told not to try.
      expect(await status(c)).toMatchObject({ open: true, waiting: 3 });
      expect((await startAs(c, { address: '198.51.100.21' }, { inDanger: true })).ack.ok).toBe(true);
      expect((await startAs(c, { address: '198.51.100.22' }, { inDanger: true })).ack.ok).toBe(true);
      expect(await status(c)).toMatchObject({ open: false, reason: 'queue-full', waiting: 5 });
    });

    it('an honest visitor who drops briefly keeps their place; an accepted conversation keeps the full resume window', async () => {
      const c = await start();
      const operator = await c.operator('anna', { available: true });
      const dropping = await startAs(c, { address: '192.0.2.30' });
      const talking = await startAs(c, { address: '192.0.2.31' });
      if (!dropping.ack.ok || !talking.ack.ok) throw new Error('start failed');
      const accepted = await emitAck(operator, 'operator:accept', { conversationId: talking.ack.data.conversationId });
      expect(accepted.ok).toBe(true);
      dropping.socket.disconnect();
      talking.socket.disconnect();
      await sleep(400);
      const back = await c.visitor({ resumeToken: dropping.ack.data.resumeToken }, { address: '192.0.2.30' });
      await sleep(1_500);
      expect((await c.store.getConversation(dropping.ack.data.conversationId))?.status).toBe('queued');
      // Well past the unaccepted window, still within the resume window: the accepted one stays.
      expect((await c.store.getConversation(talking.ack.data.conversationId))?.status).toBe('active');
      back.disconnect();
    });

    it('refuses visitor sockets opened from another web page; allows this site, partner sites and clients without Origin', async () => {
      const partner = 'https://partner.example';
      const c = await start({}, { allowedOrigins: [partner] });
      const operator = await c.operator('anna', { available: true });
      expect(await tryVisitor(c, { origin: 'http://evil.example', address: '192.0.2.40' })).toBe('forbidden');
      expect(await tryVisitor(c, { origin: 'null', address: '192.0.2.40' })).toBe('forbidden');
      expect((await c.store.listQueued()).length).toBe(0);
      for (const origin of [c.base, partner, undefined]) {
        const visitor = await startAs(c, { address: '192.0.2.41', ...(origin ? { origin } : {}) });
        expect(visitor.ack.ok).toBe(true);
        visitor.socket.disconnect();
      }
      // Partners embed the visitor chat only; the operator console stays on this site.
      const cookie = await c.login('anna');
      const operatorFromPartner = await new Promise<string>((resolve) => {
        const socket = connect(`${c.base}/operator`, {
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          extraHeaders: { cookie, origin: partner },
        });
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (error) => resolve(error.message));
      });
      expect(operatorFromPartner).toBe('unauthorized');
      expect((await emitAck(operator, 'operator:status', { status: 'available' })).ok).toBe(true);
    });

    it('forgets the address: nothing is held once the sockets are gone', async () => {
      const c = await start();
      await c.operator('anna', { available: true });
      const visitor = await startAs(c, { address: '192.0.2.50' });
      expect(visitor.ack.ok).toBe(true);
      visitor.socket.disconnect();
      await sleep(100);
      // Only the starts window counter (an HMAC, in memory) remains, until its window ends.
      expect(c.app.chat?.admissionHeld().sockets).toBe(0);
    });
  });
}

// The defaults a deployment gets must already stop the review's flood (not only test values).
describe('queue admission defaults', () => {
  it('leave most of the queue, and all of the reserve, to others after a one-address flood', () => {
    const { chat: settings } = readConfig({});
    const a = settings.admission;
    // The most one address holds: its open sockets (one conversation each) plus the starts whose
    // sockets left and whose conversations still wait out the unaccepted window.
    const worstCaseFromOneAddress = a.socketsPerAddress + a.startsPerAddress;
    expect(worstCaseFromOneAddress).toBeLessThanOrEqual((settings.maxQueue - a.reservedInDanger) / 2);
    expect(a.unacceptedAwayMs).toBeLessThanOrEqual(120_000);
  });
});
