/**
 * The audit log for supervisors (docs/chat-protocol.md "Audit log"): who did what in the
 * console, newest first; the last 100 entries, or the last 1000 on request.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AuditEntry } from '../../../chat-server/src/protocol';
import { AUDIT_LIMIT_MAX, AUDIT_UNKNOWN_ACTOR } from '../../../chat-server/src/protocol';
import { adminText as t, type AdminKey } from './admin-strings';
import { fetchAudit } from './admin-api';

const when = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  dateStyle: 'short',
  timeStyle: 'medium',
});

function details(entry: AuditEntry): string {
  const parts = [entry.target ?? ''];
  if (entry.fields?.length) parts.push(t('audit.fields', { fields: entry.fields.join(', ') }));
  if (entry.to) parts.push(entry.to === 'queue' ? t('audit.toQueue') : t('audit.to', { to: entry.to }));
  return parts.filter(Boolean).join(' · ');
}

export function AuditPanel() {
  const [entries, setEntries] = useState<AuditEntry[] | null>(null);
  const [limit, setLimit] = useState(100);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void fetchAudit(limit).then((result) => {
      if (result.ok) {
        setEntries(result.data);
        setError(null);
      } else
        setError(
          result.status === 401 || result.status === 403
            ? t('accounts.error.forbidden')
            : t('accounts.error.unavailable'),
        );
    });
  }, [limit]);

  return (
    <section class="console-audit" aria-labelledby="console-audit-title">
      <h2 id="console-audit-title">{t('audit.title')}</h2>
      <p>{t('audit.intro')}</p>
      {error && (
        <p class="console-error" role="alert">
          {error}
        </p>
      )}
      {!entries && !error && <p role="status">{t('audit.loading')}</p>}
      {entries?.length === 0 && <p>{t('audit.empty')}</p>}
      {entries && entries.length > 0 && (
        <div class="console-figures__scroll">
          <table class="console-table console-audit__table">
            <thead>
              <tr>
                <th scope="col">{t('audit.when')}</th>
                <th scope="col">{t('audit.actor')}</th>
                <th scope="col">{t('audit.action')}</th>
                <th scope="col">{t('audit.target')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry, index) => (
                <tr key={`${entry.at}-${index}`} data-action={entry.action}>
                  <td>
                    <time dateTime={entry.at}>{when.format(new Date(entry.at))}</time>
                  </td>
                  <td>{entry.actor === AUDIT_UNKNOWN_ACTOR ? t('audit.unknown') : entry.actor}</td>
                  <td>{t(`audit.action.${entry.action}` as AdminKey)}</td>
                  <td class="console-audit__target">{details(entry)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {entries && limit < AUDIT_LIMIT_MAX && entries.length >= limit && (
        <button type="button" class="button button--secondary" onClick={() => setLimit(AUDIT_LIMIT_MAX)}>
          {t('audit.more')}
        </button>
      )}
    </section>
  );
}
