/**
 * Issue 14 over real sockets and HTTP, against both stores: whether someone available reads the
 * visitor's language (status, `visitor:start` ack, `queue:updated`), `operator:accept` without an
 * id preferring the operator's languages, and opening hours per Veilig Thuis region.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import type { Socket } from 'socket.io-client';
import { emitAck, firstEvent, nextEvent, startChat, startPayload, type TestChat } from '../support/chat-app';
import { storeKinds } from '../support/chat-stores';
import { parseSchedule, scheduleFromFile } from '../../chat-server/src/chat/schedule';
import type {
  ChatStatusResponse,
  OperatorConversation,
  QueueUpdate,
  VisitorStarted,
} from '../../chat-server/src/protocol';

type Accepted = { conversation: OperatorConversation };
const empty = { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] };
const allDay = [{ from: '00:00', to: '24:00' }];

/** Closed everywhere, except Utrecht (VT20), whose own timetable is open all week. */
const utrechtOnly = () =>
  scheduleFromFile(
    parseSchedule({
      timeZone: 'Europe/Amsterdam',
      sourceRegion: 'Gooi en Vechtstreek',
      weekly: empty,
      regions: {
        VT20: {
          name: 'Utrecht',
          source: 'https://example.nl/utrecht-chat',
          checked: '2026-12-05',
          quote: 'Test.',
          weekly: Object.fromEntries(Object.keys(empty).map((day) => [day, allDay])),
        },
      },
    }),
  );

for (const kind of storeKinds()) {
  describe(`languages and regional hours (${kind.name} store)`, () => {
    let chat: TestChat | undefined;
    const start = async (options: Omit<Parameters<typeof startChat>[0], 'store'> = {}) => {
      chat = await startChat({ ...(await kind.createWithRedis()), ...options });
      return chat;
    };
    afterEach(async () => {
      await chat?.close();
      chat = undefined;
    });
    afterAll(() => kind.dispose());

    const status = async (c: TestChat, query = '') => {
      const res = await fetch(`${c.base}/api/chat/status${query}`);
      return {
        code: res.status,
        body: (await res.json()) as ChatStatusResponse & { error?: string; message?: string },
      };
    };
    const setStatus = async (operator: Socket, value: 'available' | 'away') => {
      const ack = await emitAck(operator, 'operator:status', { status: value });
      expect(ack.ok).toBe(true);
    };
    async function queued(c: TestChat, payload: Record<string, unknown> = {}) {
      const visitor = await c.visitor();
      const ack = await emitAck<VisitorStarted>(visitor, 'visitor:start', startPayload(payload));
      if (!ack.ok) throw new Error(ack.error);
      return { visitor, ...ack.data };
    }

    it('GET /api/chat/status?lang= says whether an available operator reads the language', async () => {
      const c = await start();
      await c.operator('dutch', { available: true, languages: ['nl'] });
      const polish = await c.operator('polish', { languages: ['pl', 'en'] });

      expect((await status(c, '?lang=pl')).body).toMatchObject({ languageServed: false, fallbackLanguages: ['nl'] });
      expect((await status(c, '?lang=nl')).body).toMatchObject({ languageServed: true });
      // Without lang the fields are absent (the answer as before).
      const plain = (await status(c)).body;
      expect(plain).not.toHaveProperty('languageServed');
      expect(plain).not.toHaveProperty('fallbackLanguages');

      await setStatus(polish, 'available');
      expect((await status(c, '?lang=pl')).body).toMatchObject({
        languageServed: true,
        fallbackLanguages: ['nl', 'en'],
      });
      await setStatus(polish, 'away');
      expect((await status(c, '?lang=pl')).body).toMatchObject({ languageServed: false });
    });

    it('answers a bad query with 400 and a clear message', async () => {
      const c = await start();
      const bad = await status(c, '?lang=xx');
      expect(bad.code).toBe(400);
      expect(bad.body).toMatchObject({ error: 'invalid-payload' });
      expect(bad.body.message).toMatch(/^lang: lang must be one of nl, en, tr, ar, pl, uk/);
      expect((await status(c, '?lang=pl&lang=en')).code).toBe(400);
      expect((await status(c, '?region=VT99')).body.message).toBe('region: unknown Veilig Thuis region VT99');
      expect((await status(c, '?region=utrecht')).body.message).toMatch(/^region: expected a Veilig Thuis region/);
      expect((await status(c, '?municipality=GM9999')).body.message).toBe('municipality: unknown municipality GM9999');
      expect((await status(c, '?region=VT20&municipality=GM0344')).code).toBe(400);
      expect((await status(c, '?secret=1')).code).toBe(400);
    });

    it('tells a waiting visitor when their language comes and goes (ack, then queue:updated)', async () => {
      const c = await start();
      await c.operator('dutch', { available: true, languages: ['nl'] });
      const polish = await c.operator('polish', { languages: ['pl'] });
      const { visitor, languageServed, fallbackLanguages } = await queued(c, { lang: 'pl' });
      expect(languageServed).toBe(false);
      expect(fallbackLanguages).toEqual(['nl']);

      const served = nextEvent<QueueUpdate>(visitor, 'queue:updated', (u) => u.languageServed);
      await setStatus(polish, 'available');
      expect(await served).toMatchObject({ languageServed: true, operatorsAvailable: 2 });

      const gone = nextEvent<QueueUpdate>(visitor, 'queue:updated', (u) => !u.languageServed);
      await setStatus(polish, 'away');
      expect(await gone).toMatchObject({ languageServed: false, fallbackLanguages: ['nl'] });
    });

    it('follows a change of the account’s languages while the operator is online (session recheck)', async () => {
      const c = await start({ settings: { operatorRecheckMs: 200 } });
      await c.operator('anna', { available: true, languages: ['nl'] });
      const { visitor, languageServed } = await queued(c, { lang: 'pl' });
      expect(languageServed).toBe(false);
      const served = nextEvent<QueueUpdate>(visitor, 'queue:updated', (u) => u.languageServed);
      const account = await c.accounts.get('anna');
      await c.accounts.put({ ...account!, languages: ['nl', 'pl'] });
      expect(await served).toMatchObject({ languageServed: true });
      expect((await c.store.listOperatorPresence()).find((p) => p.operatorId === 'anna')?.languages).toEqual([
        'nl',
        'pl',
      ]);
    });

    it('gives a resuming queued visitor the language figures in chat:state', async () => {
      const c = await start();
      await c.operator('dutch', { available: true });
      const { visitor, resumeToken } = await queued(c, { lang: 'ar' });
      visitor.disconnect();
      const again = await c.visitor({ resumeToken });
      const state = await firstEvent<{ languageServed?: boolean }>(again, 'chat:state');
      expect(state).toMatchObject({ languageServed: false, fallbackLanguages: ['nl'] });
    });

    it('operator:accept without an id offers the operator their languages first, danger before all', async () => {
      const c = await start();
      const dutch = await c.operator('dutch', { available: true, languages: ['nl'] });
      const polish = await c.operator('polish', { available: true, languages: ['nl', 'pl'] });
      const polishVisitor = await queued(c, { lang: 'pl' });
      const dutchVisitor = await queued(c, { lang: 'nl' });

      // The Dutch-only operator gets the (younger) Dutch conversation, not the older Polish one.
      const first = await emitAck<Accepted>(dutch, 'operator:accept', {});
      expect(first.ok && first.data.conversation.conversationId).toBe(dutchVisitor.conversationId);
      const second = await emitAck<Accepted>(polish, 'operator:accept', {});
      expect(second.ok && second.data.conversation.conversationId).toBe(polishVisitor.conversationId);

      // In danger comes first in any language; by id anyone may take any conversation.
      const calm = await queued(c, { lang: 'nl' });
      const danger = await queued(c, { lang: 'pl', inDanger: true });
      const third = await emitAck<Accepted>(dutch, 'operator:accept', {});
      expect(third.ok && third.data.conversation.conversationId).toBe(danger.conversationId);
      const byId = await emitAck<Accepted>(dutch, 'operator:accept', { conversationId: calm.conversationId });
      expect(byId.ok).toBe(true);
    });

    it("opens and closes by the visitor's region's own hours (visitor:start and status)", async () => {
      const c = await start({ schedule: utrechtOnly() });
      await c.operator('anna', { available: true });

      // Default hours: closed, for a region without its own timetable too.
      expect((await status(c)).body).toMatchObject({ open: false, reason: 'closed' });
      const hague = (await status(c, '?municipality=GM0518')).body;
      expect(hague).toMatchObject({ open: false, reason: 'closed' });
      expect(hague.hours).toEqual({
        region: 'VT09',
        regionName: 'Haaglanden',
        ownHours: false,
        hoursSourceRegion: 'Gooi en Vechtstreek',
      });
      // Utrecht's own hours: open.
      const utrecht = (await status(c, '?region=VT20')).body;
      expect(utrecht).toMatchObject({ open: true });
      expect(utrecht.hours).toMatchObject({ region: 'VT20', ownHours: true, hoursSourceRegion: 'Utrecht' });
      expect((await status(c, '?municipality=GM0344')).body).toMatchObject({ open: true });

      const nowhere = await c.visitor();
      expect(await emitAck(nowhere, 'visitor:start', startPayload())).toMatchObject({ ok: false, error: 'closed' });
      const fromHague = await c.visitor();
      expect(await emitAck(fromHague, 'visitor:start', startPayload({ municipality: 'GM0518' }))).toMatchObject({
        ok: false,
        error: 'closed',
      });
      const fromUtrecht = await c.visitor();
      expect(await emitAck(fromUtrecht, 'visitor:start', startPayload({ municipality: 'GM0344' }))).toMatchObject({
        ok: true,
      });
    });
  });
}
