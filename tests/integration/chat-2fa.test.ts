/**
 * Two-factor login (issue 14 item 3), over real HTTP and sockets against both stores: setup and
 * confirm, the code at login (asked only after the right password), replayed codes, codes under
 * the login limits, OPERATOR_REQUIRE_2FA keeping routes and sockets closed until set up, and a
 * supervisor turning it off (a lost phone). Codes come from the otpauth URI, as a phone's app
 * would make them; the server's clock is a test clock so every code's time step is known.
 */
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as OTPAuth from 'otpauth';
import { io as connect } from 'socket.io-client';
import { callApi, startChat, TEST_PASSWORD, type TestChat } from '../support/chat-app';
import { storeKinds } from '../support/chat-stores';
import type { ChatSettings } from '../../chat-server/src/config';
import type { Logger } from '../../chat-server/src/logger';
import type { AdminOperator, OperatorMe, TwoFactorSetup } from '../../chat-server/src/protocol';

const ATTACKER = '203.0.113.5';
const OFFICE = '198.51.100.7';
/** The middle of a 30-second step, so a code of the step before or after is exactly one step away. */
const START = Math.floor(Date.parse('2026-12-05T10:00:00Z') / 30_000) * 30_000 + 15_000;

for (const kind of storeKinds()) {
  describe(`two-factor login (${kind.name} store)`, () => {
    let chat: TestChat | undefined;
    let clock = START;
    let logged: string[] = [];
    const logger: Logger = {
      info: (event, fields) => logged.push(JSON.stringify({ event, ...fields })),
      warn: (event, fields) => logged.push(JSON.stringify({ event, ...fields })),
      error: (event, fields) => logged.push(JSON.stringify({ event, ...fields })),
    };
    const start = async (settings: Partial<ChatSettings> = {}) => {
      clock = START;
      logged = [];
      chat = await startChat({
        ...(await kind.createWithRedis()),
        now: () => clock,
        logger,
        trustProxy: 1,
        settings: { operatorRecheckMs: 60_000, loginMaxFailures: 5, lockoutMs: 60_000, ...settings },
      });
      return chat;
    };
    afterEach(async () => {
      await chat?.close();
      chat = undefined;
    });
    afterAll(() => kind.dispose());

    /** As the console calls, from the office's address unless another is given (the login limits count per address). */
    const call = <T = unknown>(
      c: TestChat,
      method: string,
      path: string,
      options: { cookie?: string; body?: unknown; address?: string } = {},
    ) =>
      callApi<T>(c, method, path, {
        ...(options.cookie ? { cookie: options.cookie } : {}),
        ...(options.body !== undefined ? { body: options.body } : {}),
        headers: { 'x-forwarded-for': options.address ?? OFFICE },
      });

    const login = (c: TestChat, body: { username: string; password?: string; code?: string }, address?: string) =>
      call<OperatorMe & { twoFactorSetupRequired?: true }>(c, 'POST', '/api/operator/login', {
        body: { password: TEST_PASSWORD, ...body },
        address,
      });

    /** The code the app shows `offsetSteps` steps from the server's clock. */
    const codeOf = (setup: TwoFactorSetup, offsetSteps = 0) =>
      (OTPAuth.URI.parse(setup.otpauthUri) as OTPAuth.TOTP).generate({ timestamp: clock + offsetSteps * 30_000 });

    /** Sets up and confirms two-factor login for a signed-in account; the confirm uses the current step. */
    async function turnOn(c: TestChat, cookie: string): Promise<TwoFactorSetup> {
      const setup = await call<TwoFactorSetup>(c, 'POST', '/api/operator/2fa/setup', { cookie });
      expect(setup.status).toBe(200);
      const confirmed = await call<OperatorMe>(c, 'POST', '/api/operator/2fa/confirm', {
        cookie,
        body: { code: codeOf(setup.body.data) },
      });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.data.twoFactor).toBe(true);
      return setup.body.data;
    }

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

    it('setup, confirm, then the login needs the code: once, and only after the right password', async () => {
      const c = await start();
      const boss = await c.login('boss', { role: 'supervisor', address: OFFICE });
      const cookie = await c.login('anna', { address: OFFICE });

      const setup = await call<TwoFactorSetup>(c, 'POST', '/api/operator/2fa/setup', { cookie });
      expect(setup.status).toBe(200);
      const { otpauthUri, qrSvg } = setup.body.data;
      const parsed = OTPAuth.URI.parse(otpauthUri) as OTPAuth.TOTP;
      expect(parsed).toBeInstanceOf(OTPAuth.TOTP);
      expect([parsed.algorithm, parsed.digits, parsed.period, parsed.label]).toEqual(['SHA1', 6, 30, 'anna']);
      expect(parsed.secret.base32).toMatch(/^[A-Z2-7]{32}$/);
      expect(qrSvg).toMatch(/^<svg [^>]*viewBox/);
      // Shown as an image by the console: nothing in it that CSP or a script would touch.
      expect(qrSvg).not.toMatch(/style=|<script|on\w+=|href/i);
      // Pending: the login does not ask for a code yet, and the supervisor sees it off.
      expect((await login(c, { username: 'anna' })).status).toBe(200);
      const before = await call<AdminOperator[]>(c, 'GET', '/api/admin/operators', { cookie: boss });
      expect(before.body.data.find((a) => a.id === 'anna')?.twoFactor).toBe(false);

      // Confirm: a malformed code 400, a wrong one 400 with a clear error, the app's code 200.
      const malformed = await call(c, 'POST', '/api/operator/2fa/confirm', { cookie, body: { code: '12a456' } });
      expect([malformed.status, malformed.body.error]).toEqual([400, 'invalid-payload']);
      const wrongCode = codeOf(setup.body.data) === '000000' ? '000001' : '000000';
      const wrong = await call(c, 'POST', '/api/operator/2fa/confirm', { cookie, body: { code: wrongCode } });
      expect([wrong.status, wrong.body.error]).toEqual([400, 'totp-invalid']);
      const confirmCode = codeOf(setup.body.data);
      const spaced = `${confirmCode.slice(0, 3)} ${confirmCode.slice(3)}`;
      const confirmed = await call<OperatorMe>(c, 'POST', '/api/operator/2fa/confirm', {
        cookie,
        body: { code: spaced },
      });
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.data.twoFactor).toBe(true);
      // This session stays; the supervisor now sees it on, and never the secret.
      expect((await call<OperatorMe>(c, 'GET', '/api/operator/me', { cookie })).body.data.twoFactor).toBe(true);
      const after = await call<AdminOperator[]>(c, 'GET', '/api/admin/operators', { cookie: boss });
      expect(after.body.data.find((a) => a.id === 'anna')?.twoFactor).toBe(true);
      expect(JSON.stringify(after.body)).not.toContain(parsed.secret.base32);

      // Without a code: 401 totp-required, but only with the right password.
      const noCode = await login(c, { username: 'anna' });
      expect([noCode.status, noCode.body.error, noCode.cookie]).toEqual([401, 'totp-required', undefined]);
      const wrongPassword = await login(c, { username: 'anna', password: 'not the password' });
      expect([wrongPassword.status, wrongPassword.body.error]).toEqual([401, 'unauthorized']);
      const wrongPasswordRightCode = await login(c, {
        username: 'anna',
        password: 'not the password',
        code: codeOf(setup.body.data, 1),
      });
      expect([wrongPasswordRightCode.status, wrongPasswordRightCode.body.error]).toEqual([401, 'unauthorized']);
      // A wrong code, and the confirm's code again (its step is used): 401.
      const badCode = await login(c, { username: 'anna', code: wrongCode });
      expect([badCode.status, badCode.body.error, badCode.cookie]).toEqual([401, 'totp-invalid', undefined]);
      expect((await login(c, { username: 'anna', code: confirmCode })).body.error).toBe('totp-invalid');

      // 30 seconds on: the new code logs in, once; then neither it nor an earlier step's code.
      clock += 30_000;
      const code = codeOf(setup.body.data);
      const ok = await login(c, { username: 'anna', code });
      expect(ok.status).toBe(200);
      expect(ok.body.data.twoFactor).toBe(true);
      expect((await call(c, 'GET', '/api/operator/me', { cookie: ok.cookie })).status).toBe(200);
      const replay = await login(c, { username: 'anna', code });
      expect([replay.status, replay.body.error, replay.cookie]).toEqual([401, 'totp-invalid', undefined]);
      expect((await login(c, { username: 'anna', code: codeOf(setup.body.data, -1) })).status).toBe(401);
      // The next step's code (a phone's clock a little ahead) is accepted, once.
      expect((await login(c, { username: 'anna', code: codeOf(setup.body.data, 1) })).status).toBe(200);
      // Two steps away is too far.
      clock += 30_000;
      expect((await login(c, { username: 'anna', code: codeOf(setup.body.data, 2) })).status).toBe(401);

      // Neither the secret nor a code is ever logged.
      const log = logged.join('\n');
      expect(log).toContain('operator.2fa-enabled');
      expect(log).not.toContain(parsed.secret.base32);
      expect(log).not.toContain(code);
    });

    it('a second setup replaces an unconfirmed one; once on, a new phone needs the current code', async () => {
      const c = await start();
      const cookie = await c.login('anna', { address: OFFICE });
      const first = await call<TwoFactorSetup>(c, 'POST', '/api/operator/2fa/setup', { cookie });
      const second = await call<TwoFactorSetup>(c, 'POST', '/api/operator/2fa/setup', { cookie });
      expect(second.body.data.otpauthUri).not.toBe(first.body.data.otpauthUri);
      // The first secret was replaced: its code does not confirm.
      const stale = await call(c, 'POST', '/api/operator/2fa/confirm', {
        cookie,
        body: { code: codeOf(first.body.data) },
      });
      if (codeOf(first.body.data) !== codeOf(second.body.data)) expect(stale.status).toBe(400);
      const noPending = await call(c, 'POST', '/api/operator/2fa/confirm', {
        cookie: await c.login('bram'),
        body: { code: '123456' },
      });
      expect([noPending.status, noPending.body.error]).toEqual([409, 'totp-not-set-up']);

      const phone = await turnOn(c, cookie);
      clock += 30_000;
      const needsCode = await call(c, 'POST', '/api/operator/2fa/setup', { cookie });
      expect([needsCode.status, needsCode.body.error]).toEqual([401, 'totp-required']);
      const wrong = await call(c, 'POST', '/api/operator/2fa/setup', { cookie, body: { code: '999999' } });
      if (codeOf(phone) !== '999999') expect([wrong.status, wrong.body.error]).toEqual([401, 'totp-invalid']);
      const newPhone = await call<TwoFactorSetup>(c, 'POST', '/api/operator/2fa/setup', {
        cookie,
        body: { code: codeOf(phone) },
      });
      expect(newPhone.status).toBe(200);
      // Until the new phone is confirmed the old one still logs in.
      clock += 30_000;
      expect((await login(c, { username: 'anna', code: codeOf(phone) })).status).toBe(200);
      clock += 30_000;
      const confirmed = await call(c, 'POST', '/api/operator/2fa/confirm', {
        cookie,
        body: { code: codeOf(newPhone.body.data) },
      });
      expect(confirmed.status).toBe(200);
      clock += 30_000;
      if (codeOf(phone) !== codeOf(newPhone.body.data))
        expect((await login(c, { username: 'anna', code: codeOf(phone) })).status).toBe(401);
      expect((await login(c, { username: 'anna', code: codeOf(newPhone.body.data) })).status).toBe(200);
    });

    it('codes count in the login limits per account and address; a right password without a code does not', async () => {
      const c = await start();
      const cookie = await c.login('anna', { address: OFFICE });
      const phone = await turnOn(c, cookie);
      clock += 30_000;
      const wrong = codeOf(phone) === '111111' ? '222222' : '111111';
      // The console's first step (password, no code yet) is given back: ten of them lock nothing.
      for (let i = 0; i < 10; i++)
        expect((await login(c, { username: 'anna' }, ATTACKER)).body.error).toBe('totp-required');
      // Someone with the password guessing codes: 5 guesses, then locked, even with the right code.
      const guesses = [];
      for (let i = 0; i < 5; i++) guesses.push((await login(c, { username: 'anna', code: wrong }, ATTACKER)).status);
      expect(guesses).toEqual([401, 401, 401, 401, 401]);
      const locked = await login(c, { username: 'anna', code: codeOf(phone) }, ATTACKER);
      expect(locked.status).toBe(429);
      expect(Number((await login(c, { username: 'anna' }, ATTACKER)).status)).toBe(429);
      // The owner, from the office, is not locked out.
      expect((await login(c, { username: 'anna', code: codeOf(phone) }, OFFICE)).status).toBe(200);
    });

    it('codes count per address across accounts too', async () => {
      const c = await start({
        login: { maxFailuresPerAddress: 4, hashConcurrency: 2, hashQueue: 100, hashQueuePerAddress: 100 },
      });
      const phones: TwoFactorSetup[] = [];
      for (const name of ['anna', 'bram', 'cor'])
        phones.push(await turnOn(c, await c.login(name, { address: OFFICE })));
      clock += 30_000;
      const statuses: number[] = [];
      for (const name of ['anna', 'bram', 'cor', 'anna', 'bram'])
        statuses.push((await login(c, { username: name, code: '000000' }, ATTACKER)).status);
      expect(statuses.slice(0, 4).every((s) => s === 401 || s === 200)).toBe(true);
      expect(statuses[4]).toBe(429);
    });

    it('OPERATOR_REQUIRE_2FA: a session without it may only set it up; no socket until confirmed', async () => {
      const c = await start({ requireTwoFactor: true });
      // A temporary password first, then the setup (the order the console follows).
      await c.login('boss', { role: 'supervisor', address: OFFICE });
      const account = (await c.accounts.get('boss'))!;
      await c.accounts.put({ ...account, mustChangePassword: true });
      const first = await login(c, { username: 'boss' });
      expect(first.body.data).toEqual({ mustChangePassword: true });
      const changed = await call(c, 'POST', '/api/operator/password', {
        cookie: first.cookie,
        body: { current: TEST_PASSWORD, next: 'een nieuw lang wachtwoord' },
      });
      expect(changed.status).toBe(200);
      expect(changed.body.data).toEqual({ twoFactorSetupRequired: true });
      const cookie = changed.cookie!;
      const again = await login(c, { username: 'boss', password: 'een nieuw lang wachtwoord' });
      expect(again.body.data).toEqual({ twoFactorSetupRequired: true });

      for (const path of ['/api/operator/me', '/api/operator/quick-replies?lang=nl', '/api/admin/operators']) {
        const res = await call(c, 'GET', path, { cookie });
        expect([res.status, res.body.error], path).toEqual([403, '2fa-setup-required']);
      }
      const patch = await call(c, 'PATCH', '/api/admin/operators/boss', { cookie, body: { displayName: 'X' } });
      expect([patch.status, patch.body.error]).toEqual([403, '2fa-setup-required']);
      const refused = await socketWith(c, cookie);
      expect(refused.result).toBe('2fa-setup-required');
      refused.socket.close();

      await turnOn(c, cookie);
      expect((await call(c, 'GET', '/api/operator/me', { cookie })).status).toBe(200);
      expect((await call(c, 'GET', '/api/admin/operators', { cookie })).status).toBe(200);
      const socket = await socketWith(c, cookie);
      expect(socket.result).toBe('connected');
      socket.socket.close();
    });

    it('a supervisor turns an operator’s 2FA off: sessions and sockets end, the next login needs no code', async () => {
      const c = await start();
      const boss = await c.login('boss', { role: 'supervisor', address: OFFICE });
      const cookie = await c.login('anna', { address: OFFICE });
      await turnOn(c, cookie);
      const socket = await socketWith(c, cookie);
      expect(socket.result).toBe('connected');
      const cut = new Promise<string>((resolve) => socket.socket.once('disconnect', resolve));

      const on = await call(c, 'PATCH', '/api/admin/operators/anna', { cookie: boss, body: { twoFactor: true } });
      expect(on.status).toBe(400);
      const byOperator = await call(c, 'PATCH', '/api/admin/operators/anna', { cookie, body: { twoFactor: false } });
      expect(byOperator.status).toBe(403);
      const off = await call<AdminOperator>(c, 'PATCH', '/api/admin/operators/anna', {
        cookie: boss,
        body: { twoFactor: false },
      });
      expect(off.status).toBe(200);
      expect(off.body.data.twoFactor).toBe(false);
      await cut;
      expect((await call(c, 'GET', '/api/operator/me', { cookie })).status).toBe(401);
      const back = await login(c, { username: 'anna' });
      expect(back.status).toBe(200);
      expect(back.body.data.twoFactor).toBe(false);
      expect(logged.join('\n')).toContain('admin.operator-2fa-off');
      // The audit log: anna turned it on herself, the supervisor turned it off.
      const audit = await call<{ actor: string; action: string; target?: string }[]>(
        c,
        'GET',
        '/api/admin/audit?limit=50',
        {
          cookie: boss,
        },
      );
      const twoFactorEntries = audit.body.data.filter((entry) => entry.action.startsWith('2fa-'));
      expect(twoFactorEntries.map(({ actor, action, target }) => ({ actor, action, target }))).toEqual(
        expect.arrayContaining([
          { actor: 'anna', action: '2fa-enabled', target: 'anna' },
          { actor: 'boss', action: '2fa-disabled', target: 'anna' },
        ]),
      );
      expect(twoFactorEntries).toHaveLength(2);
      // Turning it off when it is off changes nothing and ends no session.
      const again = await call(c, 'PATCH', '/api/admin/operators/anna', { cookie: boss, body: { twoFactor: false } });
      expect(again.status).toBe(200);
      expect((await call(c, 'GET', '/api/operator/me', { cookie: back.cookie })).status).toBe(200);
    });
  });
}
