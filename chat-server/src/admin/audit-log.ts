/**
 * The audit log of staff actions (docs/chat-protocol.md "Audit log"): logins, failed logins,
 * logouts, password and two-factor changes, account changes, and accept, transfer, end and
 * wrap-up of conversations. Each entry holds a time, the actor's username (or `unknown`), the
 * action, and a target (a username or a conversation id): never message text, a nickname,
 * anything a visitor typed, or an IP address. Kept AUDIT_RETENTION_DAYS (config.ts).
 *
 * Handlers call `recordAudit` only: writing the log must never break the login or the chat
 * action it describes, so a failure is a warning without details, and the action goes on.
 */
import type { AuditEntry } from '../protocol';
import type { Logger } from '../logger';

export interface AuditLog {
  append(entry: AuditEntry): Promise<void>;
  /** The newest `limit` entries, newest first. */
  list(limit: number): Promise<AuditEntry[]>;
}

/** An upper bound on entries kept whatever the retention (a login flood must not fill memory or Redis). */
export const AUDIT_MAX_ENTRIES = 100_000;

/** Records one action; never throws, never rejects. */
export async function recordAudit(
  deps: { audit: AuditLog; logger: Logger; now?: () => number },
  entry: Omit<AuditEntry, 'at'>,
): Promise<void> {
  const at = new Date((deps.now ?? Date.now)()).toISOString();
  try {
    await deps.audit.append({ at, ...entry });
  } catch {
    deps.logger.warn('audit.record-failed');
  }
}

/** The audit log in this process's memory (no Redis): at most `maxEntries`, none older than the retention. */
export function createMemoryAuditLog(options: {
  retentionMs: number;
  now?: () => number;
  maxEntries?: number;
}): AuditLog {
  const now = options.now ?? Date.now;
  const max = options.maxEntries ?? AUDIT_MAX_ENTRIES;
  // Oldest first, so trimming drops from the front.
  const entries: AuditEntry[] = [];
  const trim = () => {
    const oldest = now() - options.retentionMs;
    let drop = Math.max(0, entries.length - max);
    while (drop < entries.length && Date.parse(entries[drop]!.at) < oldest) drop++;
    if (drop > 0) entries.splice(0, drop);
  };
  return {
    async append(entry) {
      entries.push({ ...entry, ...(entry.fields ? { fields: [...entry.fields] } : {}) });
      trim();
    },
    async list(limit) {
      trim();
      return entries
        .slice(-limit)
        .reverse()
        .map((entry) => ({ ...entry }));
    },
  };
}
