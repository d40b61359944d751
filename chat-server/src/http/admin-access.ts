/**
 * Who may use the supervisors' routes (`/api/admin/…`): the signed-in supervisor, or an answer.
 * No live session → 401 `unauthorized`; a temporary password not yet changed → 403
 * `password-change-required`; an operator → 403 `forbidden`; a state-changing request without
 * this site's Origin → 403 `forbidden` (checked first: the CSRF rule of auth/origin.ts, with the
 * SameSite=Strict cookie). Shared by admin-routes.ts and admin-report-routes.ts.
 */
import type { Request, Response } from 'express';
import { originAllowed } from '../auth/origin';
import { liveSession } from '../auth/session-check';
import { sessionIdFrom, sessionKey } from '../auth/sessions';
import type { ChatDeps } from '../chat/chat-context';
import type { OperatorAccount } from '../chat/store/chat-store';

export const adminError = (res: Response, status: number, code: string, message?: string) =>
  res.status(status).json({ ok: false, error: code, ...(message ? { message } : {}) });

/** The signed-in supervisor; or null after answering 403 (Origin, for changes), 401 or 403. */
export async function signedInSupervisor(
  deps: Pick<ChatDeps, 'store' | 'accounts' | 'publicOrigin'>,
  req: Request,
  res: Response,
  changes: boolean,
): Promise<OperatorAccount | null> {
  if (changes && !originAllowed(req.headers, deps.publicOrigin)) {
    adminError(res, 403, 'forbidden');
    return null;
  }
  const id = sessionIdFrom(req.headers.cookie);
  const account = id ? ((await liveSession(deps, sessionKey(id)))?.account ?? null) : null;
  if (!account) adminError(res, 401, 'unauthorized');
  else if (account.mustChangePassword) adminError(res, 403, 'password-change-required');
  else if (account.role !== 'supervisor') adminError(res, 403, 'forbidden');
  else return account;
  return null;
}

/** Runs an async route; a failure (the store, say) answers 503 `unavailable` if nothing was sent yet. */
export const handleAdmin =
  (run: (req: Request, res: Response) => Promise<unknown>) =>
  (req: Request, res: Response): void =>
    void run(req, res).catch(() => {
      if (!res.headersSent) adminError(res, 503, 'unavailable');
    });
