/**
 * The operator console's HTTP API (docs/chat-protocol.md): login with a lockout after repeated
 * failures, logout, who am I, changing one's password, quick replies per language, and the help
 * route beside a conversation. State-changing requests need this site's Origin; every answer is
 * `no-store`. An account with a temporary password (set by a supervisor, admin-routes.ts) may
 * only change it: every other route answers 403 `password-change-required` until it has.
 */
import express, { type Request, type Response, type Router } from 'express';
import { z } from 'zod';
import { accountLanguages } from '../chat/languages';
import {
  AUDIT_UNKNOWN_ACTOR,
  LANG_CODES,
  operatorLoginSchema,
  operatorPasswordSchema,
  type OperatorMe,
} from '../protocol';
import { originAllowed } from '../auth/origin';
import { clientBucket } from '../auth/client-address';
import { DUMMY_HASH_PROMISE, hashPassword, verifyPassword } from '../auth/passwords';
import { credentialOf, liveSession } from '../auth/session-check';
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
   * session) or 403 `password-change-required` (a temporary password not yet changed).
   */
  async function signedIn(req: Request, res: Response): Promise<OperatorAccount | null> {
    const id = sessionIdFrom(req.headers.cookie);
    const account = id ? ((await liveSession(deps, sessionKey(id)))?.account ?? null) : null;
    if (!account) error(res, 401, 'unauthorized');
    else if (account.mustChangePassword) error(res, 403, 'password-change-required');
    else return account;
    return null;
  }

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
      // A temporary password: this session may only change it (POST /api/operator/password).
      if (account.mustChangePassword) return res.json({ ok: true, data: { mustChangePassword: true } });
      res.json({ ok: true, data: meOf(account, deps.settings.capacity, await publicOperatorIds(deps.store)) });
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
      res.json({ ok: true, data: meOf(updated, deps.settings.capacity, await publicOperatorIds(deps.store)) });
    } catch (failure) {
      if (failure instanceof GateFull) return tooMany(res, GATE_FULL_RETRY_MS);
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
