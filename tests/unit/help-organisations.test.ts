import { describe, expect, it } from 'vitest';
import helplines from '../../content/data/helplines.json' with { type: 'json' };
import vtRows from '../../content/data/veilig-thuis-organisaties.json' with { type: 'json' };
import mapping from '../../content/organisations/services.json' with { type: 'json' };
import { ORGANISATION_WARNINGS, SERVICES, veiligThuisOrganisation } from '../../site/lib/help/organisations';
import { parseDutchPhone, phoneCandidates } from '../../site/lib/help/phone';
import { parseInternationalPhone } from '../../content/facts/phone';
import { isOpenAt } from '../../site/lib/help/opening-hours';

describe('organisations', () => {
  it('come only from verified rows that have a source', () => {
    for (const service of SERVICES) {
      const row = helplines.find((r) => r.id === service.id)!;
      expect(row.confidence).toBe('verified');
      expect(service.source.length).toBeGreaterThan(0);
      expect(row.source_url).toContain(service.source[0]!);
    }
  });

  it('take every phone number from the row itself (never retyped)', () => {
    for (const service of SERVICES.filter((s) => s.phone)) {
      const row = helplines.find((r) => r.id === service.id)!;
      const fromRow = phoneCandidates(row.phone).map((candidate) => parseDutchPhone(candidate)?.e164);
      expect(fromRow, service.id).toContain(service.phone!.e164);
    }
  });

  it('store E.164, show the Dutch way and dial the national digits', () => {
    expect(parseDutchPhone('0800-2000')).toEqual({ e164: '+318002000', display: '0800-2000', tel: '08002000' });
    expect(parseDutchPhone('020 - 261 52 75')?.tel).toBe('0202615275');
    expect(parseDutchPhone('020 - 261 52 75')?.e164).toBe('+31202615275');
    expect(parseDutchPhone('112')?.e164).toBe('112');
    expect(parseDutchPhone('0900-1262626x')).toBeNull();
    expect(parseDutchPhone('0800-20')).toBeNull();
    expect(parseDutchPhone('NIET GEVONDEN')).toBeNull();
    expect(parseDutchPhone('+32 2 123 45 67')).toBeNull();
  });

  it('keep a number for callers abroad in its published +31 form and dial it in E.164', () => {
    expect(parseInternationalPhone('+31 247 247 247')).toEqual({
      e164: '+31247247247',
      display: '+31 247 247 247',
      tel: '+31247247247',
    });
    expect(parseInternationalPhone('0247 247 247'), 'no +31: not for callers abroad').toBeNull();
    expect(parseInternationalPhone('+32 2 123 45 67'), 'not a Dutch number').toBeNull();
    expect(parseInternationalPhone('+31 247 247')).toBeNull();
  });

  it('leave out unverified rows and say so', () => {
    const unverified = helplines.filter((r) => r.confidence !== 'verified').map((r) => r.id);
    expect(unverified.length).toBeGreaterThan(0);
    for (const id of unverified) {
      expect(SERVICES.find((s) => s.id === id)).toBeUndefined();
      expect(ORGANISATION_WARNINGS.join('\n')).toContain(`"${id}"`);
    }
    // A verified row without an area served is left out too, with the missing fact named.
    expect(ORGANISATION_WARNINGS.find((w) => w.includes('"blijf-groep"'))).toMatch(/area served/);
  });

  it('never use a phone number a mapping explicitly rejected (Fier Fryslân, Pharos)', () => {
    expect(SERVICES.find((s) => s.id === 'fier-chat')?.phone).toBeNull();
    expect(SERVICES.find((s) => s.id === 'vgv-pharos')?.phone).toBeNull();
  });

  it('map every row of helplines.json either to a service or to a stated reason', () => {
    const mapped = new Set([...Object.keys(mapping.services), ...Object.keys(mapping.notServices)]);
    for (const row of helplines.filter((r) => r.confidence === 'verified')) expect(mapped, row.id).toContain(row.id);
  });

  it('name a regional Veilig Thuis organisation only when its row is verified', () => {
    for (const row of vtRows.filter((r) => /^VT\d{2}$/.test(r.id))) {
      const organisation = veiligThuisOrganisation(row.id);
      if (row.confidence === 'verified') expect(organisation?.name, row.id).toBe(row.name.split(' (')[0]);
      else expect(organisation, row.id).toBeUndefined();
      if (organisation && !row.website) expect(organisation.website).toBeNull();
    }
  });
});

describe('isOpenAt (Europe/Amsterdam)', () => {
  const chat = SERVICES.find((s) => s.id === 'veilig-thuis-chat')!.hours!;
  it('reads the hours in Dutch time, summer and winter', () => {
    // Monday 2026-01-05 08:30 UTC = 09:30 in Amsterdam (CET).
    expect(isOpenAt(chat, new Date('2026-01-05T08:30:00Z'))).toBe(true);
    // Monday 2026-07-06 15:30 UTC = 17:30 in Amsterdam (CEST): closed.
    expect(isOpenAt(chat, new Date('2026-07-06T15:30:00Z'))).toBe(false);
    // Saturday.
    expect(isOpenAt(chat, new Date('2026-01-10T10:00:00Z'))).toBe(false);
    expect(isOpenAt({ type: 'always' }, new Date())).toBe(true);
  });
});
