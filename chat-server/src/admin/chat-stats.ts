/**
 * The chat's figures per hour of the week (docs/chat-protocol.md "Statistics"): the arithmetic
 * only, without a store, so it can be tested on its own (tests/unit/chat-stats.test.ts).
 *
 * Every conversation is counted in the Amsterdam hour it was offered (joined the queue): its
 * answer and its wait, or its abandonment, land in that same hour even when they happen later, so
 * an hour's `answered` never exceeds its `offered`. Refused starts count in the hour they were
 * refused. Counts only: nothing identifies a visitor or a conversation; of the visitor only the
 * language is counted (per day).
 *
 * Waits are kept as a histogram with fixed second buckets per day and hour, not as samples:
 * - buckets from several days and hours simply add up (any period, any hour of the week);
 * - each count is one atomic HINCRBY in Redis, never a read-modify-write between processes;
 * - a day's size is bounded (24 × buckets), however busy the day;
 * - a sample list with times would be closer to a record of single visitors, which we avoid.
 * The price is resolution: a percentile is reported as the upper bound of the bucket it falls
 * in ("half waited at most this long"), or the last bound for the open-ended last bucket.
 */
import type { AdminStats, Lang, StatsCounts, StatsHourRow } from '../protocol';
import { STATS_CSV_COLUMNS, daySpan } from '../protocol';

export const STATS_TIME_ZONE = 'Europe/Amsterdam';

/**
 * Upper bounds (seconds) of the wait buckets: bucket i holds waits in (bound[i-1], bound[i]];
 * one more bucket holds everything longer than the last bound.
 */
export const WAIT_BUCKET_BOUNDS = [
  5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 300, 450, 600, 900, 1200, 1800, 2700, 3600,
] as const;

export const COUNT_METRICS = [
  'offered',
  'answered',
  'abandoned',
  'refused-closed',
  'refused-no-operators',
  'refused-queue-full',
] as const;
export type CountMetric = (typeof COUNT_METRICS)[number];

/** How a metric is named in the answer. */
const METRIC_KEYS: Record<CountMetric, keyof StatsCounts> = {
  offered: 'offered',
  answered: 'answered',
  abandoned: 'abandoned',
  'refused-closed': 'refusedClosed',
  'refused-no-operators': 'refusedNoOperators',
  'refused-queue-full': 'refusedQueueFull',
};

/** Why a `visitor:start` was refused, as counted. */
export type RefusalReason = 'closed' | 'no-operators' | 'queue-full';

/** Something that happened, as the statistics count it. */
export type StatsEvent =
  | { kind: 'offered'; at: number; lang: Lang }
  | { kind: 'refused'; at: number; reason: RefusalReason }
  | { kind: 'answered'; offeredAt: number; waitSeconds: number }
  | { kind: 'abandoned'; offeredAt: number };

const localParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: STATS_TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
});

/** The Amsterdam calendar day (YYYY-MM-DD) and hour (0–23) of an instant. */
export function amsterdamHour(epochMs: number): { day: string; hour: number } {
  const parts = Object.fromEntries(localParts.formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) % 24 };
}

/** 1 = Monday … 7 = Sunday, for a calendar day YYYY-MM-DD. */
export function isoWeekday(day: string): number {
  return ((new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
}

/** Every calendar day from `from` to `to`, inclusive. */
export function calendarDays(from: string, to: string): string[] {
  const start = Date.parse(`${from}T00:00:00Z`);
  return Array.from({ length: Math.max(0, daySpan(from, to)) }, (_, i) =>
    new Date(start + i * 86_400_000).toISOString().slice(0, 10),
  );
}

/** The bucket index of a wait (0 … WAIT_BUCKET_BOUNDS.length). */
export function waitBucket(seconds: number): number {
  const index = WAIT_BUCKET_BOUNDS.findIndex((bound) => seconds <= bound);
  return index === -1 ? WAIT_BUCKET_BOUNDS.length : index;
}

/**
 * The `p`-th percentile (0–1) of a histogram, as the upper bound of its bucket (the last bound
 * for the open-ended bucket); null for an empty histogram.
 */
export function percentileSeconds(histogram: readonly number[], p: number): number | null {
  const total = histogram.reduce((sum, n) => sum + n, 0);
  if (total === 0) return null;
  // The smallest bucket holding at least p of all waits (nearest-rank).
  const rank = Math.max(1, Math.ceil(p * total));
  let seen = 0;
  for (let i = 0; i < histogram.length; i++) {
    seen += histogram[i] ?? 0;
    if (seen >= rank) return WAIT_BUCKET_BOUNDS[Math.min(i, WAIT_BUCKET_BOUNDS.length - 1)]!;
  }
  return WAIT_BUCKET_BOUNDS[WAIT_BUCKET_BOUNDS.length - 1]!;
}

/** The day and the hash fields (with increments) an event adds to. */
export function statsFields(event: StatsEvent): { day: string; fields: Record<string, number> } {
  const at = event.kind === 'offered' || event.kind === 'refused' ? event.at : event.offeredAt;
  const { day, hour } = amsterdamHour(at);
  const fields: Record<string, number> = {};
  switch (event.kind) {
    case 'offered':
      fields[`${hour}:offered`] = 1;
      fields[`lang:${event.lang}`] = 1;
      break;
    case 'refused':
      fields[`${hour}:refused-${event.reason}`] = 1;
      break;
    case 'answered':
      fields[`${hour}:answered`] = 1;
      fields[`${hour}:wait:${waitBucket(Math.max(0, event.waitSeconds))}`] = 1;
      break;
    case 'abandoned':
      fields[`${hour}:abandoned`] = 1;
      break;
  }
  return { day, fields };
}

interface Bucket {
  counts: Record<CountMetric, number>;
  waits: number[];
}

const emptyBucket = (): Bucket => ({
  counts: Object.fromEntries(COUNT_METRICS.map((m) => [m, 0])) as Record<CountMetric, number>,
  waits: Array.from({ length: WAIT_BUCKET_BOUNDS.length + 1 }, () => 0),
});

const countsOf = (bucket: Bucket): StatsCounts => ({
  ...(Object.fromEntries(COUNT_METRICS.map((m) => [METRIC_KEYS[m], bucket.counts[m]])) as Omit<
    StatsCounts,
    'waitP50Seconds' | 'waitP90Seconds'
  >),
  waitP50Seconds: percentileSeconds(bucket.waits, 0.5),
  waitP90Seconds: percentileSeconds(bucket.waits, 0.9),
});

const FIELD = /^(\d{1,2}):(?:(wait):(\d{1,2})|([a-z-]+))$/;

/** The report for a period from each day's stored fields (a day without fields counts zero). */
export function buildReport(
  from: string,
  to: string,
  stored: (day: string) => Readonly<Record<string, number>> | undefined,
): AdminStats {
  // Index (day - 1) * 24 + hour: Monday 0:00 first.
  const week = Array.from({ length: 168 }, emptyBucket);
  const total = emptyBucket();
  const byLanguage: Partial<Record<Lang, number>> = {};
  for (const day of calendarDays(from, to)) {
    const weekday = isoWeekday(day);
    for (const [field, value] of Object.entries(stored(day) ?? {})) {
      const n = Number(value);
      if (!Number.isFinite(n) || n <= 0) continue;
      if (field.startsWith('lang:')) {
        const lang = field.slice(5) as Lang;
        byLanguage[lang] = (byLanguage[lang] ?? 0) + n;
        continue;
      }
      const match = FIELD.exec(field);
      const hour = Number(match?.[1]);
      if (!match || hour > 23) continue;
      const bucket = week[(weekday - 1) * 24 + hour]!;
      if (match[2]) {
        const index = Number(match[3]);
        if (index > WAIT_BUCKET_BOUNDS.length) continue;
        bucket.waits[index]! += n;
        total.waits[index]! += n;
      } else if ((COUNT_METRICS as readonly string[]).includes(match[4]!)) {
        const metric = match[4] as CountMetric;
        bucket.counts[metric] += n;
        total.counts[metric] += n;
      }
    }
  }
  const byHourOfWeek: StatsHourRow[] = week.map((bucket, i) => ({
    day: Math.floor(i / 24) + 1,
    hour: i % 24,
    ...countsOf(bucket),
  }));
  return { from, to, byHourOfWeek, totals: { ...countsOf(total), offeredByLanguage: byLanguage } };
}

/** The CSV form: a header row and the 168 rows (an empty cell for a wait without answers). */
export function statsCsv(report: AdminStats): string {
  const lines = [STATS_CSV_COLUMNS.join(',')];
  for (const row of report.byHourOfWeek) lines.push(STATS_CSV_COLUMNS.map((column) => row[column] ?? '').join(','));
  return `${lines.join('\r\n')}\r\n`;
}
