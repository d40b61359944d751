/**
 * "Open now" / "closed now, opens on Monday at 09:00" next to every chat link, from the chat's
 * schedule (content/chat/opening-hours.json, bundled at build time) and the visitor's clock. No
 * request, no socket, nothing stored: the chat page itself asks the server whether someone is
 * actually free. Texts come from the element's data attributes (the page's language).
 */
import scheduleJson from '../../content/chat/opening-hours.json' with { type: 'json' };
import { createSchedule, type Schedule, type ScheduleTimes } from '../../chat-server/src/chat/schedule-core';
import { dayAndTime, fillIn, type DayWords } from './day-words';

const SCHEDULE: Schedule = createSchedule({
  closedDates: [],
  extraOpenings: [],
  ...(scheduleJson as Partial<ScheduleTimes>),
} as ScheduleTimes);
const SCHEDULE_TIME_ZONE = (scheduleJson as { timeZone?: string }).timeZone ?? 'Europe/Amsterdam';

/** The live sentence for one moment. */
export function availabilityText(
  now: Date,
  lang: string,
  texts: { open: string; closed: string; opens: string } & DayWords,
  schedule: Schedule = SCHEDULE,
): { open: boolean; text: string } {
  if (schedule.isOpen(now)) return { open: true, text: texts.open };
  const next = schedule.nextOpening(now);
  if (!next) return { open: false, text: texts.closed };
  return { open: false, text: fillIn(texts.opens, dayAndTime(next, now, lang, texts, SCHEDULE_TIME_ZONE)) };
}

function update(doc: Document): void {
  for (const element of doc.querySelectorAll<HTMLElement>('[data-chat-live]')) {
    const d = element.dataset;
    const result = availabilityText(new Date(), d.lang ?? 'nl', {
      open: d.open ?? '',
      closed: d.closed ?? '',
      opens: d.opens ?? '',
      today: d.today ?? '',
      tomorrow: d.tomorrow ?? '',
      weekday: d.weekday ?? '',
    });
    element.textContent = result.text;
    element.dataset.state = result.open ? 'open' : 'closed';
    element.hidden = false;
  }
}

export function installChatAvailability(doc: Document): void {
  update(doc);
  // The hour turns while a page stays open: check again every minute.
  setInterval(() => update(doc), 60_000);
}
