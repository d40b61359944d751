/**
 * The schedule's clock arithmetic, without zod or file access, so a page script can use it too
 * (site/scripts/chat-availability.ts). `schedule.ts` checks the file and re-exports this.
 */

export const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'] as const;

interface Interval {
  from: string;
  to: string;
}

/** A checked schedule file (see `parseSchedule` in schedule.ts). */
export interface ScheduleTimes {
  timeZone: string;
  /** The region whose Veilig Thuis published the default hours (the file's `sourceRegion`). */
  sourceRegion?: string;
  weekly: Record<(typeof WEEKDAYS)[number], Interval[]>;
  closedDates: string[];
  extraOpenings: (Interval & { date: string })[];
}

export interface Schedule {
  /** Whether the chat is open at this instant. */
  isOpen(at: Date): boolean;
  /** The next instant the chat opens after `at` (within two weeks), or null. */
  nextOpening(at: Date): Date | null;
  /** The local calendar day (YYYY-MM-DD) of an instant, for daily statistics. */
  localDay(at: Date): string;
  /**
   * Addition (issue 14): the timetable for a visitor of Veilig Thuis region `region` (VTxx): the
   * region's own when the file has a verified one, otherwise this one (the default).
   */
  forRegion(region: string | undefined): Schedule;
  /** The VTxx region whose own verified timetable this is; undefined for the default. */
  readonly ownRegion?: string;
  /** The default's `sourceRegion` (whose hours the default follows), when the file names it. */
  readonly sourceRegion?: string;
}

export function createSchedule(file: ScheduleTimes): Schedule {
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

  const schedule: Schedule = {
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
    forRegion: () => schedule,
    ...(file.sourceRegion ? { sourceRegion: file.sourceRegion } : {}),
  };
  return schedule;
}
