/**
 * Builds the compact lookup index (see lookup.ts) from the municipality data at build time.
 * The lookup page embeds it as a JSON data block; the island reads it from there.
 */
import type { LookupIndex } from './lookup';
import { MUNICIPALITIES } from '../../../content/facts/municipalities';

const KIND = { municipality: 0, alias: 1, place: 2, former: 3 } as const;

/** The index for the device, built from MUNICIPALITIES (itself built from content/data). */
export function buildLookupIndex(): LookupIndex {
  const provinces = [...new Set(MUNICIPALITIES.map((m) => m.province))].sort((a, b) => a.localeCompare(b, 'nl'));
  const terms: LookupIndex['terms'] = [];
  const mainByPc4 = new Map<number, number>();
  const pc4Also: LookupIndex['pc4Also'] = [];
  MUNICIPALITIES.forEach((m, index) => {
    terms.push([m.name, KIND.municipality, index]);
    for (const alias of m.aliases) terms.push([alias, KIND.alias, index]);
    // A place with the municipality's own name adds nothing but size.
    for (const place of m.places) if (place !== m.name) terms.push([place, KIND.place, index]);
    for (const former of m.formerNames) if (former !== m.name) terms.push([former, KIND.former, index]);
  });
  const municipalityIndex = new Map(MUNICIPALITIES.map((m, index) => [m.code, index]));
  for (const { pc4, main } of pc4Owners()) {
    const index = municipalityIndex.get(main.code)!;
    mainByPc4.set(pc4, index);
    for (const other of main.others) pc4Also.push([pc4, municipalityIndex.get(other)!]);
  }
  const pc4Runs: LookupIndex['pc4Runs'] = [];
  for (const pc4 of [...mainByPc4.keys()].sort((a, b) => a - b)) {
    const municipality = mainByPc4.get(pc4)!;
    const last = pc4Runs.at(-1);
    if (last && last[0] + last[1] === pc4 && last[2] === municipality) last[1]++;
    else pc4Runs.push([pc4, 1, municipality]);
  }
  return {
    provinces,
    municipalities: MUNICIPALITIES.map((m) => [m.code, m.name, m.slug, provinces.indexOf(m.province)]),
    terms,
    pc4Runs,
    pc4Also,
  };
}

/** Per PC4 the municipality with most addresses first (the source's `hoofdgemeente`), then the others. */
function pc4Owners(): { pc4: number; main: { code: string; others: string[] } }[] {
  const owners = new Map<number, string[]>();
  for (const m of MUNICIPALITIES) {
    for (const pc4 of m.pc4) {
      const list = owners.get(Number(pc4)) ?? [];
      list.push(m.code);
      owners.set(Number(pc4), list);
    }
  }
  return [...owners.entries()].map(([pc4, codes]) => {
    const main = mainMunicipality(pc4, codes);
    return { pc4, main: { code: main, others: codes.filter((code) => code !== main) } };
  });
}

import pc4Rows from '../../../content/data/pc4-gemeente.json' with { type: 'json' };
const hoofdgemeente = new Map(
  pc4Rows.filter((row) => row.hoofdgemeente === '1').map((row) => [Number(row.pc4), row.gemeentecode_gm]),
);

function mainMunicipality(pc4: number, codes: string[]): string {
  const main = hoofdgemeente.get(pc4);
  return main && codes.includes(main) ? main : codes[0]!;
}
