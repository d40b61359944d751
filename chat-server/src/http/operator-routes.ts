/**
 * The operator console's HTTP API (docs/chat-protocol.md): login with a lockout after repeated
 * failures, logout, who am I, changing one's password, quick replies per language, and the help
 * route beside a conversation. State-changing requests need this site's Origin; every answer is
 * `no-store`. An account with a temporary password (set by a supervisor, admin-routes.ts) may
 * only change it: every other route answers 403 `password-change-required` until it has. With
 * OPERATOR_REQUIRE_2FA an account without two-factor login may only set it up (403
 * `2fa-setup-required` elsewhere). Two-factor login itself: setup, confirm, and the code at login.
 */
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { accountLanguages } from '../chat/languages';
import {
  AUDIT_UNKNOWN_ACTOR,
  LANG_CODES,
  operatorLoginSchema,
  operatorPasswordSchema,
  operatorTwoFactorConfirmSchema,
  operatorTwoFactorSetupSchema,
  type OperatorLoginStep,
  type OperatorMe,
  type TwoFactorSetup,
} from '../protocol';
import { originAllowed } from '../auth/origin';
import { clientBucket } from '../auth/client-address';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../auth/passwords';
import { credentialOf, firstStepOf, liveSession } from '../auth/session-check';
import { codeStep, newTwoFactorSecret, TOTP_STEP_MEMORY_MS } from '../auth/totp';
import { clearedSessionCookie, newSessionId, sessionCookie, sessionIdFrom, sessionKey } from '../auth/sessions';
import { createLoginLimiter, GateFull, GATE_FULL_RETRY_MS } from '../limits/login-limiter';
import type { ChatDeps } from '../chat/chat-context';
import { publicOperatorIds } from '../chat/operator-ids';
import type { OperatorAccount } from '../chat/store/chat-store';
import { recordAudit } from '../admin/audit-log';

type Deps = Pick<
  ChatDeps,
  'store' | 'accounts' | 'content' | 'logger' | 'settings' | 'production' | 'publicOrigin' | 'trustProxy' | 'audit'
> & {
  now?: () => number;
  /** Called after logout so open sockets of that session close. */
  onLogout?: (sessionKey: string) => void;
};

const error = (res: Response, status: number, code: string) => res.status(status).json({ ok: false, error: code });

const tooMany = (res: Response, retryAfterMs: number) => {
  res.setHeader('Retry-After', String(Math.max(1, Math.ceil(retryAfterMs / 1000))));
  return error(res, 429, 'rate-limited');
};

/** `operatorId` is the opaque id colleagues see (chat/operator-ids.ts), so a console can leave itself out. */
const meOf = (account: OperatorAccount, capacity: number, publicId: (username: string) => string): OperatorMe => ({
  operatorId: publicId(account.username),
  name: account.displayName,
  role: account.role,
  region: account.region,
  capacity,
  twoFactor: account.twoFactor !== undefined,
  languages: accountLanguages(account),
});

export function operatorRoutes(deps: Deps): Router {
  const now = deps.now ?? Date.now;
  const router = express.Router();
  router.use('/api/operator', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  const json = express.json({ limit: '4kb', strict: true });
  const sameOrigin = (req: Request) => originAllowed(req.headers, deps.publicOrigin);
  const limiter = createLoginLimiter(deps.store, deps.settings);
  const auditDeps = { audit: deps.audit, logger: deps.logger, now };
  // A flood must not flood the log too: one line per 10 s with the count refused.
  let refusedUnlogged = 0;
  let lastQueueFullLog = -Infinity;
  const noteQueueFull = () => {
    refusedUnlogged++;
    if (now() - lastQueueFullLog < 10_000) return;
    deps.logger.warn('operator.login-queue-full', { refused: refusedUnlogged });
    refusedUnlogged = 0;
    lastQueueFullLog = now();
  };

  /**
   * The account behind the request's session cookie; or null after answering 401 (no live
   * session) or 403 `password-change-required` (a temporary password not yet changed) or
   * `2fa-setup-required` (OPERATOR_REQUIRE_2FA, not set up yet; unless this is the setup).
   */
  async function signedIn(req: Request, res: Response, settingUp2fa = false): Promise<OperatorAccount | null> {
    const id = sessionIdFrom(req.headers.cookie);
    const account = id ? ((await liveSession(deps, sessionKey(id)))?.account ?? null) : null;
    const firstStep = account ? firstStepOf(account, deps.settings) : null;
    if (!account) error(res, 401, 'unauthorized');
    else if (firstStep && !(settingUp2fa && firstStep === '2fa-setup-required')) error(res, 403, firstStep);
    else return account;
    return null;
  }

  /** What a login or password change answers: `OperatorMe`, or the one step this session must take first. */
  async function loginAnswer(account: OperatorAccount): Promise<OperatorMe | OperatorLoginStep> {
    const firstStep = firstStepOf(account, deps.settings);
    if (firstStep === 'password-change-required') return { mustChangePassword: true };
    if (firstStep === '2fa-setup-required') return { twoFactorSetupRequired: true };
    return meOf(account, deps.settings.capacity, await publicOperatorIds(deps.store));
  }

  /** Whether `code` is the secret's current code and its time step was not used before (a replay). */
  const codeAccepted = async (username: string, secret: string, code: string) => {
    const step = codeStep(secret, code, now());
    return step !== null && (await deps.store.claimTotpStep(username, step, TOTP_STEP_MEMORY_MS));
  };

  router.post('/api/operator/login', json, async (req, res) => {
    if (!sameOrigin(req)) return error(res, 403, 'forbidden');
    const parsed = operatorLoginSchema.safeParse(req.body);
    if (!parsed.success) return error(res, 400, 'invalid-payload');
    const username = parsed.data.username.trim().toLowerCase();
    try {
      // Counted before the password is checked (login-limiter.ts): parallel guesses cannot overtake the count.
      const admission = await limiter.admit(username, clientBucket(req, deps.trustProxy ?? 0));
      if (!admission.ok) return tooMany(res, admission.retryAfterMs);
      const account = await deps.accounts.get(username);
      const hash = account && !account.disabled ? account.passwordHash : await DUMMY_HASH_PROMISE;
      const valid = await admission.check(() => verifyPassword(parsed.data.password, hash));
      if (!account || account.disabled || !valid) {
        deps.logger.warn('operator.login-failed');
        // The name tried only when it is an account: typed text (a password in the wrong field) is never kept.
        await recordAudit(auditDeps, {
          actor: account ? account.username : AUDIT_UNKNOWN_ACTOR,
          action: 'login-failed',
        });
        return error(res, 401, 'unauthorized');
      }
      // Only now, with the right password, may the answer say that two-factor login is on.
      if (account.twoFactor) {
        const code = parsed.data.code;
        if (code === undefined) {
          await admission.released();
          return error(res, 401, 'totp-required');
        }
        // A wrong or replayed code stays counted, as a wrong password does.
        if (!(await codeAccepted(account.username, account.twoFactor.secret, code))) {
          deps.logger.warn('operator.login-code-failed');
          return error(res, 401, 'totp-invalid');
        }
      }
      await admission.succeeded();
      const id = newSessionId();
      await deps.store.createSession(sessionKey(id), {
        operatorId: account.username,
        credential: credentialOf(account),
        expiresAt: now() + deps.settings.sessionTtlMs,
      });
      res.setHeader('Set-Cookie', sessionCookie(id, { maxAgeMs: deps.settings.sessionTtlMs, secure: deps.production }));
      deps.logger.info('operator.login', { operator: account.username });
      await recordAudit(auditDeps, { actor: account.username, action: 'login' });
      // A temporary password, or 2FA required and not set up: this session may only do that first.
      res.json({ ok: true, data: await loginAnswer(account) });
    } catch (failure) {
      if (failure instanceof GateFull) {
        noteQueueFull();
        return tooMany(res, GATE_FULL_RETRY_MS);
      }
      error(res, 503, 'unavailable');
    }
  });

  router.post('/api/operator/logout', async (req, res) => {
    if (!sameOrigin(req)) return error(res, 403, 'forbidden');
    const id = sessionIdFrom(req.headers.cookie);
    try {
      if (id) {
        const session = await deps.store.getSession(sessionKey(id));
        await deps.store.deleteSession(sessionKey(id));
        deps.onLogout?.(sessionKey(id));
        if (session) await recordAudit(auditDeps, { actor: session.operatorId, action: 'logout' });
      }
      res.setHeader('Set-Cookie', clearedSessionCookie(deps.production));
      res.json({ ok: true, data: {} });
    } catch {
      error(res, 503, 'unavailable');
    }
  });

  router.get('/api/operator/me', async (req, res) => {
    try {
      const account = await signedIn(req, res);
      if (!account) return;
      res.json({ ok: true, data: meOf(account, deps.settings.capacity, await publicOperatorIds(deps.store)) });
    } catch {
      error(res, 503, 'unavailable');
    }
  });

  /**
   * Changes the signed-in account's password (also the only thing a session with a temporary
   * password may do). The current password is checked behind the login limits, so a stolen
   * session cannot be used to guess it. The new hash ends every other session of the account
   * (session-check.ts); this request gets a fresh session cookie.
   */
  router.post('/api/operator/password', json, async (req, res) => {
    if (!sameOrigin(req)) return error(res, 403, 'forbidden');
    try {
      const id = sessionIdFrom(req.headers.cookie);
      const live = id ? await liveSession(deps, sessionKey(id)) : null;
      if (!id || !live) return error(res, 401, 'unauthorized');
      const parsed = operatorPasswordSchema.safeParse(req.body);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return res.status(400).json({
          ok: false,
          error: 'invalid-payload',
          message: issue ? `${issue.path.join('.') || 'body'}: ${issue.message}` : 'invalid',
        });
      }
      const username = live.account.username;
      const admission = await limiter.admit(username, clientBucket(req, deps.trustProxy ?? 0));
      if (!admission.ok) return tooMany(res, admission.retryAfterMs);
      const valid = await admission.check(() => verifyPassword(parsed.data.current, live.account.passwordHash));
      if (!valid) {
        deps.logger.warn('operator.password-change-failed');
        return error(res, 403, 'wrong-password');
      }
      await admission.succeeded();
      const passwordHash = await hashPassword(parsed.data.next);
      // Read again: a supervisor may have disabled or reset the account meanwhile.
      const fresh = await deps.accounts.get(username);
      if (!fresh || fresh.disabled || credentialOf(fresh) !== live.session.credential)
        return error(res, 401, 'unauthorized');
      const { mustChangePassword: _done, ...rest } = fresh;
      const updated: OperatorAccount = { ...rest, passwordHash };
      await deps.accounts.put(updated);
      const oldKey = sessionKey(id);
      await deps.store.deleteSession(oldKey);
      deps.onLogout?.(oldKey);
      const next = newSessionId();
      await deps.store.createSession(sessionKey(next), {
        operatorId: username,
        credential: credentialOf(updated),
        expiresAt: now() + deps.settings.sessionTtlMs,
      });
      res.setHeader(
        'Set-Cookie',
        sessionCookie(next, { maxAgeMs: deps.settings.sessionTtlMs, secure: deps.production }),
      );
      deps.logger.info('operator.password-changed', { operator: username });
      await recordAudit(auditDeps, { actor: username, action: 'password-changed', target: username });
      res.json({ ok: true, data: await loginAnswer(updated) });
    } catch (failure) {
      if (failure instanceof GateFull) return tooMany(res, GATE_FULL_RETRY_MS);
      error(res, 503, 'unavailable');
    }
  });

  /**
   * A new secret for the authenticator app, pending until confirmed (a new setup replaces an
   * unconfirmed one). When two-factor login is already on (a new phone), the current app's code
   * is needed too, counted by the login limits: a session alone cannot move it to another phone.
   * The active secret stays in use until the new one is confirmed.
   */
  router.post('/api/operator/2fa/setup', json, async (req, res) => {
    if (!sameOrigin(req)) return error(res, 403, 'forbidden');
    try {
      const account = await signedIn(req, res, true);
      if (!account) return;
      const parsed = operatorTwoFactorSetupSchema.safeParse(req.body ?? {});
      if (!parsed.success) return error(res, 400, 'invalid-payload');
      if (account.twoFactor) {
        const code = parsed.data.code;
        if (code === undefined) return error(res, 401, 'totp-required');
        const admission = await limiter.admit(account.username, clientBucket(req, deps.trustProxy ?? 0));
        if (!admission.ok) return tooMany(res, admission.retryAfterMs);
        if (!(await codeAccepted(account.username, account.twoFactor.secret, code))) {
          deps.logger.warn('operator.2fa-code-failed');
          return error(res, 401, 'totp-invalid');
        }
        await admission.succeeded();
      }
      const { secret, otpauthUri, qrSvg } = newTwoFactorSecret(account.username);
      // Read again: a supervisor may have changed the account meanwhile.
      const fresh = await deps.accounts.get(account.username);
      if (!fresh || fresh.disabled) return error(res, 401, 'unauthorized');
      await deps.accounts.put({ ...fresh, twoFactorPending: secret });
      const setup: TwoFactorSetup = { otpauthUri, qrSvg };
      res.json({ ok: true, data: setup });
    } catch (failure) {
      if (failure instanceof GateFull) return tooMany(res, GATE_FULL_RETRY_MS);
      error(res, 503, 'unavailable');
    }
  });

  /**
   * Turns two-factor login on with the pending secret once the app's code matches it. The code
   * is claimed (it cannot log in afterwards). Sessions stay: this one was opened with the
   * password, and with OPERATOR_REQUIRE_2FA it may now do everything.
   */
  router.post('/api/operator/2fa/confirm', json, async (req, res) => {
    if (!sameOrigin(req)) return error(res, 403, 'forbidden');
    try {
      const account = await signedIn(req, res, true);
      if (!account) return;
      const parsed = operatorTwoFactorConfirmSchema.safeParse(req.body);
      if (!parsed.success) return error(res, 400, 'invalid-payload');
      const pending = account.twoFactorPending;
      if (!pending) return error(res, 409, 'totp-not-set-up');
      if (!(await codeAccepted(account.username, pending, parsed.data.code))) return error(res, 400, 'totp-invalid');
      const fresh = await deps.accounts.get(account.username);
      if (!fresh || fresh.disabled || fresh.twoFactorPending !== pending) return error(res, 409, 'totp-not-set-up');
      const { twoFactorPending: _confirmed, ...rest } = fresh;
      const updated: OperatorAccount = {
        ...rest,
        twoFactor: { secret: pending, since: new Date(now()).toISOString() },
      };
      await deps.accounts.put(updated);
      deps.logger.info('operator.2fa-enabled', { operator: updated.username });
      await recordAudit(auditDeps, { actor: updated.username, action: '2fa-enabled', target: updated.username });
      res.json({ ok: true, data: meOf(updated, deps.settings.capacity, await publicOperatorIds(deps.store)) });
    } catch {
      error(res, 503, 'unavailable');
    }
  });

  const langQuery = z.object({ lang: z.enum(LANG_CODES) }).strict();
  router.get('/api/operator/quick-replies', async (req, res) => {
    try {
      if (!(await signedIn(req, res))) return;
      const query = langQuery.safeParse(req.query);
      if (!query.success) return error(res, 400, 'invalid-payload');
      res.json({ ok: true, data: deps.content.quickReplies(query.data.lang) });
    } catch {
      error(res, 503, 'unavailable');
    }
  });

  const municipalityQuery = z.object({ municipality: z.string().regex(/^GM\d{4}$/) }).strict();
  router.get('/api/operator/help-route', async (req, res) => {
    try {
      if (!(await signedIn(req, res))) return;
      const query = municipalityQuery.safeParse(req.query);
      if (!query.success) return error(res, 400, 'invalid-payload');
      const route = deps.content.helpRoute(query.data.municipality);
      if (!route) return error(res, 404, 'not-found');
      res.json({ ok: true, data: route });
    } catch {
      error(res, 503, 'unavailable');
    }
  });

  // Malformed JSON bodies end here with a clean 400 instead of the site's error page.
  router.use('/api/operator', ((err, _req, res, next) => {
    if (res.headersSent) return next(err);
    error(res, 400, 'invalid-payload');
  }) as express.ErrorRequestHandler);

  return router;
}
