/**
 * Opening hours: a weekly timetable in local time (Europe/Amsterdam), whole closed dates and
 * one-off extra openings, from content/chat/opening-hours.json (or CHAT_SCHEDULE). Daylight
 * saving is handled by converting local wall-clock times with the time zone database (Intl).
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { createSchedule, WEEKDAYS, type Schedule } from './schedule-core';

export { createSchedule, type Schedule } from './schedule-core';

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
