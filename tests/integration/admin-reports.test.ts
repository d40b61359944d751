/**
 * The audit log and the statistics for supervisors (issue 14), over real HTTP and sockets,
 * against both stores (memory, and Redis with its stream and day hashes): who may read them
 * (401/403), bad queries (400), a refused start and an answered conversation counted with its
 * wait, the CSV download, the staff actions logged (never a visitor's text, never a typed
 * username that is no account), retention, and that a failing log or counter never breaks a
 * login or a chat action. No mocks.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { emitAck, nextEvent, sleep, startChat, startPayload, TEST_PASSWORD, type TestChat } from '../support/chat-app';
import { storeKinds } from '../support/chat-stores';
import { createSchedule, parseSchedule } from '../../chat-server/src/chat/schedule';
import { createMemoryAuditLog, type AuditLog } from '../../chat-server/src/admin/audit-log';
import { createRedisAuditLog } from '../../chat-server/src/admin/audit-log-redis';
import { amsterdamHour, isoWeekday } from '../../chat-server/src/admin/chat-stats';
import { createMemoryStatsStore, type StatsStore } from '../../chat-server/src/admin/stats-store';
import { createRedisStatsStore } from '../../chat-server/src/admin/stats-store-redis';
import { STATS_TTL_SECONDS, redisKeys } from '../../chat-server/src/chat/store/redis-keys';
import { createLogger } from '../../chat-server/src/logger';
import {
  STATS_CSV_COLUMNS,
  type AdminStats,
  type AuditEntry,
  type OperatorConversation,
  type VisitorStarted,
} from '../../chat-server/src/protocol';

type Body<T = unknown> = { ok: boolean; data: T; error?: string; message?: string };

const dayShift = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

for (const kind of storeKinds()) {
  describe(`audit log and statistics (${kind.name} store)`, () => {
    let chat: TestChat | undefined;
    const start = async (options: Partial<Parameters<typeof startChat>[0]> = {}) => {
      chat = await startChat({ ...(await kind.createWithRedis()), ...options });
      return chat;
    };
    afterEach(async () => {
      await chat?.close();
      chat = undefined;
    });
    afterAll(() => kind.dispose());

    async function get<T = unknown>(c: TestChat, path: string, cookie?: string) {
      const res = await fetch(`${c.base}${path}`, { headers: cookie ? { cookie } : {} });
      const text = await res.text();
      return {
        status: res.status,
        headers: res.headers,
        text,
        body: (text.startsWith('{') ? JSON.parse(text) : undefined) as Body<T>,
      };
    }

    const period = () => {
      const today = amsterdamHour(Date.now()).day;
      return `from=${dayShift(today, -1)}&to=${dayShift(today, 1)}`;
    };

    it('lets only supervisors read them: 401 without a session, 403 for an operator, 400 for a bad query', async () => {
      const c = await start();
      const boss = await c.login('boss', { role: 'supervisor' });
      const worker = await c.login('worker');
      for (const path of ['/api/admin/audit', `/api/admin/stats?${period()}`]) {
        expect((await get(c, path)).status, path).toBe(401);
        const asOperator = await get(c, path, worker);
        expect(asOperator.status, path).toBe(403);
        expect(asOperator.body.error).toBe('forbidden');
        const ok = await get(c, path, boss);
        expect(ok.status, path).toBe(200);
        expect(ok.headers.get('cache-control')).toBe('no-store');
      }
      for (const query of ['limit=0', 'limit=1001', 'limit=abc', 'limit=5.5', 'limit=-1', 'limit=1&limit=2', 'x=1']) {
        const bad = await get(c, `/api/admin/audit?${query}`, boss);
        expect(bad.status, query).toBe(400);
        expect(bad.body.error).toBe('invalid-payload');
      }
      for (const query of [
        '',
        'from=2026-12-01',
        'from=2026-12-01&to=2026-11-30',
        'from=2026-02-30&to=2026-03-01',
        'from=2025-01-01&to=2026-12-31',
        'from=2026-12-01&to=2026-12-02&format=xml',
        'from=tomorrow&to=2026-12-02',
      ]) {
        const bad = await get(c, `/api/admin/stats?${query}`, boss);
        expect(bad.status, query).toBe(400);
        expect(bad.body.error).toBe('invalid-payload');
        expect(bad.body.message).toBeTruthy();
      }
      expect((await get(c, `/api/admin/audit?limit=1000`, boss)).status).toBe(200);
      expect((await get(c, `/api/admin/stats?from=2024-01-01&to=2024-12-31`, boss)).status).toBe(200);
    });

    it('counts refusals, an offered and answered conversation with its wait (once, also after a requeue), and an abandoned one', async () => {
      let shift = 0;
      const c = await start({ settings: { maxQueue: 1 }, now: () => Date.now() + shift });
      const boss = await c.login('boss', { role: 'supervisor' });
      const offeredAt = Date.now();
      const refusedVisitor = await c.visitor();
      // No operator available yet: refused and counted.
      expect(await emitAck(refusedVisitor, 'visitor:start', startPayload())).toMatchObject({ message: 'no-operators' });
      const anna = await c.operator('anna', { available: true });
      const visitor = await c.visitor();
      const started = await emitAck<VisitorStarted>(
        visitor,
        'visitor:start',
        startPayload({ nickname: 'Geheime Naam', lang: 'en' }),
      );
      expect(started.ok).toBe(true);
      // The queue holds one: the next one is refused as full.
      expect(await emitAck(refusedVisitor, 'visitor:start', startPayload())).toEqual({
        ok: false,
        error: 'queue-full',
      });
      await emitAck(visitor, 'chat:send', { clientId: crypto.randomUUID(), text: 'mijn geheime tekst' });
      shift = 100_000; // the operator accepts 100 s later
      const accepted = await emitAck<{ conversation: OperatorConversation }>(anna, 'operator:accept', {});
      expect(accepted.ok).toBe(true);
      // Back to the queue and accepted again: still one answer, one wait.
      expect(
        (
          await emitAck(anna, 'operator:transfer', {
            conversationId: started.ok && started.data.conversationId,
            to: 'queue',
            note: 'Terug in de wachtrij.',
          })
        ).ok,
      ).toBe(true);
      shift = 2_000_000;
      expect((await emitAck(anna, 'operator:accept', {})).ok).toBe(true);
      expect(
        (
          await emitAck(anna, 'chat:end', {
            conversationId: started.ok && started.data.conversationId,
            outcome: 'advice',
          })
        ).ok,
      ).toBe(true);
      // Ended before anyone accepted: abandoned (offered now, in the same hour as the first).
      shift = 0;
      const leaving = await c.visitor();
      expect((await emitAck(leaving, 'visitor:start', startPayload())).ok).toBe(true);
      expect((await emitAck(leaving, 'chat:end', {})).ok).toBe(true);
      await sleep(100); // the offer is counted right after the acknowledgement

      const report = await get<AdminStats>(c, `/api/admin/stats?${period()}`, boss);
      expect(report.status).toBe(200);
      const { totals, byHourOfWeek } = report.body.data;
      expect(totals).toEqual({
        offered: 2,
        answered: 1,
        abandoned: 1,
        refusedClosed: 0,
        refusedNoOperators: 1,
        refusedQueueFull: 1,
        waitP50Seconds: 120, // 100 s lies in the bucket (90, 120]
        waitP90Seconds: 120,
        offeredByLanguage: { en: 1, nl: 1 },
      });
      const { day, hour } = amsterdamHour(offeredAt);
      const busy = byHourOfWeek.filter((row) => row.offered > 0);
      expect(busy).toHaveLength(1);
      expect(busy[0]).toMatchObject({ day: isoWeekday(day), hour, offered: 2, answered: 1, waitP50Seconds: 120 });
      expect(byHourOfWeek.filter((row) => row !== busy[0]).every((row) => row.waitP50Seconds === null)).toBe(true);
      // Counts only: no id, no nickname, no text.
      const raw = JSON.stringify(report.body);
      for (const secret of ['Geheime Naam', 'geheime tekst', started.ok ? started.data.conversationId : '?'])
        expect(raw).not.toContain(secret);
      // Another period does not see them.
      const before = await get<AdminStats>(c, `/api/admin/stats?from=2025-01-01&to=2025-01-31`, boss);
      expect(before.body.data.totals.offered).toBe(0);

      const csv = await get(c, `/api/admin/stats?${period()}&format=csv`, boss);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      expect(csv.headers.get('content-disposition')).toMatch(/^attachment; filename="chat-cijfers-[\d-]+\.csv"$/);
      const lines = csv.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe(STATS_CSV_COLUMNS.join(','));
      expect(lines).toHaveLength(169);
      expect(lines).toContain(`${isoWeekday(day)},${hour},2,1,1,0,1,1,120,120`);
    });

    it('counts a start refused outside opening hours, and stores nothing else of that visitor', async () => {
      const closed = createSchedule(
        parseSchedule({
          timeZone: 'Europe/Amsterdam',
          weekly: { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] },
        }),
      );
      const c = await start({ schedule: closed });
      const boss = await c.login('boss', { role: 'supervisor' });
      const visitor = await c.visitor();
      expect(await emitAck(visitor, 'visitor:start', startPayload({ nickname: 'Verborgen' }))).toEqual({
        ok: false,
        error: 'closed',
      });
      const report = await get<AdminStats>(c, `/api/admin/stats?${period()}`, boss);
      expect(report.body.data.totals).toMatchObject({ refusedClosed: 1, offered: 0 });
      expect(await c.store.listQueued()).toEqual([]);
      expect(JSON.stringify(await c.deps.stats.read([amsterdamHour(Date.now()).day]))).not.toContain('Verborgen');
    });

    it('logs staff actions, newest first: logins, failed logins, logout, account changes, accept, transfer, end', async () => {
      const c = await start();
      const boss = await c.login('boss', { role: 'supervisor' });
      await c.login('anna');
      const login = (username: string, password: string) =>
        fetch(`${c.base}/api/operator/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: c.base },
          body: JSON.stringify({ username, password }),
        });
      expect((await login('anna', 'wrong password here')).status).toBe(401);
      // A name that is no account (perhaps a password typed in the wrong field) is never kept.
      expect((await login('mijnWachtwoord123', 'whatever it is')).status).toBe(401);
      const admin = (method: string, path: string, body?: unknown) =>
        fetch(`${c.base}${path}`, {
          method,
          headers: { 'content-type': 'application/json', origin: c.base, cookie: boss },
          ...(body ? { body: JSON.stringify(body) } : {}),
        });
      expect(
        (await admin('POST', '/api/admin/operators', { username: 'noor', role: 'operator', languages: ['nl'] })).status,
      ).toBe(201);
      expect(
        (await admin('PATCH', '/api/admin/operators/noor', { languages: ['nl', 'en'], role: 'supervisor' })).status,
      ).toBe(200);
      expect((await admin('PATCH', '/api/admin/operators/noor', { disabled: true })).status).toBe(200);
      expect((await admin('PATCH', '/api/admin/operators/noor', { disabled: false })).status).toBe(200);
      expect((await admin('POST', '/api/admin/operators/noor/reset-password')).status).toBe(200);

      const anna = await c.operator('anna', { available: true });
      const visitor = await c.visitor();
      const started = await emitAck<VisitorStarted>(visitor, 'visitor:start', startPayload({ nickname: 'Bezoeker X' }));
      const id = started.ok ? started.data.conversationId : '';
      expect((await emitAck(anna, 'operator:accept', { conversationId: id })).ok).toBe(true);
      expect(
        (await emitAck(anna, 'operator:transfer', { conversationId: id, to: 'queue', note: 'Terug in de wachtrij.' }))
          .ok,
      ).toBe(true);
      expect((await emitAck(anna, 'operator:accept', { conversationId: id })).ok).toBe(true);
      expect((await emitAck(anna, 'chat:end', { conversationId: id, outcome: 'advice' })).ok).toBe(true);
      const annaCookie = await c.login('anna');
      const logout = await fetch(`${c.base}/api/operator/logout`, {
        method: 'POST',
        headers: { origin: c.base, cookie: annaCookie },
      });
      expect(logout.status).toBe(200);

      const audit = await get<AuditEntry[]>(c, '/api/admin/audit', boss);
      expect(audit.status).toBe(200);
      const entries = audit.body.data;
      const times = entries.map((e) => Date.parse(e.at));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
      const lines = [...entries].reverse().map(({ actor, action, target, fields, to }) => ({
        actor,
        action,
        ...(target ? { target } : {}),
        ...(fields ? { fields } : {}),
        ...(to ? { to } : {}),
      }));
      expect(lines).toEqual([
        { actor: 'boss', action: 'login' },
        { actor: 'anna', action: 'login' },
        { actor: 'anna', action: 'login-failed' },
        { actor: 'unknown', action: 'login-failed' },
        { actor: 'boss', action: 'account-created', target: 'noor' },
        { actor: 'boss', action: 'account-updated', target: 'noor', fields: ['role', 'languages'] },
        { actor: 'boss', action: 'account-disabled', target: 'noor' },
        { actor: 'boss', action: 'account-enabled', target: 'noor' },
        { actor: 'boss', action: 'account-password-reset', target: 'noor' },
        { actor: 'anna', action: 'login' },
        { actor: 'anna', action: 'chat-accepted', target: id },
        { actor: 'anna', action: 'chat-transferred', target: id, to: 'queue' },
        { actor: 'anna', action: 'chat-accepted', target: id },
        { actor: 'anna', action: 'chat-ended', target: id },
        { actor: 'anna', action: 'login' },
        { actor: 'anna', action: 'logout' },
      ]);
      const raw = JSON.stringify(entries);
      for (const secret of [
        'mijnWachtwoord123',
        'mijnwachtwoord123',
        'wrong password',
        'Bezoeker X',
        '127.0.0.1',
        TEST_PASSWORD,
      ])
        expect(raw).not.toContain(secret);
      const limited = await get<AuditEntry[]>(c, '/api/admin/audit?limit=2', boss);
      expect(limited.body.data).toEqual(entries.slice(0, 2));
    });

    it('never lets a failing audit log or counter break a login or a chat action', async () => {
      const warnings: string[] = [];
      const logger = createLogger({ silent: true });
      const failing = () => Promise.reject(new Error('down'));
      const c = await start({
        logger: { ...logger, warn: (event: string) => void warnings.push(event) },
        audit: { append: failing, list: failing } satisfies AuditLog,
        stats: { add: failing, read: failing } satisfies StatsStore,
      });
      const boss = await c.login('boss', { role: 'supervisor' });
      const anna = await c.operator('anna', { available: true });
      const visitor = await c.visitor();
      const started = await emitAck<VisitorStarted>(visitor, 'visitor:start', startPayload());
      expect(started.ok).toBe(true);
      const accepted = nextEvent(visitor, 'chat:accepted');
      expect((await emitAck(anna, 'operator:accept', {})).ok).toBe(true);
      await accepted;
      expect(
        (
          await emitAck(anna, 'chat:end', {
            conversationId: started.ok && started.data.conversationId,
            outcome: 'other',
          })
        ).ok,
      ).toBe(true);
      expect(warnings).toContain('audit.record-failed');
      expect(warnings).toContain('stats.record-failed');
      // Reading them fails cleanly.
      expect((await get(c, '/api/admin/audit', boss)).status).toBe(503);
      expect((await get(c, `/api/admin/stats?${period()}`, boss)).status).toBe(503);
    });

    it('stores the figures per day: increments add up, days without counts are absent, Redis keys expire after 400 days', async () => {
      const { redis } = await kind.createWithRedis();
      const stats = redis ? createRedisStatsStore(redis.client, { prefix: redis.prefix }) : createMemoryStatsStore();
      await stats.add('2026-12-07', { '9:offered': 1, 'lang:nl': 1 });
      await Promise.all([stats.add('2026-12-07', { '9:offered': 1 }), stats.add('2026-12-08', { '0:abandoned': 2 })]);
      const read = await stats.read(['2026-12-06', '2026-12-07', '2026-12-08']);
      expect([...read.keys()]).toEqual(['2026-12-07', '2026-12-08']);
      expect(read.get('2026-12-07')).toEqual({ '9:offered': 2, 'lang:nl': 1 });
      expect(read.get('2026-12-08')).toEqual({ '0:abandoned': 2 });
      if (redis) {
        const ttl = await redis.client.ttl(redisKeys(redis.prefix).hourlyStats('2026-12-07'));
        expect(ttl).toBeGreaterThan(STATS_TTL_SECONDS - 60);
        expect(ttl).toBeLessThanOrEqual(STATS_TTL_SECONDS);
      }
      // The memory store keeps the newest days only.
      const small = createMemoryStatsStore({ maxDays: 2 });
      for (const day of ['2026-12-01', '2026-12-03', '2026-12-02']) await small.add(day, { '1:offered': 1 });
      expect([...(await small.read(['2026-12-01', '2026-12-02', '2026-12-03'])).keys()]).toEqual([
        '2026-12-02',
        '2026-12-03',
      ]);
    });

    it('keeps audit entries for the retention only, newest first, within the limit', async () => {
      const { redis } = await kind.createWithRedis();
      const make = (retentionMs: number) =>
        redis
          ? createRedisAuditLog(redis.client, { prefix: redis.prefix, retentionMs })
          : createMemoryAuditLog({ retentionMs });
      const log = make(300);
      const entry = (actor: string): AuditEntry => ({ at: new Date().toISOString(), actor, action: 'login' });
      await log.append(entry('old'));
      await sleep(400);
      await log.append(entry('new'));
      expect((await log.list(10)).map((e) => e.actor)).toEqual(['new']);
      const kept = make(60_000);
      for (const name of ['a', 'b', 'c']) await kept.append(entry(name));
      expect((await kept.list(2)).map((e) => e.actor)).toEqual(['c', 'b']);
    });
  });
}

describe('audit log in memory', () => {
  it('is bounded whatever the retention', async () => {
    const log = createMemoryAuditLog({ retentionMs: 86_400_000, maxEntries: 3 });
    for (const actor of ['a', 'b', 'c', 'd', 'e'])
      await log.append({ at: new Date().toISOString(), actor, action: 'login' });
    expect((await log.list(10)).map((e) => e.actor)).toEqual(['e', 'd', 'c']);
  });
});
