/**
 * The console's calls to the account API (docs/chat-protocol.md "Accounts"), the password change,
 * and the supervisors' audit log and statistics ("Audit log", "Statistics").
 */
import type {
  AdminCreated,
  AdminOperator,
  AdminStats,
  AuditEntry,
  OperatorMe,
} from '../../../chat-server/src/protocol';

export type ApiResult<T> = { ok: true; data: T } | { ok: false; status: number; error: string; message?: string };

async function call<T>(method: string, url: string, body?: unknown): Promise<ApiResult<T>> {
  try {
    const response = await fetch(url, {
      method,
      credentials: 'same-origin',
      cache: 'no-store',
      ...(body !== undefined ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {}),
    });
    const parsed = (await response.json().catch(() => ({}))) as {
      ok?: boolean;
      data?: T;
      error?: string;
      message?: string;
    };
    if (response.ok && parsed.ok) return { ok: true, data: parsed.data as T };
    return {
      ok: false,
      status: response.status,
      error: parsed.error ?? 'unavailable',
      ...(parsed.message ? { message: parsed.message } : {}),
    };
  } catch {
    return { ok: false, status: 0, error: 'unavailable' };
  }
}

export const listOperators = () => call<AdminOperator[]>('GET', '/api/admin/operators');

export const createOperator = (body: {
  username: string;
  displayName?: string;
  role: 'operator' | 'supervisor';
  languages: string[];
  region?: string;
}) => call<AdminCreated>('POST', '/api/admin/operators', body);

export const updateOperator = (
  id: string,
  change: Partial<Pick<AdminOperator, 'disabled' | 'role' | 'languages' | 'displayName' | 'region'>>,
) => call<AdminOperator>('PATCH', `/api/admin/operators/${encodeURIComponent(id)}`, change);

export const resetPassword = (id: string) =>
  call<{ temporaryPassword: string }>('POST', `/api/admin/operators/${encodeURIComponent(id)}/reset-password`);

export const changePassword = (current: string, next: string) =>
  call<OperatorMe>('POST', '/api/operator/password', { current, next });

/** The period's query string for the statistics (also the CSV link). */
export const statsQuery = (from: string, to: string) => `from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;

export const fetchStats = (from: string, to: string) =>
  call<AdminStats>('GET', `/api/admin/stats?${statsQuery(from, to)}`);

export const fetchAudit = (limit: number) => call<AuditEntry[]>('GET', `/api/admin/audit?limit=${limit}`);
