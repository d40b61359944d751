/**
 * "Cijfers", for supervisors (docs/chat-protocol.md "Statistics"): choose a period, see the week
 * as a heat map of the chosen figure per hour (a real table: every cell holds its number, rows
 * and columns are headed, so it needs no picture to be read), the period's totals and a CSV
 * download. Drawn here with CSS classes, no chart library and no inline styles (CSP).
 */
import { useEffect, useState } from 'preact/hooks';
import type { AdminStats, StatsCounts, StatsHourRow } from '../../../chat-server/src/protocol';
import { adminText as t, type AdminKey } from './admin-strings';
import { fetchStats, statsQuery, type ApiResult } from './admin-api';

type Metric = keyof StatsCounts;

const METRICS: Metric[] = [
  'offered',
  'answered',
  'abandoned',
  'refusedClosed',
  'refusedNoOperators',
  'refusedQueueFull',
  'waitP50Seconds',
  'waitP90Seconds',
];
const isWait = (metric: Metric) => metric === 'waitP50Seconds' || metric === 'waitP90Seconds';
const DAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);
/** Shades of the heat map: 0 = nothing, 4 = the period's highest value. */
const LEVELS = 4;

const amsterdamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
const today = () => amsterdamDay.format(new Date());
const daysBefore = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);

/** A wait in words: seconds under two minutes, else minutes; the last bucket says "an hour or more". */
export function waitText(seconds: number | null): string {
  if (seconds === null) return t('figures.noWait');
  if (seconds >= 3600) return t('figures.hourOrMore');
  if (seconds < 120) return t('figures.seconds', { count: seconds });
  return t('figures.minutes', { count: Math.round(seconds / 60) });
}

const cellText = (metric: Metric, value: number | null) =>
  isWait(metric) ? (value === null ? '–' : waitText(value)) : String(value ?? 0);

function problem(result: Extract<ApiResult<unknown>, { ok: false }>): string {
  if (result.status === 400) return t('figures.error.invalid', { message: result.message ?? result.error });
  if (result.status === 403 || result.status === 401) return t('accounts.error.forbidden');
  return t('accounts.error.unavailable');
}

function WeekTable({ stats, metric }: { stats: AdminStats; metric: Metric }) {
  const value = (row: StatsHourRow) => row[metric];
  const highest = Math.max(0, ...stats.byHourOfWeek.map((row) => value(row) ?? 0));
  const level = (v: number | null) => (!v || highest === 0 ? 0 : Math.max(1, Math.ceil((LEVELS * v) / highest)));
  const rowsByDay = new Map(DAYS.map((day) => [day, stats.byHourOfWeek.filter((row) => row.day === day)]));
  return (
    <div class="console-figures__scroll">
      <table class="console-heat" aria-describedby="console-heat-hint">
        <caption>
          {t('figures.week.caption', { metric: t(`figures.${metric}`), from: stats.from, to: stats.to })}
        </caption>
        <thead>
          <tr>
            <td />
            {HOURS.map((hour) => (
              <th scope="col" key={hour} abbr={`${hour} ${t('figures.hour')}`}>
                {hour}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {DAYS.map((day) => (
            <tr key={day}>
              <th scope="row">{t(`figures.day.${day}` as AdminKey)}</th>
              {(rowsByDay.get(day) ?? []).map((row) => (
                <td key={row.hour} class={`console-heat__cell console-heat__cell--${level(value(row))}`}>
                  {cellText(metric, value(row))}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p id="console-heat-hint" class="console-hint">
        {t('figures.week.hint')}
      </p>
    </div>
  );
}

function Totals({ stats, languages }: { stats: AdminStats; languages: Record<string, string> }) {
  const byLanguage = Object.entries(stats.totals.offeredByLanguage);
  return (
    <section class="console-figures__totals" aria-labelledby="console-figures-totals">
      <h3 id="console-figures-totals">{t('figures.totals')}</h3>
      <dl data-testid="figures-totals">
        {METRICS.map((metric) => (
          <div key={metric} data-metric={metric}>
            <dt>{t(`figures.${metric}`)}</dt>
            <dd>{isWait(metric) ? waitText(stats.totals[metric]) : stats.totals[metric]}</dd>
          </div>
        ))}
        {byLanguage.length > 0 && (
          <div>
            <dt>{t('figures.byLanguage')}</dt>
            <dd>{byLanguage.map(([code, count]) => `${languages[code] ?? code}: ${count}`).join(', ')}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}

export function StatsPanel({ languages }: { languages: Record<string, string> }) {
  const [to, setTo] = useState(today);
  const [from, setFrom] = useState(() => daysBefore(today(), 6));
  const [stats, setStats] = useState<AdminStats | null>(null);
  const [metric, setMetric] = useState<Metric>('offered');
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);

  const load = async (first: string, last: string) => {
    setStatus(t('figures.loading'));
    const result = await fetchStats(first, last);
    if (!result.ok) {
      setStatus('');
      return setError(problem(result));
    }
    setError(null);
    setStats(result.data);
    setStatus(t('figures.loaded', { from: result.data.from, to: result.data.to }));
  };

  useEffect(() => void load(from, to), []);

  return (
    <section class="console-figures" aria-labelledby="console-figures-title">
      <h2 id="console-figures-title">{t('figures.title')}</h2>
      <p>{t('figures.intro')}</p>
      <div class="console-figures__controls">
        <form
          class="console-figures__period"
          onSubmit={(event) => {
            event.preventDefault();
            void load(from, to);
          }}
        >
          <fieldset>
            <legend>{t('figures.period')}</legend>
            <div class="console-field">
              <label for="figures-from">{t('figures.from')}</label>
              <input
                id="figures-from"
                type="date"
                required
                value={from}
                max={to}
                onInput={(e) => setFrom(e.currentTarget.value)}
              />
            </div>
            <div class="console-field">
              <label for="figures-to">{t('figures.to')}</label>
              <input
                id="figures-to"
                type="date"
                required
                value={to}
                min={from}
                onInput={(e) => setTo(e.currentTarget.value)}
              />
            </div>
            <button type="submit" class="button">
              {t('figures.show')}
            </button>
          </fieldset>
        </form>
        {stats && (
          <>
            <div class="console-field">
              <label for="figures-metric">{t('figures.metric')}</label>
              <select id="figures-metric" value={metric} onChange={(e) => setMetric(e.currentTarget.value as Metric)}>
                {METRICS.map((m) => (
                  <option key={m} value={m}>
                    {t(`figures.${m}`)}
                  </option>
                ))}
              </select>
            </div>
            <a
              class="console-figures__csv"
              href={`/api/admin/stats?${statsQuery(stats.from, stats.to)}&format=csv`}
              download
            >
              {t('figures.csv')}
            </a>
          </>
        )}
      </div>
      {/* Said by screen readers; the figures themselves show that they are there. */}
      <p role="status" class="visually-hidden">
        {status}
      </p>
      {error && (
        <p class="console-error" role="alert">
          {error}
        </p>
      )}
      {stats && (
        <>
          <WeekTable stats={stats} metric={metric} />
          <Totals stats={stats} languages={languages} />
        </>
      )}
    </section>
  );
}
