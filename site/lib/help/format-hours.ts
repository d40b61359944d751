/** Opening hours as a short text in the visitor's language: "ma–vr 09:00–17:00", or the "always" label. */
import type { Lang } from '../../i18n/locales';
import { DAYS, type Day, type OpeningHours } from './opening-hours';

// 2024-01-01 was a Monday: the reference week for localized weekday names.
const dayName = (lang: Lang, day: Day) =>
  new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, 1 + DAYS.indexOf(day))),
  );

/** "mon,tue,wed,thu,fri" → "ma–vr"; runs of consecutive days become a range. */
function dayRanges(lang: Lang, days: readonly Day[]): string {
  const sorted = [...days].sort((a, b) => DAYS.indexOf(a) - DAYS.indexOf(b));
  const ranges: Day[][] = [];
  for (const day of sorted) {
    const last = ranges.at(-1);
    if (last && DAYS.indexOf(last.at(-1)!) + 1 === DAYS.indexOf(day)) last.push(day);
    else ranges.push([day]);
  }
  return ranges
    .map((range) =>
      range.length > 2
        ? `${dayName(lang, range[0]!)}–${dayName(lang, range.at(-1)!)}`
        : range.map((d) => dayName(lang, d)).join(', '),
    )
    .join(', ');
}

export function formatHours(lang: Lang, hours: OpeningHours, alwaysLabel: string): string {
  if (hours.type === 'always') return alwaysLabel;
  return hours.periods.map((p) => `${dayRanges(lang, p.days)} ${p.opens}–${p.closes}`).join('; ');
}
