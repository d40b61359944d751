/** Opening hours in Europe/Amsterdam: weekdays, DST, closed dates, extra openings, bad files. */
import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { createSchedule, loadSchedule, parseSchedule } from '../../chat-server/src/chat/schedule';

const at = (iso: string) => new Date(iso);
const empty = { monday: [], tuesday: [], wednesday: [], thursday: [], friday: [], saturday: [], sunday: [] };

describe('the default opening hours (content/chat/opening-hours.json)', () => {
  const schedule = loadSchedule(resolve('content/chat/opening-hours.json'));

  it('is open Monday to Friday 09:00–17:00 Amsterdam time, in winter (UTC+1) and summer (UTC+2)', () => {
    // Monday 23 November 2026, winter time.
    expect(schedule.isOpen(at('2026-11-23T07:59:00Z'))).toBe(false);
    expect(schedule.isOpen(at('2026-11-23T08:00:00Z'))).toBe(true);
    expect(schedule.isOpen(at('2026-11-23T15:59:00Z'))).toBe(true);
    expect(schedule.isOpen(at('2026-11-23T16:00:00Z'))).toBe(false);
    // Wednesday 1 July 2026, summer time.
    expect(schedule.isOpen(at('2026-07-01T06:59:00Z'))).toBe(false);
    expect(schedule.isOpen(at('2026-07-01T07:00:00Z'))).toBe(true);
    expect(schedule.isOpen(at('2026-07-01T15:00:00Z'))).toBe(false);
  });

  it('is closed at the weekend and names the next opening', () => {
    expect(schedule.isOpen(at('2026-11-28T10:00:00Z'))).toBe(false);
    expect(schedule.nextOpening(at('2026-11-28T10:00:00Z'))?.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(schedule.nextOpening(at('2026-11-23T17:00:00Z'))?.toISOString()).toBe('2026-11-24T08:00:00.000Z');
  });

  it('finds the next opening across the change to summer time', () => {
    // Saturday 28 March 2026 23:30 CET; the clocks go forward on Sunday 29 March.
    expect(schedule.nextOpening(at('2026-03-28T22:30:00Z'))?.toISOString()).toBe('2026-03-30T07:00:00.000Z');
  });

  it('counts days in Amsterdam', () => {
    expect(schedule.localDay(at('2026-11-23T23:30:00Z'))).toBe('2026-11-24');
  });
});

describe('closed dates and extra openings', () => {
  const schedule = createSchedule(
    parseSchedule({
      timeZone: 'Europe/Amsterdam',
      weekly: { ...empty, monday: [{ from: '09:00', to: '17:00' }] },
      closedDates: ['2026-12-28'],
      extraOpenings: [{ date: '2026-12-27', from: '19:00', to: '21:00' }],
    }),
  );

  it('is closed on a closed date and open in an extra opening', () => {
    expect(schedule.isOpen(at('2026-12-28T10:00:00Z'))).toBe(false);
    expect(schedule.isOpen(at('2026-12-27T18:30:00Z'))).toBe(true);
    expect(schedule.nextOpening(at('2026-12-27T21:00:00Z'))?.toISOString()).toBe('2027-01-04T08:00:00.000Z');
  });
});

describe('a bad schedule file', () => {
  it.each([
    [{ timeZone: 'Mars/Olympus', weekly: empty }, 'timeZone'],
    [
      { timeZone: 'Europe/Amsterdam', weekly: { ...empty, monday: [{ from: '9:00', to: '17:00' }] } },
      'weekly.monday.0.from',
    ],
    [
      { timeZone: 'Europe/Amsterdam', weekly: { ...empty, friday: [{ from: '17:00', to: '09:00' }] } },
      'weekly.friday.0',
    ],
    [{ timeZone: 'Europe/Amsterdam', weekly: { ...empty, sunday: undefined } }, 'weekly.sunday'],
    [{ timeZone: 'Europe/Amsterdam', weekly: empty, closedDates: ['28-12-2026'] }, 'closedDates.0'],
  ])('is refused with the file and the field named (%#)', (json, field) => {
    expect(() => parseSchedule(json, 'hours.json')).toThrow(
      new RegExp(`hours\\.json[\\s\\S]*${field.replace(/\./g, '\\.')}`),
    );
  });
});
