/**
 * The visitor's cues in words: "open now / closed, opens …" from the schedule, the next opening
 * in words, "look again" only within the hour, and one alias in "… chat nu met je".
 */
import { describe, expect, it } from 'vitest';
import { availabilityText } from '../../site/scripts/chat-availability';
import { opensAtWords, opensWithinHour } from '../../site/islands/chat/chat-status';
import { acceptedText } from '../../site/islands/chat/accepted';
import { chatStrings } from '../../site/islands/chat/island-props';
import { chatHoursText } from '../../site/lib/chat-hours';
import { uiStrings } from '../../site/i18n/ui';

const nl = uiStrings('nl');
const texts = {
  open: nl['chatAvailability.open'],
  closed: nl['chatAvailability.closed'],
  opens: nl['chatAvailability.opens'],
  today: nl['chat.day.today'],
  tomorrow: nl['chat.day.tomorrow'],
  weekday: nl['chat.day.weekday'],
};
const at = (iso: string) => new Date(iso);

describe('chat availability beside chat links (content/chat/opening-hours.json)', () => {
  it('is open on a weekday within the hours, closed at the closing minute', () => {
    expect(availabilityText(at('2026-12-09T10:00:00+01:00'), 'nl', texts)).toEqual({ open: true, text: 'Nu open.' });
    expect(availabilityText(at('2026-12-11T17:00:00+01:00'), 'nl', texts).text).toBe(
      'Nu gesloten, opent op maandag om 09:00.',
    );
  });
  it('says "vandaag" before opening and "morgen" on the evening before', () => {
    expect(availabilityText(at('2026-12-07T08:00:00+01:00'), 'nl', texts).text).toBe(
      'Nu gesloten, opent vandaag om 09:00.',
    );
    expect(availabilityText(at('2026-12-06T20:00:00+01:00'), 'nl', texts).text).toBe(
      'Nu gesloten, opent morgen om 09:00.',
    );
  });
  it('writes the weekly hours from the schedule at build time', () => {
    expect(chatHoursText('nl', 'dag en nacht')).toBe('ma–vr 09:00–17:00');
  });
});

describe('closed chat: next opening and "look again"', () => {
  const words = { today: 'vandaag', tomorrow: 'morgen', weekday: 'op {weekday}' };
  it('names the day and the time in Dutch time', () => {
    expect(opensAtWords('2026-12-07T08:00:00Z', 'nl', words, at('2026-12-05T12:00:00Z'))).toEqual({
      day: 'op maandag',
      time: '09:00',
    });
    expect(opensAtWords('not a time', 'nl', words)).toBeNull();
  });
  it('offers "look again" only when the chat opens within the hour', () => {
    const now = at('2026-12-07T07:30:00Z');
    expect(opensWithinHour('2026-12-07T08:00:00Z', now)).toBe(true);
    expect(opensWithinHour('2026-12-07T08:31:00Z', now)).toBe(false);
    expect(opensWithinHour(undefined, now)).toBe(false);
  });
});

describe('the operator alias, named once', () => {
  const strings = chatStrings('nl');
  it('uses the alias with the organisation', () => {
    expect(acceptedText(strings, 'Sanne')).toBe('Sanne van Veilig Thuis chat nu met je.');
  });
  it('never says "Veilig Thuis van Veilig Thuis"', () => {
    expect(acceptedText(strings, null)).toBe(strings['chat.acceptedNoName']);
    expect(acceptedText(strings, 'Veilig Thuis')).toBe('Veilig Thuis chat nu met je.');
    expect(acceptedText(strings, 'Team Veilig Thuis Zaanstreek')).not.toMatch(/Veilig Thuis.*Veilig Thuis/);
  });
});
