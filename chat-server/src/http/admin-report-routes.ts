/**
 * What supervisors read (docs/chat-protocol.md "Audit log" and "Statistics"): the audit log of
 * staff actions and the chat's figures per hour of the week, as JSON or as a CSV download.
 * Supervisors only (admin-access.ts: 401 / 403); read-only, so no Origin check; `no-store`.
 */
import express, { type Response, type Router } from 'express';
import type { z } from 'zod';
import { AUDIT_LIMIT_DEFAULT, adminAuditQuerySchema, adminStatsQuerySchema } from '../protocol';
import type { ChatDeps } from '../chat/chat-context';
import { buildReport, calendarDays, statsCsv } from '../admin/chat-stats';
import { adminError as error, handleAdmin as handle, signedInSupervisor } from './admin-access';

type Deps = Pick<ChatDeps, 'store' | 'accounts' | 'publicOrigin' | 'audit' | 'stats'>;

/** 400 with the first problem in words, e.g. `limit: a whole number from 1 to 1000`. */
const invalid = (res: Response, issues: z.core.$ZodIssue[]) => {
  const issue = issues[0];
  const where = issue?.path.length ? `${issue.path.join('.')}: ` : '';
  return error(res, 400, 'invalid-payload', issue ? `${where}${issue.message}` : 'invalid query');
};

export function adminReportRoutes(deps: Deps): Router {
  const router = express.Router();
  router.use(['/api/admin/audit', '/api/admin/stats'], (_req, res, next) => {
    res.setHeader('Cache-Control', 'no-store');
    next();
  });

  router.get(
    '/api/admin/audit',
    handle(async (req, res) => {
      if (!(await signedInSupervisor(deps, req, res, false))) return;
      const query = adminAuditQuerySchema.safeParse(req.query);
      if (!query.success) return invalid(res, query.error.issues);
      res.json({ ok: true, data: await deps.audit.list(query.data.limit ?? AUDIT_LIMIT_DEFAULT) });
    }),
  );

  router.get(
    '/api/admin/stats',
    handle(async (req, res) => {
      if (!(await signedInSupervisor(deps, req, res, false))) return;
      const query = adminStatsQuerySchema.safeParse(req.query);
      if (!query.success) return invalid(res, query.error.issues);
      const { from, to, format } = query.data;
      const stored = await deps.stats.read(calendarDays(from, to));
      const report = buildReport(from, to, (day) => stored.get(day));
      if (format !== 'csv') return res.json({ ok: true, data: report });
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="chat-cijfers-${from}-${to}.csv"`);
      res.send(statsCsv(report));
    }),
  );

  return router;
}
