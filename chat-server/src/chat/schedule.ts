/**
 * Opening hours: a weekly timetable in local time (Europe/Amsterdam), whole closed dates and
 * one-off extra openings, from content/chat/opening-hours.json (or CHAT_SCHEDULE). Daylight
 * saving is handled by converting local wall-clock times with the time zone database (Intl).
 *
 * Addition (issue 14): besides the default timetable, `regions` may hold the timetable of a
 * Veilig Thuis region (VTxx), each with the page it was read on (`source`) and the day it was
 * checked (`checked`). Only regions whose chat hours were verified get one; every other region
 * uses the default. The file is checked as a whole: any error names its field.
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
const weekly = z.object(
  Object.fromEntries(WEEKDAYS.map((day) => [day, z.array(interval)])) as Record<
    (typeof WEEKDAYS)[number],
    z.ZodArray<typeof interval>
  >,
);
const closedDates = z.array(date).default([]);
const extraOpenings = z.array(z.object({ date, from: time, to: time }).strict()).default([]);

/** A region's own verified timetable (same time zone as the default). */
const regionalSchema = z
  .object({
    /** The region's name as in content/data (for people reading the file). */
    name: z.string().min(1),
    /** The page of that region's Veilig Thuis that states these hours. */
    source: z.url({ protocol: /^https$/, message: 'expected an https URL' }),
    /** The day the hours were read on the source (YYYY-MM-DD). */
    checked: date,
    /** The sentence on the source that states them, word for word. */
    quote: z.string().min(1),
    weekly,
    closedDates,
    extraOpenings,
  })
  .strict();

const scheduleSchema = z
  .object({
    $comment: z.string().optional(),
    source: z.string().optional(),
    /** The region whose Veilig Thuis published these hours; they are not national hours. */
    sourceRegion: z.string().optional(),
    /** Addition (issue 14): the day `source` was last read (YYYY-MM-DD). */
    checked: date.optional(),
    timeZone: z.string().refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'unknown time zone'),
    weekly,
    closedDates,
    extraOpenings,
    /** Addition (issue 14): verified timetables by Veilig Thuis region code. */
    regions: z
      .record(z.string().regex(/^VT\d{2}$/, 'expected a Veilig Thuis region code VTxx'), regionalSchema)
      .default({}),
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

/**
 * The default timetable with the regional ones. `knownRegion` (the regions of content/data)
 * catches a region code that does not exist.
 */
export function scheduleFromFile(
  file: ScheduleFile,
  fileName = 'schedule',
  knownRegion: (code: string) => boolean = () => true,
): Schedule {
  const unknown = Object.keys(file.regions).filter((code) => !knownRegion(code));
  if (unknown.length)
    throw new Error(`${fileName}: invalid opening hours\n  regions: unknown Veilig Thuis region ${unknown.join(', ')}`);
  const fallback = createSchedule(file);
  const forRegion = (region: string | undefined): Schedule => (region && own.get(region)) || withRegions;
  const withRegions: Schedule = { ...fallback, forRegion };
  const own = new Map<string, Schedule>(
    Object.entries(file.regions).map(([code, regional]) => [
      code,
      {
        ...createSchedule({ ...regional, timeZone: file.timeZone }),
        ownRegion: code,
        sourceRegion: regional.name,
        forRegion,
      },
    ]),
  );
  return withRegions;
}

export function loadSchedule(path: string, knownRegion?: (code: string) => boolean): Schedule {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: cannot read opening hours (${error instanceof Error ? error.message : error})`, {
      cause: error,
    });
  }
  return scheduleFromFile(parseSchedule(json, path), path, knownRegion);
}

/** A schedule that is always open (CHAT_ALWAYS_OPEN=true). */
export function alwaysOpen(timeZone = 'Europe/Amsterdam'): Schedule {
  const base = createSchedule(parseSchedule({ timeZone, weekly: Object.fromEntries(WEEKDAYS.map((d) => [d, []])) }));
  const open: Schedule = {
    isOpen: () => true,
    nextOpening: () => null,
    localDay: base.localDay,
    forRegion: () => open,
  };
  return open;
}
