/**
 * Opening hours: a weekly timetable in local time (Europe/Amsterdam), whole closed dates and
 * one-off extra openings, from content/chat/opening-hours.json (or CHAT_SCHEDULE). Daylight
 * saving is handled by converting local wall-clock times with the time zone database (Intl).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;
const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'expected HH:MM (00:00–24:00)');
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const interval = z
  .object({ from: time, to: time })
  .strict()
  .refine((i) => i.from < i.to, 'from must be before to');

const scheduleSchema = z
  .object({
    $comment: z.string().optional(),
    source: z.string().optional(),
    /** The region whose Veilig Thuis published these hours; they are not national hours. */
    sourceRegion: z.string().optional(),
    timeZone: z.string().refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'unknown time zone'),
    weekly: z.object(
      Object.fromEntries(WEEKDAYS.map((day) => [day, z.array(interval)])) as Record<
        (typeof WEEKDAYS)[number],
        z.ZodArray<typeof interval>
      >,
    ),
    closedDates: z.array(date).default([]),
    extraOpenings: z.array(z.object({ date, from: time, to: time }).strict()).default([]),
  })
  .strict();

export type ScheduleFile = z.infer<typeof scheduleSchema>;

export interface Schedule {
  /** Whether the chat is open at this instant. */
  isOpen(at: Date): boolean;
  /** The next instant the chat opens after `at` (within two weeks), or null. */
  nextOpening(at: Date): Date | null;
  /** The local calendar day (YYYY-MM-DD) of an instant, for daily statistics. */
  localDay(at: Date): string;
}

/** Parses a schedule; throws an error naming the file and the field. */
export function parseSchedule(json: unknown, fileName = 'schedule'): ScheduleFile {
  const parsed = scheduleSchema.safeParse(json);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(root)'}: ${issue.message}`);
    throw new Error(`${fileName}: invalid opening hours\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function loadSchedule(path: string): Schedule {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read opening hours (${error instanceof Error ? error.message : error})`, {
      cause: error,
    });
  }
  return createSchedule(parseSchedule(json, path));
}

/** A schedule that is always open (CHAT_ALWAYS_OPEN=true). */
export function alwaysOpen(timeZone = 'Europe/Amsterdam'): Schedule {
  const base = createSchedule(parseSchedule({ timeZone, weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, []])) }));
  return { isOpen: () => true, nextOpening: () => null, localDay: base.localDay };
}

export function createSchedule(file: ScheduleFile): Schedule {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone: file.timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    weekday: 'long',
  });
  const local = (at: Date) => {
    const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
    return {
      day: `${parts.year}-${parts.month}-${parts.day}`,
      time: `${parts.hour}:${parts.minute}`,
      weekday: String(parts.weekday).toLowerCase() as (typeof WEEKDAYS)[number],
      wallClockMs: Date.UTC(
        Number(parts.year),
        Number(parts.month) - 1,
        Number(parts.day),
        Number(parts.hour),
        Number(parts.minute),
        Number(parts.second),
      ),
    };
  };
  /** The instant at which the local wall clock shows `day` `hh:mm` (first one, across DST). */
  const instantOf = (day: string, hhmm: string): Date => {
    const [y, m, d] = day.split('-').map(Number) as [number, number, number];
    const [h, min] = hhmm.split(':').map(Number) as [number, number];
    const wall = Date.UTC(y, m - 1, d, h, min);
    let guess = wall;
    for (let i = 0; i < 3; i++) {
      const offset = local(new Date(guess)).wallClockMs - guess;
      guess = wall - offset;
    }
    return new Date(guess);
  };
  const intervalsOn = (day: string, weekday: (typeof WEEKDAYS)[number]) => {
    if (file.closedDates.includes(day)) return [];
    return [...file.weekly[weekday], ...file.extraOpenings.filter((e) => e.date === day)];
  };

  return {
    isOpen(at) {
      const l = local(at);
      return intervalsOn(l.day, l.weekday).some((i) => l.time >= i.from && l.time < i.to);
    },
    nextOpening(at) {
      // Walk calendar days (not 24-hour steps, which skip a day across a DST change).
      const [y, m, d] = local(at).day.split('-').map(Number) as [number, number, number];
      for (let offsetDays = 0; offsetDays <= 14; offsetDays++) {
        const calendar = new Date(Date.UTC(y, m - 1, d + offsetDays));
        const day = calendar.toISOString().slice(0, 10);
        const starts = intervalsOn(day, WEEKDAYS[calendar.getUTCDay()]!)
          .map((i) => instantOf(day, i.from))
          .filter((start) => start.getTime() > at.getTime())
          .sort((a, b) => a.getTime() - b.getTime());
        if (starts[0]) return starts[0];
      }
      return null;
    },
    localDay: (at) => local(at).day,
  };
}
