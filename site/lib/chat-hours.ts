/**
 * The chat's weekly hours as text ("ma–vr 09:00–17:00"), read at build time from
 * content/chat/opening-hours.json through the chat server's own schedule code, so the launcher
 * and the route box say what the server enforces. The live "open now" comes from
 * site/scripts/chat-availability.ts, which reads the same file.
 */
import scheduleJson from '../../content/chat/opening-hours.json' with { type: 'json' };
import { parseSchedule } from '../../chat-server/src/chat/schedule';
import { WEEKDAYS } from '../../chat-server/src/chat/schedule-core';
import type { Lang } from '../i18n/locales';
import { DAYS, type Day, type OpeningHours } from '../../content/facts/opening-hours';
import { formatHours } from './help/format-hours';

export const CHAT_SCHEDULE = parseSchedule(scheduleJson, 'content/chat/opening-hours.json');

const WEEKDAY_OF: Record<Day, (typeof WEEKDAYS)[number]> = {
  mon: 'monday',
  tue: 'tuesday',
  wed: 'wednesday',
  thu: 'thursday',
  fri: 'friday',
  sat: 'saturday',
  sun: 'sunday',
};

type Weekly = (typeof CHAT_SCHEDULE)['weekly'];

/**
 * The weekly timetable (the default, or a region's own: issue 14) as opening-hours periods
 * (days with the same interval grouped); null when never open.
 */
export function chatWeeklyHours(weekly: Weekly = CHAT_SCHEDULE.weekly): OpeningHours | null {
  const periods: { days: Day[]; opens: string; closes: string }[] = [];
  for (const day of DAYS) {
    for (const { from, to } of weekly[WEEKDAY_OF[day]]) {
      const same = periods.find((p) => p.opens === from && p.closes === to);
      if (same) same.days.push(day);
      else periods.push({ days: [day], opens: from, closes: to });
    }
  }
  return periods.length ? { type: 'weekly', periods, usually: true } : null;
}

/** "ma–vr 09:00–17:00" in `lang`, or null when the timetable has no weekly opening. */
export function chatHoursText(lang: Lang, alwaysLabel: string, weekly: Weekly = CHAT_SCHEDULE.weekly): string | null {
  const hours = chatWeeklyHours(weekly);
  return hours ? formatHours(lang, hours, alwaysLabel) : null;
}

/**
 * Issue 14: the chat's hours as text for the visitor widget: the default's, the region whose
 * hours the default follows, and every region's own verified hours (by VTxx).
 */
export function chatHoursByRegion(lang: Lang, alwaysLabel: string) {
  return {
    default: chatHoursText(lang, alwaysLabel),
    sourceRegion: CHAT_SCHEDULE.sourceRegion ?? null,
    regions: Object.fromEntries(
      Object.entries(CHAT_SCHEDULE.regions).map(([code, regional]) => [
        code,
        chatHoursText(lang, alwaysLabel, regional.weekly),
      ]),
    ),
  };
}
