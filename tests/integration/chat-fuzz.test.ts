/**
 * Fuzzing over real sockets: thousands of generated events (every protocol event, unknown ones,
 * and each namespace's events on the other) with wrong types, missing and extra fields, huge
 * strings, unknown and other people's ids. Every one must get a clean acknowledgement; the
 * server stays up; the two real conversations are untouched; no visitor ever receives another
 * conversation's data. Also (issue 15, docs/security.md "Security pass"): events without an
 * acknowledgement callback, binary attachments and prototype-pollution keys; a third visitor
 * keeps chatting with an operator during and after the fuzz; Object.prototype of the server's
 * process is unchanged.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Socket } from 'socket.io-client';
import { emitAck, received, record, sleep, startChat, startPayload } from '../support/chat-app';
import { storeKinds } from '../support/chat-stores';
import {
  ABOUT,
  ERROR_CODES,
  LANG_CODES,
  OUTCOMES,
  type ChatMessage,
  type VisitorStarted,
} from '../../chat-server/src/protocol';

const EVENTS = [
  'visitor:start',
  'visitor:quick-exit',
  'chat:send',
  'chat:typing',
  'chat:end',
  'operator:status',
  'operator:accept',
  'operator:transfer',
  'operator:note',
  'operator:wrap-up',
  'chat:state',
  'queue:snapshot',
  'stats:updated',
  'nonsense',
  '',
];
const KEYS = [
  'lang',
  'about',
  'inDanger',
  'theme',
  'municipality',
  'nickname',
  'clientId',
  'text',
  'typing',
  'status',
  'conversationId',
  'outcome',
  'to',
  'note',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'extra',
];
/**
 * Each run sends 1–6 events with an acknowledgement and 0–3 without one at once (so the counts
 * below are runs, not events): about 13,000 events over both stores.
 */
const RUNS = { memory: 2_000, redis: 700 } as const;

/** Values that are wrong (or, by chance, right) for any field. */
function values(ids: string[]) {
  const text = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 3_000 }),
    fc.constant('x'.repeat(100_000)),
    fc.constant('FUZZ marker text'),
    fc.constant('\u0000\u0007'),
  );
  const known = fc.constantFrom(
    ...LANG_CODES,
    ...ABOUT,
    ...OUTCOMES,
    'available',
    'away',
    'queue',
    'GM0363',
    'GM9999',
    'partnergeweld',
    randomUUID(),
  );
  return fc.oneof(
    text,
    known,
    fc.constantFrom(...ids, 'unknown', '', 'x'.repeat(101)),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.constant(null),
    fc.anything({ maxDepth: 2 }),
    // Binary attachments (Socket.IO sends them as separate frames).
    fc.uint8Array({ maxLength: 2_000 }).map((bytes) => Buffer.from(bytes)),
    fc.constant(JSON.parse('{"__proto__":{"polluted":"FUZZ"},"constructor":{"prototype":{"polluted":"FUZZ"}}}')),
  );
}

function payloads(ids: string[]) {
  const value = values(ids);
  const object = fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 7 });
  return fc
    .oneof(
      { weight: 6, arbitrary: object.map((o): unknown[] => [o]) },
      { weight: 2, arbitrary: value.map((v): unknown[] => [v]) },
      { weight: 1, arbitrary: fc.constant([] as unknown[]) },
      { weight: 1, arbitrary: fc.tuple(object, value).map((t): unknown[] => t) },
    )
    .filter((args) => (JSON.stringify(args) ?? '').length < MAX_FUZZ_FRAME);
}

/** Larger frames are cut off by Socket.IO before any handler (maxHttpBufferSize); tested on their own below. */
const MAX_FUZZ_FRAME = 200_000;

function isCleanAck(ack: unknown): boolean {
  if (typeof ack !== 'object' || ack === null) return false;
  const keys = Object.keys(ack).sort().join(',');
  const a = ack as { ok: unknown; error?: unknown; message?: unknown };
  if (a.ok === true) return keys === 'data,ok';
  return (
    a.ok === false &&
    (ERROR_CODES as readonly unknown[]).includes(a.error) &&
    (keys === 'error,ok' || (keys === 'error,message,ok' && typeof a.message === 'string'))
  );
}

for (const kind of storeKinds()) {
  describe(`fuzzing the chat events (${kind.name} store)`, () => {
    afterAll(() => kind.dispose());

    it(`answers thousands of generated events cleanly and never leaks a conversation`, async () => {
      const chat = await startChat({ ...(await kind.createWithRedis()), settings: { capacity: 3 } });
      try {
        const operator = await chat.operator('anna', { available: true });
        const victims: { socket: Socket; id: string; secret: string; seen: string[] }[] = [];
        for (const name of ['A', 'B']) {
          const socket = await chat.visitor();
          const seen: string[] = [];
          socket.onAny((event: string, payload: unknown) => seen.push(`${event} ${JSON.stringify(payload)}`));
          const started = await emitAck<VisitorStarted>(socket, 'visitor:start', startPayload());
          if (!started.ok) throw new Error(started.error);
          const id = started.data.conversationId;
          await emitAck(operator, 'operator:accept', { conversationId: id });
          const secret = `SECRET-${name}-${randomUUID()}`;
          await emitAck(socket, 'chat:send', { clientId: randomUUID(), text: secret });
          victims.push({ socket, id, secret, seen });
        }
        const ids = victims.map((v) => v.id);

        const fuzzVisitor = await chat.visitor();
        const fuzzVisitorSeen: string[] = [];
        fuzzVisitor.onAny((event: string, payload: unknown) =>
          fuzzVisitorSeen.push(`${event} ${JSON.stringify(payload)}`),
        );
        const fuzzOperator = await chat.operator('fuzz', { available: true });
        const fuzzOperatorMessages = record<ChatMessage & { conversationId: string }>(fuzzOperator, 'chat:message');
        let dirty = 0;
        const prototypeBefore = Object.getOwnPropertyNames(Object.prototype).sort().join();

        // A third visitor keeps chatting with anna during the whole fuzz.
        const bystander = await chat.visitor();
        const bystanderStart = await emitAck<VisitorStarted>(bystander, 'visitor:start', startPayload());
        if (!bystanderStart.ok) throw new Error(bystanderStart.error);
        await emitAck(operator, 'operator:accept', { conversationId: bystanderStart.data.conversationId });
        let talking = true;
        let exchanges = 0;
        const talk = async () => {
          const heard = record<{ text: string }>(bystander, 'chat:message');
          while (talking) {
            const n = exchanges;
            const sentBy = await emitAck(bystander, 'chat:send', { clientId: randomUUID(), text: `bystander ${n}` });
            expect(sentBy.ok).toBe(true);
            const reply = await emitAck(operator, 'chat:send', {
              conversationId: bystanderStart.data.conversationId,
              clientId: randomUUID(),
              text: `reply ${n}`,
            });
            expect(reply.ok).toBe(true);
            for (let i = 0; i < 100 && !heard.some((m) => m.text === `reply ${n}`); i++) await sleep(20);
            expect(heard.map((m) => m.text)).toContain(`reply ${n}`);
            exchanges++;
            await sleep(50);
          }
        };
        const talking$ = talk();

        let sent = 0;
        let unacknowledged = 0;
        await fc.assert(
          fc.asyncProperty(
            fc.array(fc.tuple(fc.boolean(), fc.constantFrom(...EVENTS), payloads(ids)), { minLength: 1, maxLength: 6 }),
            fc.array(fc.tuple(fc.boolean(), fc.constantFrom(...EVENTS), payloads(ids)), { maxLength: 3 }),
            async (batch, fireAndForget) => {
              // No acknowledgement callback: the server must not fail on a missing ack.
              for (const [asOperator, event, args] of fireAndForget) {
                (asOperator ? fuzzOperator : fuzzVisitor).emit(event, ...args);
                unacknowledged++;
              }
              const acks = await Promise.all(
                batch.map(async ([asOperator, event, args]) => {
                  const socket = asOperator ? fuzzOperator : fuzzVisitor;
                  expect(socket.connected).toBe(true);
                  return { event, args, ack: await emitAck(socket, event, ...args) };
                }),
              );
              sent += acks.length;
              for (const { event, args, ack } of acks) {
                if (!isCleanAck(ack)) dirty++;
                expect(isCleanAck(ack), `${event} ${JSON.stringify(args).slice(0, 200)} → ${JSON.stringify(ack)}`).toBe(
                  true,
                );
              }
            },
          ),
          { numRuns: RUNS[kind.name], seed: 20261123 },
        );
        expect(sent).toBeGreaterThan(RUNS[kind.name] * 2);
        expect(dirty).toBe(0);
        await sleep(100);
        const duringFuzz = exchanges;
        // …and after it.
        while (exchanges < duringFuzz + 3) await sleep(20);
        talking = false;
        await talking$;
        console.info(
          `fuzz (${kind.name}): ${sent} events with an ack, ${unacknowledged} without, ${duringFuzz} bystander exchanges during, ${exchanges} in all`,
        );
        expect(duringFuzz).toBeGreaterThan(5);
        expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(prototypeBefore);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(fuzzVisitor.connected && fuzzOperator.connected).toBe(true);

        // The server is up and the real conversations are untouched.
        expect((await fetch(`${chat.base}/healthz`)).status).toBe(200);
        for (const victim of victims) {
          const c = await chat.store.getConversation(victim.id);
          expect(c).toMatchObject({ status: 'active', operatorId: 'anna' });
          const texts = (await chat.store.listMessages(victim.id)).map((m) => m.text);
          expect(texts).toContain(victim.secret);
          expect(texts.join('\n')).not.toContain('FUZZ');
        }
        // Nobody saw another conversation's data.
        for (const victim of victims) {
          const other = victims.find((v) => v !== victim)!;
          const seen = victim.seen.join('\n');
          expect(seen).not.toContain(other.secret);
          expect(seen).not.toContain(other.id);
          expect(seen).not.toContain('FUZZ');
        }
        const bystanderSeen = JSON.stringify(received(bystander));
        expect(bystanderSeen).not.toContain('FUZZ');
        for (const victim of victims) expect(bystanderSeen).not.toContain(victim.secret);
        const fuzzSeen = fuzzVisitorSeen.join('\n');
        for (const victim of victims) {
          expect(fuzzSeen).not.toContain(victim.secret);
          expect(fuzzSeen).not.toContain(victim.id);
        }
        expect(fuzzOperatorMessages.filter((m) => ids.includes(m.conversationId))).toEqual([]);
      } finally {
        await chat.close();
      }
    }, 240_000);

    it('closes only the socket that sends a frame over the size limit; the server stays up', async () => {
      const chat = await startChat(await kind.createWithRedis());
      try {
        const bystander = await chat.visitor();
        const sender = await chat.visitor();
        const closed = new Promise((resolve) => sender.once('disconnect', resolve));
        sender.emit('chat:send', { clientId: randomUUID(), text: 'x'.repeat(300 * 1024) });
        await closed;
        expect(bystander.connected).toBe(true);
        expect(await emitAck(bystander, 'chat:typing', { typing: true })).toEqual({ ok: false, error: 'not-found' });
        expect((await fetch(`${chat.base}/healthz`)).status).toBe(200);
      } finally {
        await chat.close();
      }
    });
  });
}
