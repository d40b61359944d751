/**
 * "Is it open now?" for structured opening hours, without zod, so a page script or island can
 * ask it too (the chat page's "open now" help). `opening-hours.ts` holds the schema.
 */
export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

/** The shape of `OpeningHours` (opening-hours.ts) that this needs. */
export type Hours =
  { type: 'always' } | { type: 'weekly'; periods: { days: Day[]; opens: string; closes: string }[]; usually?: boolean };

const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'short' });
const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** True when `at` (any instant) falls inside the hours, read in Europe/Amsterdam. */
export function isOpenAt(hours: Hours, at: Date): boolean {
  if (hours.type === 'always') return true;
  const day = weekday.format(at).toLowerCase().slice(0, 3) as Day;
  const now = clock.format(at);
  return hours.periods.some((period) => period.days.includes(day) && period.opens <= now && now < period.closes);
}
