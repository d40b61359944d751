/**
 * Addition (issue 14): what supervisors read about the service, besides accounts
 * (docs/chat-protocol.md "Audit log" and "Statistics"): the audit log of staff actions and the
 * chat's figures per hour of the week. Neither ever holds message text, a nickname, anything a
 * visitor typed or an IP address.
 */
import { z } from 'zod';
import type { Lang } from './core';

// ---- Audit log ------------------------------------------------------------------------------

/**
 * Addition (issue 14): every action the audit log records. `2fa-enabled`/`2fa-disabled` are
 * written by the two-factor login, `chat-wrap-up` by `operator:wrap-up`.
 */
export const AUDIT_ACTIONS = [
  'login',
  'login-failed',
  'logout',
  'password-changed',
  '2fa-enabled',
  '2fa-disabled',
  'account-created',
  'account-updated',
  'account-disabled',
  'account-enabled',
  'account-password-reset',
  'chat-accepted',
  'chat-transferred',
  'chat-ended',
  'chat-wrap-up',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Addition (issue 14): the actor of a failed login whose username is not an account (the typed text is never kept). */
export const AUDIT_UNKNOWN_ACTOR = 'unknown';

/** Addition (issue 14): one line of `GET /api/admin/audit`. */
export interface AuditEntry {
  /** ISO 8601. */
  at: string;
  /** The account's username, or `unknown` (a failed login for a name that is no account). */
  actor: string;
  action: AuditAction;
  /** An account's username (account actions) or a conversation id (chat actions). */
  target?: string;
  /** `account-updated`: which fields changed (names only, never values). */
  fields?: string[];
  /** `chat-transferred`: the colleague's username, or `queue`. */
  to?: string;
}

export const AUDIT_LIMIT_DEFAULT = 100;
export const AUDIT_LIMIT_MAX = 1000;

/** Addition (issue 14): the query of `GET /api/admin/audit`: `limit` 1–1000, default 100. */
export const adminAuditQuerySchema = z
  .object({
    limit: z
      .string()
      .regex(/^\d{1,4}$/, `a whole number from 1 to ${AUDIT_LIMIT_MAX}`)
      .transform(Number)
      .pipe(z.number().int().min(1).max(AUDIT_LIMIT_MAX, `a whole number from 1 to ${AUDIT_LIMIT_MAX}`))
      .optional(),
  })
  .strict();

// ---- Statistics -----------------------------------------------------------------------------

/** Addition (issue 14): the longest period `GET /api/admin/stats` answers for, in calendar days. */
export const STATS_MAX_DAYS = 366;

/** Whether `YYYY-MM-DD` names a real calendar day. */
export const isCalendarDay = (value: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

/** Calendar days from `from` to `to` inclusive (both `YYYY-MM-DD`). */
export const daySpan = (from: string, to: string) =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

const calendarDay = z.string().refine(isCalendarDay, 'a calendar day YYYY-MM-DD');

/** Addition (issue 14): the query of `GET /api/admin/stats`: Amsterdam calendar days, inclusive, at most 366. */
export const adminStatsQuerySchema = z
  .object({ from: calendarDay, to: calendarDay, format: z.enum(['json', 'csv']).optional() })
  .strict()
  .refine((q) => q.from <= q.to, { message: 'from must not be after to', path: ['to'] })
  .refine((q) => daySpan(q.from, q.to) <= STATS_MAX_DAYS, {
    message: `at most ${STATS_MAX_DAYS} days`,
    path: ['to'],
  });

/** Addition (issue 14): counts of one hour of the week, or of the whole period (`totals`). */
export interface StatsCounts {
  /** A `visitor:start` that joined the queue. */
  offered: number;
  /** First accepted by an operator. */
  answered: number;
  /** Ended before any operator accepted it. */
  abandoned: number;
  /** `visitor:start` refused: outside opening hours. */
  refusedClosed: number;
  /** `visitor:start` refused: no operator available. */
  refusedNoOperators: number;
  /** `visitor:start` refused: the queue was full. */
  refusedQueueFull: number;
  /** Wait from the queue to the first accept; null without an answered conversation. */
  waitP50Seconds: number | null;
  waitP90Seconds: number | null;
}

/** Addition (issue 14): one hour of the week (Amsterdam local time) summed over the period. */
export interface StatsHourRow extends StatsCounts {
  /** 1 = Monday … 7 = Sunday. */
  day: number;
  /** 0–23. */
  hour: number;
}

/** Addition (issue 14): `GET /api/admin/stats`. */
export interface AdminStats {
  from: string;
  to: string;
  /** 168 rows: Monday 0:00 … Sunday 23:00. */
  byHourOfWeek: StatsHourRow[];
  totals: StatsCounts & { offeredByLanguage: Partial<Record<Lang, number>> };
}

/** Addition (issue 14): the columns of the CSV form (`format=csv`), in order. */
export const STATS_CSV_COLUMNS = [
  'day',
  'hour',
  'offered',
  'answered',
  'abandoned',
  'refusedClosed',
  'refusedNoOperators',
  'refusedQueueFull',
  'waitP50Seconds',
  'waitP90Seconds',
] as const satisfies readonly (keyof StatsHourRow)[];
