/**
 * Accounts by a supervisor, over real HTTP and sockets, against both stores (memory with the
 * accounts file, Redis with its accounts hash): who may do what (401/403), create (201/400/409),
 * the temporary password that must be changed before anything else (sockets refused until then),
 * disabling that cuts a live socket and the old cookie at once, the last supervisor kept, and a
 * password reset. No mocks.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io as connect } from 'socket.io-client';
import { OPERATOR_ADD_CLI } from '../support/server-build';
import { callApi, emitAck, nextEvent, startChat, startPayload, type TestChat } from '../support/chat-app';
import { storeKinds } from '../support/chat-stores';
import type { AdminCreated, AdminOperator, OperatorConversation, VisitorStarted } from '../../chat-server/src/protocol';

for (const kind of storeKinds()) {
  describe(`accounts by a supervisor (${kind.name} store)`, () => {
    let chat: TestChat | undefined;
    const start = async () => {
      chat = await startChat({ ...(await kind.createWithRedis()), settings: { operatorRecheckMs: 60_000 } });
      return chat;
    };
    afterEach(async () => {
      await chat?.close();
      chat = undefined;
    });
    afterAll(() => kind.dispose());

    const call = callApi;

    const login = (c: TestChat, username: string, password: string) =>
      call<{ mustChangePassword?: boolean; operatorId?: string }>(c, 'POST', '/api/operator/login', {
        body: { username, password },
      });

    /** A socket with this cookie: resolves 'connected' or the refusal's message. */
    const socketWith = (c: TestChat, cookie: string) =>
      new Promise<{ result: string; socket: ReturnType<typeof connect> }>((resolve) => {
        const socket = connect(`${c.base}/operator`, {
          transports: ['websocket'],
          reconnection: false,
          forceNew: true,
          extraHeaders: { cookie, origin: c.base },
        });
        socket.once('connect', () => resolve({ result: 'connected', socket }));
        socket.once('connect_error', (error) => resolve({ result: error.message, socket }));
      });

    const newAccount = { username: 'Nieuw.Lid', displayName: 'Noor', role: 'operator', languages: ['nl', 'en'] };

    it('lets only supervisors in: 401 without a session, 403 for an operator, refused cross-origin', async () => {
      const c = await start();
      const boss = await c.login('boss', { role: 'supervisor' });
      const worker = await c.login('worker', { role: 'operator' });
      const routes: [string, string, unknown?][] = [
        ['GET', '/api/admin/operators'],
        ['POST', '/api/admin/operators', newAccount],
        ['PATCH', '/api/admin/operators/worker', { disabled: true }],
        ['POST', '/api/admin/operators/worker/reset-password'],
      ];
      for (const [method, path, body] of routes) {
        expect((await call(c, method, path, { body })).status, `${method} ${path} without a session`).toBe(401);
        const asOperator = await call(c, method, path, { body, cookie: worker });
        expect(asOperator.status, `${method} ${path} as an operator`).toBe(403);
        expect(asOperator.body.error).toBe('forbidden');
      }
      // CSRF: a state change from another site's page, or with no Origin at all, is refused with the cookie.
      for (const origin of ['https://evil.example', null]) {
        const forged = await call(c, 'POST', '/api/admin/operators', { body: newAccount, cookie: boss, origin });
        expect(forged.status).toBe(403);
        const patched = await call(c, 'PATCH', '/api/admin/operators/worker', {
          body: { disabled: true },
          cookie: boss,
          origin,
        });
        expect(patched.status).toBe(403);
      }
      expect((await c.accounts.get('nieuw.lid')) ?? undefined).toBeUndefined();
      expect((await c.accounts.get('worker'))?.disabled).toBeUndefined();
      const list = await call<AdminOperator[]>(c, 'GET', '/api/admin/operators', { cookie: boss });
      expect(list.status).toBe(200);
      expect(list.body.data.map((a) => a.id)).toEqual(['boss', 'worker']);
      expect(list.body.data[0]).toEqual({
        id: 'boss',
        username: 'boss',
        displayName: 'Alias boss',
        role: 'supervisor',
        languages: ['nl'],
        region: 'national',
        disabled: false,
        twoFactor: false,
        mustChangePassword: false,
      });
      expect(JSON.stringify(list.body)).not.toMatch(/scrypt|hash|secret/i);
    });

    it('creates an account (201) with a temporary password shown once; 400 when invalid, 409 when taken', async () => {
      const c = await start();
      const boss = await c.login('boss', { role: 'supervisor' });
      const created = await call<AdminCreated>(c, 'POST', '/api/admin/operators', { body: newAccount, cookie: boss });
      expect(created.status).toBe(201);
      expect(created.body.data.operator).toEqual({
        id: 'nieuw.lid',
        username: 'nieuw.lid',
        displayName: 'Noor',
        role: 'operator',
        languages: ['nl', 'en'],
        region: 'national',
        disabled: false,
        twoFactor: false,
        mustChangePassword: true,
      });
      const temporary = created.body.data.temporaryPassword;
      expect(temporary).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
      // Only a hash is kept, and the list never shows the password again.
      const stored = await c.accounts.get('nieuw.lid');
      expect(stored?.passwordHash).toMatch(/^scrypt\$/);
      expect(JSON.stringify(stored)).not.toContain(temporary);
      const list = await call(c, 'GET', '/api/admin/operators', { cookie: boss });
      expect(JSON.stringify(list.body)).not.toContain(temporary);
      // A second account gets a different password.
      const other = await call<AdminCreated>(c, 'POST', '/api/admin/operators', {
        body: { ...newAccount, username: 'ander' },
        cookie: boss,
      });
      expect(other.body.data.temporaryPassword).not.toBe(temporary);

      const taken = await call(c, 'POST', '/api/admin/operators', {
        body: { ...newAccount, username: 'NIEUW.LID' },
        cookie: boss,
      });
      expect(taken.status).toBe(409);
      expect(taken.body).toMatchObject({ error: 'conflict', message: 'username-taken' });

      // Two supervisors at once, five times over: one account, one 201.
      const race = await Promise.all(
        Array.from({ length: 5 }, (_, i) =>
          call<AdminCreated>(c, 'POST', '/api/admin/operators', {
            body: { ...newAccount, username: 'gelijktijdig', displayName: `Race ${i}` },
            cookie: boss,
          }),
        ),
      );
      expect(race.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
      const winner = race.find((r) => r.status === 201)!;
      expect((await c.accounts.get('gelijktijdig'))?.displayName).toBe(winner.body.data.operator.displayName);

      const invalid: [unknown, RegExp][] = [
        [{ ...newAccount, username: 'x' }, /^username: /],
        [{ ...newAccount, username: 'has space' }, /^username: /],
        [{ ...newAccount, role: 'admin' }, /^role: /],
        [{ ...newAccount, languages: [] }, /^languages: /],
        [{ ...newAccount, languages: ['nl', 'fr'] }, /^languages/],
        [{ ...newAccount, languages: ['nl', 'nl'] }, /^languages: each language once/],
        [{ ...newAccount, region: 'VT99' }, /^region: VT99/],
        [{ ...newAccount, region: 'Utrecht' }, /^region: /],
        [{ ...newAccount, displayName: ' ' }, /^displayName: /],
        [{ ...newAccount, password: 'chosen by the supervisor' }, /password/],
        [{ username: 'solo' }, /^role: /],
      ];
      for (const [body, message] of invalid) {
        const res = await call(c, 'POST', '/api/admin/operators', { body, cookie: boss });
        expect(res.status, JSON.stringify(body)).toBe(400);
        expect(res.body.error).toBe('invalid-payload');
        expect(res.body.message, JSON.stringify(body)).toMatch(message);
      }
      const broken = await fetch(`${c.base}/api/admin/operators`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: c.base, cookie: boss },
        body: '{"username":',
      });
      expect(broken.status).toBe(400);
    });

    it('a temporary password must be changed first: only POST /api/operator/password, no socket until then', async () => {
      const c = await start();
      const boss = await c.login('boss', { role: 'supervisor' });
      const created = await call<AdminCreated>(c, 'POST', '/api/admin/operators', {
        body: { ...newAccount, role: 'supervisor' },
        cookie: boss,
      });
      const temporary = created.body.data.temporaryPassword;
      const first = await login(c, 'nieuw.lid', temporary);
      expect(first.status).toBe(200);
      expect(first.body.data).toEqual({ mustChangePassword: true });
      const cookie = first.cookie!;
      for (const path of [
        '/api/operator/me',
        '/api/operator/quick-replies?lang=nl',
        '/api/operator/help-route?municipality=GM0344',
        '/api/admin/operators',
      ]) {
        const res = await call(c, 'GET', path, { cookie });
        expect(res.status, path).toBe(403);
        expect(res.body.error, path).toBe('password-change-required');
      }
      expect(
        (await call(c, 'POST', '/api/admin/operators', { body: { ...newAccount, username: 'x2' }, cookie })).status,
      ).toBe(403);
      const refused = await socketWith(c, cookie);
      expect(refused.result).toBe('password-change-required');
      refused.socket.close();

      // The change itself: same origin, the current password, the existing rules for the new one.
      const next = 'een nieuw lang wachtwoord';
      const forged = await call(c, 'POST', '/api/operator/password', {
        body: { current: temporary, next },
        cookie,
        origin: 'https://evil.example',
      });
      expect(forged.status).toBe(403);
      expect((await call(c, 'POST', '/api/operator/password', { body: { current: temporary, next } })).status).toBe(
        401,
      );
      const short = await call(c, 'POST', '/api/operator/password', {
        body: { current: temporary, next: 'kort' },
        cookie,
      });
      expect(short.status).toBe(400);
      expect(short.body.message).toMatch(/^next: at least 12 characters/);
      const same = await call(c, 'POST', '/api/operator/password', {
        body: { current: temporary, next: temporary },
        cookie,
      });
      expect(same.status).toBe(400);
      expect(same.body.message).toMatch(/differ/);
      const wrong = await call(c, 'POST', '/api/operator/password', {
        body: { current: 'not the one at all', next },
        cookie,
      });
      expect(wrong.status).toBe(403);
      expect(wrong.body.error).toBe('wrong-password');

      const changed = await call<{ operatorId: string; name: string }>(c, 'POST', '/api/operator/password', {
        body: { current: temporary, next },
        cookie,
      });
      expect(changed.status).toBe(200);
      // The operator's own `me`: the opaque id colleagues see (issue 20), never the login name.
      expect(changed.body.data.operatorId).toMatch(/^op-/);
      expect(JSON.stringify(changed.body.data)).not.toContain('nieuw.lid');
      // A fresh session for this browser; the temporary one is gone.
      const fresh = changed.cookie!;
      expect(fresh).not.toBe(cookie);
      expect((await call(c, 'GET', '/api/operator/me', { cookie })).status).toBe(401);
      expect((await call(c, 'GET', '/api/operator/me', { cookie: fresh })).status).toBe(200);
      expect((await call(c, 'GET', '/api/admin/operators', { cookie: fresh })).status).toBe(200);
      const socket = await socketWith(c, fresh);
      expect(socket.result).toBe('connected');
      socket.socket.close();
      // The temporary password no longer works; the new one does, without a change asked.
      expect((await login(c, 'nieuw.lid', temporary)).status).toBe(401);
      const again = await login(c, 'nieuw.lid', next);
      expect(again.status).toBe(200);
      expect(again.body.data.operatorId).toBe(changed.body.data.operatorId);
    });

    it('disabling cuts a live socket and the old cookie at once; its visitor goes back to the queue', async () => {
      const c = await start();
      const boss = await c.login('boss', { role: 'supervisor' });
      const cookie = await c.login('anna');
      const anna = await c.operator('anna', { cookie, available: true });
      const visitor = await c.visitor();
      const started = await emitAck<VisitorStarted>(visitor, 'visitor:start', startPayload());
      expect(started.ok).toBe(true);
      const accepted = await emitAck<{ conversation: OperatorConversation }>(anna, 'operator:accept', {});
      expect(accepted.ok).toBe(true);

      const cut = new Promise<string>((resolve) => anna.once('disconnect', resolve));
      const backInQueue = nextEvent(visitor, 'queue:updated', () => true, 5_000);
      const t0 = Date.now();
      const res = await call<AdminOperator>(c, 'PATCH', '/api/admin/operators/anna', {
        body: { disabled: true },
        cookie: boss,
      });
      expect(res.status).toBe(200);
      expect(res.body.data.disabled).toBe(true);
      // The recheck timer is set to a minute here: only the PATCH itself can have cut it.
      expect(await cut).toBe('io server disconnect');
      expect(Date.now() - t0).toBeLessThan(2_000);
      expect((await call(c, 'GET', '/api/operator/me', { cookie })).status).toBe(401);
      expect((await socketWith(c, cookie)).result).toBe('unauthorized');
      expect((await login(c, 'anna', 'a long test password')).status).toBe(401);
      await backInQueue;
      expect(
        (await c.store.getConversation(accepted.ok ? accepted.data.conversation.conversationId : ''))?.status,
      ).toBe('queued');

      // Enabled again: a new login works (the old session stays ended).
      const enabled = await call<AdminOperator>(c, 'PATCH', '/api/admin/operators/anna', {
        body: { disabled: false, languages: ['nl', 'ar'], displayName: 'Sanne', region: 'VT09' },
        cookie: boss,
      });
      expect(enabled.status).toBe(200);
      expect(enabled.body.data).toMatchObject({
        disabled: false,
        languages: ['nl', 'ar'],
        displayName: 'Sanne',
        region: 'VT09',
      });
      expect((await call(c, 'GET', '/api/operator/me', { cookie })).status).toBe(401);
      expect((await login(c, 'anna', 'a long test password')).status).toBe(200);
      // 400 on a bad change, 404 on an unknown account.
      expect((await call(c, 'PATCH', '/api/admin/operators/anna', { body: {}, cookie: boss })).status).toBe(400);
      expect(
        (await call(c, 'PATCH', '/api/admin/operators/anna', { body: { role: 'root' }, cookie: boss })).status,
      ).toBe(400);
      expect(
        (await call(c, 'PATCH', '/api/admin/operators/nobody', { body: { disabled: true }, cookie: boss })).status,
      ).toBe(404);
    });

    it('keeps the last active supervisor (409) and moves a demoted one out of the figures', async () => {
      const c = await start();
      const boss = await c.login('boss', { role: 'supervisor' });
      for (const body of [{ disabled: true }, { role: 'operator' }]) {
        const res = await call(c, 'PATCH', '/api/admin/operators/boss', { body, cookie: boss });
        expect(res.status).toBe(409);
        expect(res.body).toMatchObject({ error: 'conflict', message: 'last-supervisor' });
      }
      // With a second supervisor, one may step down, and then the other is the last.
      const second = await c.login('second', { role: 'supervisor' });
      const socket = await c.operator('second', { cookie: second });
      const demoted = await call(c, 'PATCH', '/api/admin/operators/second', {
        body: { role: 'operator' },
        cookie: boss,
      });
      expect(demoted.status).toBe(200);
      expect((await call(c, 'GET', '/api/admin/operators', { cookie: second })).status).toBe(403);
      const rooms = await c.app.chat!.io.of('/operator').in('supervisors').fetchSockets();
      expect(rooms.map((s) => s.data.operatorId)).not.toContain('second');
      expect(socket.connected).toBe(true);
      expect(
        (await call(c, 'PATCH', '/api/admin/operators/boss', { body: { disabled: true }, cookie: boss })).status,
      ).toBe(409);
    });

    it('a reset gives a new temporary password, ends the sessions and sockets, and asks for a change', async () => {
      const c = await start();
      const boss = await c.login('boss', { role: 'supervisor' });
      const cookie = await c.login('anna');
      const anna = await c.operator('anna', { cookie });
      const cut = new Promise<string>((resolve) => anna.once('disconnect', resolve));
      const res = await call<{ temporaryPassword: string }>(c, 'POST', '/api/admin/operators/anna/reset-password', {
        cookie: boss,
      });
      expect(res.status).toBe(200);
      const temporary = res.body.data.temporaryPassword;
      expect(temporary).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
      expect(await cut).toBe('io server disconnect');
      expect((await call(c, 'GET', '/api/operator/me', { cookie })).status).toBe(401);
      expect((await login(c, 'anna', 'a long test password')).status).toBe(401);
      const first = await login(c, 'anna', temporary);
      expect(first.body.data).toEqual({ mustChangePassword: true });
      expect((await call(c, 'POST', '/api/admin/operators/nobody/reset-password', { cookie: boss })).status).toBe(404);
    });
  });
}

// Each case spawns the compiled CLI several times (Node start-up and a password hash each): on a
// busy shared machine that takes far longer than the default 20 s, so these get a minute.
describe('npm run operator:add --languages', { timeout: 60_000 }, () => {
  const run = (file: string, args: string[]) =>
    spawnSync(process.execPath, [OPERATOR_ADD_CLI, ...args], {
      input: 'a long enough password',
      encoding: 'utf8',
      env: { ...process.env, OPERATORS_FILE: file, REDIS_URL: '' },
    });

  it('stores the languages (default nl) and refuses unknown or repeated codes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ghnt-cli-'));
    const file = join(dir, 'operators.json');
    try {
      expect(run(file, ['--username', 'anna', '--role', 'operator', '--languages', 'nl, EN']).status).toBe(0);
      expect(run(file, ['--username', 'bram', '--role', 'supervisor']).status).toBe(0);
      const accounts = JSON.parse(readFileSync(file, 'utf8')) as Record<string, { languages?: string[] }>;
      expect(accounts.anna?.languages).toEqual(['nl', 'en']);
      expect(accounts.bram?.languages).toEqual(['nl']);
      for (const bad of ['nl,fr', 'nl,nl', '']) {
        const refused = run(file, ['--username', 'cas', '--role', 'operator', '--languages', bad]);
        expect(refused.status, bad).toBe(1);
        expect(refused.stderr, bad).toMatch(/--languages/);
      }
      expect(Object.keys(JSON.parse(readFileSync(file, 'utf8')) as object)).toEqual(['anna', 'bram']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('leaves two-factor login off on an existing account: the way back after a lost phone', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ghnt-cli-'));
    const file = join(dir, 'operators.json');
    try {
      expect(run(file, ['--username', 'anna', '--role', 'supervisor']).status).toBe(0);
      const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
      before.anna = { ...before.anna, twoFactor: { secret: 'JBSWY3DPEHPK3PXP', since: '2026-12-05T10:00:00Z' } };
      writeFileSync(file, JSON.stringify(before));
      const again = run(file, ['--username', 'anna', '--role', 'supervisor']);
      expect(again.status).toBe(0);
      expect(again.stdout).toMatch(/Two-factor login is off now/);
      const after = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
      expect(after.anna?.twoFactor).toBeUndefined();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
