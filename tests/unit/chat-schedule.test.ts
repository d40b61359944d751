/** Opening hours in Europe/Amsterdam: weekdays, DST, closed dates, extra openings, bad files. */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  alwaysOpen,
  createSchedule,
  loadSchedule,
  parseSchedule,
  scheduleFromFile,
} from '../../chat-server/src/chat/schedule';

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

describe('regional timetables (issue 14)', () => {
  const region = (weekly: object, extra: object = {}) => ({
    name: 'Test',
    source: 'https://example.nl/chat',
    checked: '2026-12-05',
    quote: 'Je kunt chatten.',
    weekly,
    ...extra,
  });
  const file = parseSchedule({
    timeZone: 'Europe/Amsterdam',
    sourceRegion: 'Gooi en Vechtstreek',
    weekly: { ...empty, monday: [{ from: '09:00', to: '17:00' }] },
    regions: { VT20: region({ ...empty, monday: [{ from: '09:00', to: '22:00' }] }, { closedDates: ['2026-12-07'] }) },
  });
  const schedule = scheduleFromFile(file, 'hours.json', (code) => code === 'VT20' || code === 'VT01');
  // Monday 30 November 2026 19:00 Amsterdam.
  const evening = at('2026-11-30T18:00:00Z');

  it("uses a region's own verified timetable, and the default for every other region", () => {
    expect(schedule.isOpen(evening)).toBe(false);
    expect(schedule.forRegion('VT20').isOpen(evening)).toBe(true);
    expect(schedule.forRegion('VT20').ownRegion).toBe('VT20');
    expect(schedule.forRegion('VT01').isOpen(evening)).toBe(false);
    expect(schedule.forRegion('VT01').ownRegion).toBeUndefined();
    expect(schedule.forRegion(undefined).ownRegion).toBeUndefined();
    expect(schedule.forRegion('VT01').sourceRegion).toBe('Gooi en Vechtstreek');
  });

  it("gives the region's own next opening and closed dates, in the file's time zone", () => {
    // Monday 7 December is closed in VT20 only.
    expect(schedule.forRegion('VT20').isOpen(at('2026-12-07T10:00:00Z'))).toBe(false);
    expect(schedule.isOpen(at('2026-12-07T10:00:00Z'))).toBe(true);
    expect(schedule.forRegion('VT20').nextOpening(at('2026-12-01T10:00:00Z'))?.toISOString()).toBe(
      '2026-12-14T08:00:00.000Z',
    );
  });

  it('reads the shipped file: Gooi en Vechtstreek (VT07) has its verified hours, with source and date', () => {
    const shipped = loadSchedule(resolve('content/chat/opening-hours.json'), () => true);
    expect(shipped.forRegion('VT07').ownRegion).toBe('VT07');
    const json = parseSchedule(JSON.parse(readFileSync(resolve('content/chat/opening-hours.json'), 'utf8')));
    for (const [code, regional] of Object.entries(json.regions)) {
      expect(code).toMatch(/^VT\d{2}$/);
      expect(regional.source).toMatch(/^https:\/\//);
      expect(regional.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      // Every regional source is recorded in docs/sources-verified.md with its quote.
      const doc = readFileSync(resolve('docs/sources-verified.md'), 'utf8');
      expect(doc).toContain(regional.source);
      expect(doc).toContain(regional.quote);
    }
  });

  it.each([
    [{ VT7: region(empty) }, 'regions.VT7'],
    [{ VT20: { ...region(empty), source: 'http://example.nl' } }, 'regions.VT20.source'],
    [{ VT20: { ...region(empty), checked: 'gisteren' } }, 'regions.VT20.checked'],
    [{ VT20: (({ quote: _quote, ...rest }) => rest)(region(empty)) }, 'regions.VT20.quote'],
    [{ VT20: region({ ...empty, monday: [{ from: '18:00', to: '09:00' }] }) }, 'regions.VT20.weekly.monday.0'],
    [{ VT20: { ...region(empty), timeZone: 'UTC' } }, 'regions.VT20'],
  ])('refuses a bad regional timetable with the field named (%#)', (regions, field) => {
    expect(() => parseSchedule({ timeZone: 'Europe/Amsterdam', weekly: empty, regions }, 'hours.json')).toThrow(
      new RegExp(`hours\\.json[\\s\\S]*${field.replace(/\./g, '\\.')}`),
    );
  });

  it('refuses a region code that does not exist', () => {
    const unknown = parseSchedule({ timeZone: 'Europe/Amsterdam', weekly: empty, regions: { VT99: region(empty) } });
    expect(() => scheduleFromFile(unknown, 'hours.json', (code) => code === 'VT20')).toThrow(
      /hours\.json[\s\S]*regions: unknown Veilig Thuis region VT99/,
    );
  });

  it('keeps CHAT_ALWAYS_OPEN open for every region', () => {
    expect(alwaysOpen().forRegion('VT20').isOpen(evening)).toBe(true);
  });
});
