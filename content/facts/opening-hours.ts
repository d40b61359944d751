/**
 * Opening hours as structure, in Europe/Amsterdam time: either always open, or a list of weekly
 * periods. `isOpenAt` (open-at.ts, without zod) answers "is it open now?" for any code.
 */
import { z } from 'zod';
import { DAYS } from './open-at';

export { DAYS, type Day } from './open-at';

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

export { isOpenAt } from './open-at';
