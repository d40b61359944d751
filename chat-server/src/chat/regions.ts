/**
 * Municipality → Veilig Thuis region (VTxx) and safety region (VRxx), from
 * content/data/gemeente-veiligthuisregio.json (CBS 2025, imported row for row). The queue uses
 * it to offer a visitor first to operators of their own region.
 */
import { readFileSync } from 'node:fs';

export interface MunicipalityRegion {
  code: string;
  name: string;
  /** Veilig Thuis region, VTxx. */
  region: string;
  regionName: string;
  /** Safety region, VRxx. */
  safetyRegion: string;
}

export interface Regions {
  forMunicipality(code: string): MunicipalityRegion | undefined;
  /** Whether an operator region (VTxx, VRxx or 'national') exists. */
  isKnownOperatorRegion(region: string): boolean;
  /** Addition (issue 14): a Veilig Thuis region (VTxx) by code, with its name. */
  veiligThuisRegion(code: string): { code: string; name: string } | undefined;
}

interface Row {
  gemeentecode_gm: string;
  gemeentenaam: string;
  veiligthuisregiocode: string;
  veiligthuisregionaam: string;
  veiligheidsregiocode: string;
}

export function loadRegions(path: string): Regions {
  const rows = JSON.parse(readFileSync(path, 'utf8')) as Row[];
  const byCode = new Map<string, MunicipalityRegion>();
  const known = new Set<string>(['national']);
  const veiligThuis = new Map<string, { code: string; name: string }>();
  for (const row of rows) {
    byCode.set(row.gemeentecode_gm, {
      code: row.gemeentecode_gm,
      name: row.gemeentenaam,
      region: row.veiligthuisregiocode,
      regionName: row.veiligthuisregionaam,
      safetyRegion: row.veiligheidsregiocode,
    });
    known.add(row.veiligthuisregiocode);
    veiligThuis.set(row.veiligthuisregiocode, { code: row.veiligthuisregiocode, name: row.veiligthuisregionaam });
    known.add(row.veiligheidsregiocode);
  }
  return {
    forMunicipality: (code) => byCode.get(code),
    isKnownOperatorRegion: (region) => known.has(region),
    veiligThuisRegion: (code) => veiligThuis.get(code),
  };
}
