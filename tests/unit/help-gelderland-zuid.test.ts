import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GELDERLAND_ZUID } from '../../site/lib/help/gelderland-zuid';
import { MUNICIPALITIES } from '../../content/facts/municipalities';

const seedPath = join(import.meta.dirname, '../../../../shared', GELDERLAND_ZUID.source.file);
const seedLines = existsSync(seedPath) ? readFileSync(seedPath, 'utf8').split('\n') : null;
const cited = ([from, to]: [number, number]) =>
  seedLines!
    .slice(from - 1, to)
    .join(' ')
    .replace(/\s+/g, ' ');

describe('Gelderland-Zuid data from seed 001', () => {
  it.skipIf(seedLines === null)('quotes the seed exactly at every cited line', () => {
    expect(cited(GELDERLAND_ZUID.members.lines)).toContain(GELDERLAND_ZUID.members.quote);
    for (const exception of GELDERLAND_ZUID.exceptions) {
      expect(cited(exception.lines), exception.municipality).toContain(exception.quote);
      expect(exception.quote).toContain(exception.quote.split(' ')[0]!);
    }
    for (const name of GELDERLAND_ZUID.members.municipalities) {
      expect(GELDERLAND_ZUID.members.quote).toContain(name);
    }
  });

  it('lists the same 15 municipalities as the CBS 2025 Veilig Thuis region VT06', () => {
    const cbs = MUNICIPALITIES.filter((m) => m.veiligThuisRegion.code === GELDERLAND_ZUID.veiligThuisRegion)
      .map((m) => m.name)
      .sort();
    expect([...GELDERLAND_ZUID.members.municipalities].sort()).toEqual(cbs);
  });

  it('names only existing municipalities in the exceptions table', () => {
    const names = new Set(MUNICIPALITIES.map((m) => m.name));
    for (const exception of GELDERLAND_ZUID.exceptions) expect(names).toContain(exception.municipality);
    expect(new Set(GELDERLAND_ZUID.exceptions.map((e) => e.municipality))).toEqual(
      new Set(['Gennep', 'Maasdriel', 'Mook en Middelaar', 'Zaltbommel']),
    );
  });
});
