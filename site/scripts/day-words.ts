/** The day and time of a coming opening in words: "vandaag" / "morgen" / "op maandag" and "09:00". */
export interface DayWords {
  today: string;
  tomorrow: string;
  /** With `{weekday}`, e.g. "op {weekday}". */
  weekday: string;
}

export const fillIn = (template: string, vars: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => vars[name] ?? whole);

/** "vandaag" / "morgen" / "op maandag", and "09:00", for an instant, in Dutch time. */
export function dayAndTime(
  at: Date,
  now: Date,
  lang: string,
  words: DayWords,
  timeZone = 'Europe/Amsterdam',
): { day: string; time: string } {
  const dayOf = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone }).format(d);
  const tomorrow = new Date(now.getTime() + 24 * 3600 * 1000);
  const time = new Intl.DateTimeFormat(lang, {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    numberingSystem: 'latn',
  }).format(at);
  const day =
    dayOf(at) === dayOf(now)
      ? words.today
      : dayOf(at) === dayOf(tomorrow)
        ? words.tomorrow
        : fillIn(words.weekday, {
            weekday: new Intl.DateTimeFormat(lang, { timeZone, weekday: 'long' }).format(at),
          });
  return { day, time };
}
