/**
 * Opening hours as structure, in Europe/Amsterdam time: either always open, or a list of weekly
 * periods. `isOpenAt` answers "is it open now?" for the operator console and any server code.
 */
import { z } from 'zod';

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

const time = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'time must be HH:MM');

export const openingHoursSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('always') }).strict(),
  z
    .object({
      type: z.literal('weekly'),
      periods: z.array(z.object({ days: z.array(z.enum(DAYS)).min(1), opens: time, closes: time }).strict()).min(1),
      /** True when the source says "usually" (e.g. the Veilig Thuis chat): show it, never promise it. */
      usually: z.boolean().default(false),
    })
    .strict(),
]);
export type OpeningHours = z.infer<typeof openingHoursSchema>;

const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'short' });
const clock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** True when `at` (any instant) falls inside the hours, read in Europe/Amsterdam. */
export function isOpenAt(hours: OpeningHours, at: Date): boolean {
  if (hours.type === 'always') return true;
  const day = weekday.format(at).toLowerCase().slice(0, 3) as Day;
  const now = clock.format(at);
  return hours.periods.some((period) => period.days.includes(day) && period.opens <= now && now < period.closes);
}
