/**
 * The arithmetic of the chat's figures (chat-server/src/admin/chat-stats.ts): Amsterdam hours
 * across the two daylight-saving changes, weekdays, the wait histogram and its percentiles,
 * empty hours, and the CSV form.
 */
import { describe, expect, it } from 'vitest';
import {
  WAIT_BUCKET_BOUNDS,
  amsterdamHour,
  buildReport,
  calendarDays,
  isoWeekday,
  percentileSeconds,
  statsCsv,
  statsFields,
  waitBucket,
  type StatsEvent,
} from '../../chat-server/src/admin/chat-stats';
import { adminStatsQuerySchema, STATS_CSV_COLUMNS } from '../../chat-server/src/protocol';

const utc = (iso: string) => Date.parse(iso);

/** Counts events the way the stores do (adding fields per day). */
function storedFrom(events: StatsEvent[]) {
  const days = new Map<string, Record<string, number>>();
  for (const event of events) {
    const { day, fields } = statsFields(event);
    const counts = days.get(day) ?? {};
    for (const [field, n] of Object.entries(fields)) counts[field] = (counts[field] ?? 0) + n;
    days.set(day, counts);
  }
  return (day: string) => days.get(day);
}

const row = (report: ReturnType<typeof buildReport>, day: number, hour: number) =>
  report.byHourOfWeek.find((r) => r.day === day && r.hour === hour)!;

describe('Amsterdam hours', () => {
  it('follows winter time (UTC+1) and summer time (UTC+2)', () => {
    expect(amsterdamHour(utc('2026-01-15T12:30:00Z'))).toEqual({ day: '2026-01-15', hour: 13 });
    expect(amsterdamHour(utc('2026-07-15T12:30:00Z'))).toEqual({ day: '2026-07-15', hour: 14 });
    // Just before midnight UTC is already the next Amsterdam day.
    expect(amsterdamHour(utc('2026-03-28T23:30:00Z'))).toEqual({ day: '2026-03-29', hour: 0 });
  });

  it('skips 2:00 on the spring change day (29 March 2026) and counts 2:00 twice on the autumn one (25 October 2026)', () => {
    expect(amsterdamHour(utc('2026-03-29T00:59:00Z'))).toEqual({ day: '2026-03-29', hour: 1 });
    expect(amsterdamHour(utc('2026-03-29T01:00:00Z'))).toEqual({ day: '2026-03-29', hour: 3 });
    expect(amsterdamHour(utc('2026-10-25T00:30:00Z'))).toEqual({ day: '2026-10-25', hour: 2 });
    expect(amsterdamHour(utc('2026-10-25T01:30:00Z'))).toEqual({ day: '2026-10-25', hour: 2 });
    expect(amsterdamHour(utc('2026-10-25T02:30:00Z'))).toEqual({ day: '2026-10-25', hour: 3 });
  });

  it('buckets into hours of the week across both change days (Sundays): 25 hours in, 23 hours out', () => {
    const events: StatsEvent[] = [];
    // One offer every 30 minutes through both Sundays, in UTC.
    for (const day of ['2026-03-29', '2026-10-25']) {
      const start = utc(`${day}T00:00:00Z`) - 3 * 3_600_000;
      for (let t = start; t < start + 27 * 3_600_000; t += 30 * 60_000) {
        if (amsterdamHour(t).day === day) events.push({ kind: 'offered', at: t, lang: 'nl' });
      }
    }
    const report = buildReport('2026-03-29', '2026-10-25', storedFrom(events));
    const sunday = report.byHourOfWeek.filter((r) => r.day === 7);
    // Spring: 23 local hours (no 2:00) → 46 offers; autumn: 25 local hours (2:00 twice) → 50.
    expect(report.totals.offered).toBe(46 + 50);
    expect(row(report, 7, 2).offered).toBe(4); // autumn's two 2:00 hours, spring has none
    expect(row(report, 7, 1).offered).toBe(4); // both days
    expect(sunday.reduce((sum, r) => sum + r.offered, 0)).toBe(96);
    // Nothing lands on another weekday.
    expect(report.byHourOfWeek.filter((r) => r.day !== 7).every((r) => r.offered === 0)).toBe(true);
  });

  it('names weekdays 1 = Monday … 7 = Sunday and lists calendar days inclusively across months', () => {
    expect(isoWeekday('2026-12-07')).toBe(1);
    expect(isoWeekday('2026-12-05')).toBe(6);
    expect(isoWeekday('2026-12-06')).toBe(7);
    expect(calendarDays('2026-10-24', '2026-10-26')).toEqual(['2026-10-24', '2026-10-25', '2026-10-26']);
    expect(calendarDays('2024-02-28', '2024-03-01')).toEqual(['2024-02-28', '2024-02-29', '2024-03-01']);
    expect(calendarDays('2026-01-01', '2026-12-31')).toHaveLength(365);
  });
});

describe('waits', () => {
  it('puts a wait in the first bucket whose bound holds it; longer than the last bound in the open bucket', () => {
    expect(waitBucket(0)).toBe(0);
    expect(waitBucket(5)).toBe(0);
    expect(waitBucket(5.1)).toBe(1);
    expect(waitBucket(3600)).toBe(WAIT_BUCKET_BOUNDS.length - 1);
    expect(waitBucket(86_400)).toBe(WAIT_BUCKET_BOUNDS.length);
  });

  it('reports a percentile as the bound of the bucket holding that rank (nearest rank)', () => {
    const histogram = Array.from({ length: WAIT_BUCKET_BOUNDS.length + 1 }, () => 0);
    expect(percentileSeconds(histogram, 0.5)).toBeNull();
    // Ten waits: 5 of ≤ 5 s, 4 of (20, 30], 1 of (90, 120].
    histogram[0] = 5;
    histogram[waitBucket(25)] = 4;
    histogram[waitBucket(100)] = 1;
    expect(percentileSeconds(histogram, 0.5)).toBe(5);
    expect(percentileSeconds(histogram, 0.51)).toBe(30);
    expect(percentileSeconds(histogram, 0.9)).toBe(30);
    expect(percentileSeconds(histogram, 0.91)).toBe(120);
    // One wait longer than an hour: "at least the last bound".
    const long = histogram.map(() => 0);
    long[WAIT_BUCKET_BOUNDS.length] = 1;
    expect(percentileSeconds(long, 0.5)).toBe(3600);
  });

  it('counts answers and waits in the hour the conversation was offered; an hour without answers has null waits', () => {
    const offeredAt = utc('2026-12-07T08:59:00Z'); // Monday 9:59 in Amsterdam
    const events: StatsEvent[] = [
      { kind: 'offered', at: offeredAt, lang: 'nl' },
      { kind: 'offered', at: offeredAt, lang: 'en' },
      { kind: 'offered', at: offeredAt, lang: 'nl' },
      { kind: 'answered', offeredAt, waitSeconds: 42 },
      { kind: 'answered', offeredAt, waitSeconds: 200 },
      { kind: 'abandoned', offeredAt },
      { kind: 'refused', at: utc('2026-12-07T22:10:00Z'), reason: 'closed' },
      { kind: 'refused', at: utc('2026-12-08T09:00:00Z'), reason: 'no-operators' },
      { kind: 'refused', at: utc('2026-12-08T09:00:00Z'), reason: 'queue-full' },
    ];
    const report = buildReport('2026-12-07', '2026-12-13', storedFrom(events));
    expect(report.byHourOfWeek).toHaveLength(168);
    expect(report.byHourOfWeek[0]).toMatchObject({ day: 1, hour: 0 });
    expect(report.byHourOfWeek[167]).toMatchObject({ day: 7, hour: 23 });
    expect(row(report, 1, 9)).toEqual({
      day: 1,
      hour: 9,
      offered: 3,
      answered: 2,
      abandoned: 1,
      refusedClosed: 0,
      refusedNoOperators: 0,
      refusedQueueFull: 0,
      waitP50Seconds: 45,
      waitP90Seconds: 240,
    });
    expect(row(report, 1, 23).refusedClosed).toBe(1);
    expect(row(report, 2, 10)).toMatchObject({ refusedNoOperators: 1, refusedQueueFull: 1, offered: 0 });
    expect(row(report, 2, 10).waitP50Seconds).toBeNull();
    expect(row(report, 2, 10).waitP90Seconds).toBeNull();
    expect(report.totals).toMatchObject({
      offered: 3,
      answered: 2,
      abandoned: 1,
      refusedClosed: 1,
      refusedNoOperators: 1,
      refusedQueueFull: 1,
      waitP50Seconds: 45,
      waitP90Seconds: 240,
      offeredByLanguage: { nl: 2, en: 1 },
    });
    // Days outside the period are not read.
    expect(buildReport('2026-12-08', '2026-12-13', storedFrom(events)).totals.offered).toBe(0);
  });

  it('ignores stored fields it does not know (an older or newer version of the server)', () => {
    const report = buildReport('2026-12-07', '2026-12-07', () => ({
      '9:offered': 2,
      '9:surprise': 5,
      '25:offered': 1,
      '9:wait:99': 1,
      'lang:nl': 2,
    }));
    expect(report.totals.offered).toBe(2);
    expect(report.totals.waitP50Seconds).toBeNull();
  });
});

describe('CSV form', () => {
  it('has a header row and 168 rows, an empty cell for a null wait', () => {
    const offeredAt = utc('2026-12-07T08:00:00Z');
    const report = buildReport(
      '2026-12-07',
      '2026-12-07',
      storedFrom([
        { kind: 'offered', at: offeredAt, lang: 'nl' },
        { kind: 'answered', offeredAt, waitSeconds: 3 },
      ]),
    );
    const lines = statsCsv(report).trimEnd().split('\r\n');
    expect(lines[0]).toBe(STATS_CSV_COLUMNS.join(','));
    expect(lines).toHaveLength(169);
    expect(lines[1]).toBe('1,0,0,0,0,0,0,0,,');
    expect(lines[10]).toBe('1,9,1,1,0,0,0,0,5,5');
  });
});

describe('the period asked for', () => {
  const parse = (query: Record<string, string>) => adminStatsQuerySchema.safeParse(query);
  it('takes real calendar days, from ≤ to, at most 366 days', () => {
    expect(parse({ from: '2026-01-01', to: '2026-12-31' }).success).toBe(true);
    expect(parse({ from: '2024-01-01', to: '2024-12-31' }).success).toBe(true); // 366 (leap year)
    expect(parse({ from: '2024-01-01', to: '2025-01-01' }).success).toBe(false); // 367
    expect(parse({ from: '2026-02-30', to: '2026-03-01' }).success).toBe(false);
    expect(parse({ from: '2026-03-02', to: '2026-03-01' }).success).toBe(false);
    expect(parse({ from: '2026-3-1', to: '2026-03-01' }).success).toBe(false);
    expect(parse({ from: '2026-03-01', to: '2026-03-01', format: 'xml' }).success).toBe(false);
    expect(parse({ from: '2026-03-01', to: '2026-03-01', extra: '1' }).success).toBe(false);
  });
});
