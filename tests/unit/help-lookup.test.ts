import { describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { MunicipalityLookup, type LookupResult } from '../../site/lib/help/lookup';
import { buildLookupIndex } from '../../site/lib/help/lookup-index';
import { MUNICIPALITIES } from '../../content/facts/municipalities';

const index = buildLookupIndex();
const lookup = new MunicipalityLookup(JSON.parse(JSON.stringify(index)));

function names(result: LookupResult): string[] {
  return result.status === 'found' ? result.matches.map((m) => m.name) : [];
}

describe('MunicipalityLookup.resolve', () => {
  it.each([
    ['1501', 'Zaanstad'],
    ['6511', 'Nijmegen'],
    ['1501 AB', 'Zaanstad'],
    ['1501ab', 'Zaanstad'],
    ['Zaandam', 'Zaanstad'],
    ['zaandam ', 'Zaanstad'],
    ['Heerhugowaard', 'Dijk en Waard'],
    ['Den Haag', "'s-Gravenhage"],
    ['den bosch', "'s-Hertogenbosch"],
    ['Beemster', 'Purmerend'],
    ['Weesp', 'Amsterdam'],
    ['Sudwest Fryslan', 'Súdwest-Fryslân'],
  ])('resolves %j to %s', (input, expected) => {
    expect(names(lookup.resolve(input))[0]).toBe(expected);
  });

  it('resolves every municipality by its own CBS name, first', () => {
    for (const m of MUNICIPALITIES) expect(names(lookup.resolve(m.name))[0], m.name).toBe(m.name);
  });

  it('resolves every place, former municipality and PC4 in the data to a list that holds its municipality', () => {
    for (const m of MUNICIPALITIES) {
      for (const typed of [...m.places, ...m.aliases, ...m.formerNames, ...m.pc4]) {
        expect(names(lookup.resolve(typed)), `${typed} → ${m.name}`).toContain(m.name);
      }
    }
  });

  it('offers both municipalities for an ambiguous name ("Bergen")', () => {
    expect(names(lookup.resolve('Bergen')).sort()).toEqual(['Bergen (L.)', 'Bergen (NH.)']);
  });

  it('explains a PO-box-only postcode instead of guessing', () => {
    expect(lookup.resolve('1000')).toEqual({ status: 'unknown-postcode', pc4: '1000' });
    expect(lookup.resolve('1500 AA')).toEqual({ status: 'unknown-postcode', pc4: '1500' });
  });

  it('says what is wrong with empty input, a bad postcode and an unknown name', () => {
    expect(lookup.resolve('   ').status).toBe('empty');
    expect(lookup.resolve('0123').status).toBe('invalid-postcode');
    expect(lookup.resolve('12345').status).toBe('invalid-postcode');
    expect(lookup.resolve('123').status).toBe('invalid-postcode');
    const unknown = lookup.resolve('Xyzzyvlek');
    expect(unknown).toEqual({ status: 'no-match', input: 'Xyzzyvlek', suggestions: [] });
  });

  it('suggests the right municipality for a one-letter typo', () => {
    const result = lookup.resolve('Amsterdm');
    expect(result.status).toBe('no-match');
    expect(result.status === 'no-match' && result.suggestions.map((m) => m.name)).toContain('Amsterdam');
  });

  it('never throws on arbitrary input', () => {
    for (const input of ['<script>', '%%%', '\u0000', 'ـــ', '١٥٠١', 'a'.repeat(10_000), "'s"]) {
      expect(() => lookup.resolve(input)).not.toThrow();
      expect(() => lookup.suggest(input)).not.toThrow();
    }
  });
});

describe('MunicipalityLookup.suggest', () => {
  it('lists names that start with what was typed, municipalities first', () => {
    expect(lookup.suggest('zaan')[0]?.name).toBe('Zaanstad');
    expect(lookup.suggest('z')).toEqual([]);
  });
});

describe('the lookup data for the device', () => {
  it('stays under 60 KB gzipped', () => {
    const gzipped = gzipSync(JSON.stringify(index), { level: 9 }).length;
    expect(gzipped).toBeLessThan(60 * 1024);
  });
});
