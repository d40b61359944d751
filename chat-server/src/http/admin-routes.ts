/**
 * Account administration for supervisors (docs/chat-protocol.md "Accounts"): list, create with
 * a temporary password shown once, change (disable, role, languages, alias, region), and reset
 * a password. Supervisors only: no live session → 401, an operator → 403, a supervisor whose own
 * password is still temporary → 403 `password-change-required`. State-changing requests need
 * this site's Origin (the same CSRF rule as the operator API, auth/origin.ts, with the
 * SameSite=Strict cookie); every answer is `no-store`. Answers never hold a hash or a secret.
 */
import express, { type Request, type Response, type Router } from 'express';
import type { z } from 'zod';
import {
  adminCreateOperatorSchema,
  adminUpdateOperatorSchema,
  type AdminCreated,
  type AdminOperator,
  type OperatorRole,
} from '../protocol';
import { hashPassword, temporaryPassword } from '../auth/passwords';
import type { ChatDeps } from '../chat/chat-context';
import type { OperatorAccount } from '../chat/store/chat-store';
import { accountLanguages } from '../chat/languages';
import { recordAudit } from '../admin/audit-log';
import { adminError as error, handleAdmin as handle, signedInSupervisor } from './admin-access';

type Deps = Pick<
  ChatDeps,
  'store' | 'accounts' | 'regions' | 'logger' | 'publicOrigin' | 'audit' | 'now' | 'settings'
> & {
  /** Ends the account's sockets now, on every process (attach-chat.ts). */
  revokeOperator?: (operatorId: string) => Promise<void>;
  /** Moves the account's open sockets in or out of the supervisors' figures. */
  roleChanged?: (operatorId: string, role: OperatorRole) => void;
};

/** 400 with the first problem in words, e.g. `username: use 2–32 letters…`. */
const invalid = (res: Response, issues: z.core.$ZodIssue[]) => {
  const issue = issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return error(res, 400, 'invalid-payload', issue ? `${where}${issue.message}` : 'invalid body');
};

/** What a supervisor sees of an account. */
export const adminView = (account: OperatorAccount): AdminOperator => ({
  id: account.username,
  username: account.username,
  displayName: account.displayName,
  role: account.role,
  languages: accountLanguages(account),
  ...(account.region ? { region: account.region } : {}),
  disabled: account.disabled === true,
  twoFactor: account.twoFactor !== undefined,
  mustChangePassword: account.mustChangePassword === true,
});

const activeSupervisors = (accounts: OperatorAccount[]) =>
  accounts.filter((account) => account.role === 'supervisor' && !account.disabled);

export function adminRoutes(deps: Deps): Router {
  const router = express.Router();
  router.use('/api/admin', (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  const json = express.json({ limit: '4kb', strict: true });

  const supervisor = (req: Request, res: Response, changes: boolean) => signedInSupervisor(deps, req, res, changes);

  const regionKnown = (region: string | undefined) =>
    region === undefined || deps.regions.isKnownOperatorRegion(region);

  /** One entry for disabling or enabling, one naming the other fields that changed (names, never values). */
  async function auditChange(actor: OperatorAccount, before: OperatorAccount, after: OperatorAccount) {
    const base = { actor: actor.username, target: after.username };
    if (Boolean(before.disabled) !== Boolean(after.disabled))
      await recordAudit(deps, { ...base, action: after.disabled ? 'account-disabled' : 'account-enabled' });
    const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
    const fields = (['role', 'languages', 'displayName', 'region'] as const).filter(
      (field) => !same(before[field], after[field]),
    );
    if (fields.length) await recordAudit(deps, { ...base, action: 'account-updated', fields: [...fields] });
    // Two-factor login turned off by a supervisor (a lost phone); turning it on is the operator's own (operator-routes.ts).
    if (before.twoFactor && !after.twoFactor) await recordAudit(deps, { ...base, action: '2fa-disabled' });
  }

  router.get(
    '/api/admin/operators',
    handle(async (req, res) => {
      if (!(await supervisor(req, res, false))) return;
      const list = (await deps.accounts.list()).sort((a, b) => a.username.localeCompare(b.username));
      res.json({ ok: true, data: list.map(adminView) });
    }),
  );

  router.post(
    '/api/admin/operators',
    json,
    handle(async (req, res) => {
      const actor = await supervisor(req, res, true);
      if (!actor) return;
      const parsed = adminCreateOperatorSchema.safeParse(req.body);
      if (!parsed.success) return invalid(res, parsed.error.issues);
      const body = parsed.data;
      if (!regionKnown(body.region))
        return error(res, 400, 'invalid-payload', `region: ${body.region} is not a Veilig Thuis or safety region`);
      if (await deps.accounts.get(body.username)) return error(res, 409, 'conflict', 'username-taken');
      const password = temporaryPassword();
      const account: OperatorAccount = {
        username: body.username,
        role: body.role,
        region: body.region ?? 'national',
        displayName: body.displayName ?? 'Veilig Thuis',
        languages: body.languages,
        passwordHash: await hashPassword(password),
        createdAt: new Date().toISOString(),
        mustChangePassword: true,
      };
      // Atomic: of two supervisors creating one name at once, one gets 409.
      if (!(await deps.accounts.create(account))) return error(res, 409, 'conflict', 'username-taken');
      deps.logger.info('admin.operator-created', { by: actor.username, operator: account.username });
      await recordAudit(deps, { actor: actor.username, action: 'account-created', target: account.username });
      const created: AdminCreated = { operator: adminView(account), temporaryPassword: password };
      res.status(201).json({ ok: true, data: created });
    }),
  );

  router.patch(
    '/api/admin/operators/:id',
    json,
    handle(async (req, res) => {
      const actor = await supervisor(req, res, true);
      if (!actor) return;
      const parsed = adminUpdateOperatorSchema.safeParse(req.body);
      if (!parsed.success) return invalid(res, parsed.error.issues);
      const change = parsed.data;
      const target = await deps.accounts.get(String(req.params.id));
      if (!target) return error(res, 404, 'not-found');
      if (!regionKnown(change.region))
        return error(res, 400, 'invalid-payload', `region: ${change.region} is not a Veilig Thuis or safety region`);
      const updated: OperatorAccount = {
        ...target,
        ...(change.role ? { role: change.role } : {}),
        ...(change.languages ? { languages: change.languages } : {}),
        ...(change.displayName ? { displayName: change.displayName } : {}),
        ...(change.region ? { region: change.region } : {}),
        ...(change.disabled !== undefined ? { disabled: change.disabled } : {}),
      };
      // Two-factor login off (a lost phone): the secrets go, and a new session generation ends
      // every session of the account (session-check.ts); its sockets end below.
      const twoFactorOff = change.twoFactor === false && (target.twoFactor !== undefined || target.twoFactorPending);
      if (twoFactorOff) {
        delete updated.twoFactor;
        delete updated.twoFactorPending;
        if (target.twoFactor) updated.sessionGeneration = (target.sessionGeneration ?? 0) + 1;
      }
      // Somebody must be able to run the service: the last active supervisor stays one.
      const wasSupervisor = target.role === 'supervisor' && !target.disabled;
      const staysSupervisor = updated.role === 'supervisor' && !updated.disabled;
      if (wasSupervisor && !staysSupervisor) {
        const others = activeSupervisors(await deps.accounts.list()).filter((a) => a.username !== target.username);
        if (others.length === 0) return error(res, 409, 'conflict', 'last-supervisor');
      }
      if (!updated.disabled) delete updated.disabled;
      await deps.accounts.put(updated);
      deps.logger.info('admin.operator-changed', { by: actor.username, operator: updated.username });
      await auditChange(actor, target, updated);
      if (twoFactorOff && target.twoFactor)
        deps.logger.info('admin.operator-2fa-off', { by: actor.username, operator: updated.username });
      // Disabled or 2FA off: its sessions are dead already (session-check.ts); its sockets end now.
      if ((updated.disabled && !target.disabled) || updated.sessionGeneration !== target.sessionGeneration)
        await deps.revokeOperator?.(updated.username);
      else if (updated.role !== target.role) deps.roleChanged?.(updated.username, updated.role);
      res.json({ ok: true, data: adminView(updated) });
    }),
  );

  router.post(
    '/api/admin/operators/:id/reset-password',
    handle(async (req, res) => {
      const actor = await supervisor(req, res, true);
      if (!actor) return;
      const target = await deps.accounts.get(String(req.params.id));
      if (!target) return error(res, 404, 'not-found');
      const password = temporaryPassword();
      // A new hash ends every session of the account (session-check.ts); it must be changed at the next login.
      const updated: OperatorAccount = {
        ...target,
        passwordHash: await hashPassword(password),
        mustChangePassword: true,
      };
      await deps.accounts.put(updated);
      await deps.revokeOperator?.(updated.username);
      deps.logger.info('admin.operator-password-reset', { by: actor.username, operator: updated.username });
      await recordAudit(deps, { actor: actor.username, action: 'account-password-reset', target: updated.username });
      res.json({ ok: true, data: { temporaryPassword: password } });
    }),
  );

  // Malformed JSON bodies end here with a clean 400 instead of the site's error page.
  router.use('/api/admin', ((err, _req, res, next) => {
    if (res.headersSent) return next(err);
    error(res, 400, 'invalid-payload', 'the body is not valid JSON');
  }) as express.ErrorRequestHandler);

  return router;
}
