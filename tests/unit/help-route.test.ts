import { describe, expect, it } from 'vitest';
import { helpRouteFor } from '../../site/lib/help/route';
import { MUNICIPALITIES, municipalityByCode, municipalitySearchEntries } from '../../content/facts/municipalities';
import { GELDERLAND_ZUID } from '../../site/lib/help/gelderland-zuid';
import { THEME_IDS } from '../../site/lib/taxonomy';
import { LANGS } from '../../site/i18n/locales';

describe('helpRouteFor', () => {
  it('gives every municipality 112, Veilig Thuis 0800-2000, its CBS region and every theme', () => {
    for (const m of MUNICIPALITIES) {
      const route = helpRouteFor(m.code, undefined, 'nl')!;
      expect(route.emergency.phone.display).toBe('112');
      expect(route.veiligThuis.phone.display).toBe('0800-2000');
      expect(route.veiligThuis.region).toEqual(m.veiligThuisRegion);
      expect(route.themes.map((t) => t.themeId)).toEqual(THEME_IDS);
      for (const theme of route.themes) {
        expect(theme.local).toEqual({ kind: 'ask-municipality', municipalityName: m.name });
        expect(theme.anchor).toBe(`thema-${theme.themeId}`);
      }
    }
  });

  it('names Veilig Thuis Gelderland-Zuid for the 15 municipalities of the seed', () => {
    for (const name of GELDERLAND_ZUID.members.municipalities) {
      const m = MUNICIPALITIES.find((candidate) => candidate.name === name)!;
      expect(m, name).toBeDefined();
      const route = helpRouteFor(m.code, undefined, 'en')!;
      expect(route.veiligThuis.organisation?.name).toBe('Veilig Thuis Gelderland-Zuid');
      expect(route.veiligThuis.organisation?.website).toBe('https://veiligthuisgelderlandzuid.nl/');
    }
  });

  it('names no organisation where the region row is unverified (Zaanstad: call 0800-2000)', () => {
    const route = helpRouteFor('GM0479', undefined, 'nl')!;
    expect(route.veiligThuis.region.name).toBe('Zaanstreek-Waterland');
    expect(route.veiligThuis.organisation).toBeNull();
  });

  it('adds the seed exceptions to the themes they are about', () => {
    const maasdriel = helpRouteFor(municipalityByCode('0263')!.code, 'mensenhandel', 'nl')!;
    expect(maasdriel.themes[0]!.regionalNotes.map((n) => n.note)).toEqual(['denBosch']);
    const mook = MUNICIPALITIES.find((m) => m.name === 'Mook en Middelaar')!;
    const mookRoute = helpRouteFor(mook.code, 'complexe-scheiding', 'nl')!;
    expect(mookRoute.themes[0]!.regionalNotes.map((n) => n.note)).toEqual(['mookDivorce']);
    expect(mookRoute.veiligThuis.notes.map((n) => n.note)).toEqual(['mookVeiligThuis']);
    expect(mook.veiligThuisRegion.code).toBe('VT06');
    const gennep = MUNICIPALITIES.find((m) => m.name === 'Gennep')!;
    expect(gennep.veiligThuisRegion.code).toBe('VT13');
  });

  it('shows the West-Brabant crisis line only in West-Brabant', () => {
    const breda = MUNICIPALITIES.find((m) => m.name === 'Breda')!;
    const tilburg = MUNICIPALITIES.find((m) => m.name === 'Tilburg')!;
    const ids = (code: string) => helpRouteFor(code, 'partnergeweld', 'nl')!.themes[0]!.regional.map((s) => s.id);
    expect(ids(breda.code)).toEqual(['meldpunt-crisiszorg-west-brabant']);
    expect(ids(tilburg.code)).toEqual([]);
  });

  it('filters services by audience and says whether the chat is usually open', () => {
    const young = helpRouteFor('GM0268', 'kindermishandeling', 'nl', { audience: 'jongeren' })!;
    expect(young.themes[0]!.national.map((s) => s.id)).toContain('kindertelefoon');
    const pro = helpRouteFor('GM0268', 'kindermishandeling', 'nl', { audience: 'professionals' })!;
    expect(pro.themes[0]!.national.map((s) => s.id)).not.toContain('kindertelefoon');
    const monday = helpRouteFor('GM0268', undefined, 'nl', { now: new Date('2026-01-05T09:00:00Z') })!;
    expect(monday.veiligThuis.chat.openNow).toBe(true);
    expect(helpRouteFor('GM0268', undefined, 'nl')!.veiligThuis.chat.openNow).toBeNull();
  });

  it('returns null for an unknown code or theme, in every language', () => {
    for (const lang of LANGS) {
      expect(helpRouteFor('GM9999', undefined, lang)).toBeNull();
      expect(helpRouteFor('GM0479', 'geen-thema', lang)).toBeNull();
      expect(helpRouteFor('0479', undefined, lang)?.path).toBe(`/${lang}/hulp/zaanstad/`);
    }
  });
});

describe('municipalitySearchEntries', () => {
  it('lists every municipality with places, former names and postcodes', () => {
    const entries = municipalitySearchEntries();
    expect(entries).toHaveLength(342);
    const haag = entries.find((e) => e.slug === 's-gravenhage')!;
    expect(haag.places).toContain('Den Haag');
    const dijk = entries.find((e) => e.name === 'Dijk en Waard')!;
    expect(dijk.formerNames).toEqual(expect.arrayContaining(['Heerhugowaard', 'Langedijk']));
    expect(entries.find((e) => e.name === 'Zaanstad')!.pc4).toContain('1501');
  });
});
