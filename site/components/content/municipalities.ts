/**
 * Municipalities of a Veilig Thuis region, from content/data/gemeente-veiligthuisregio.json
 * (CBS 2025, imported row for row), with the slug of their help page `/{lang}/hulp/<slug>/`.
 */
import rows from '../../../content/data/gemeente-veiligthuisregio.json' with { type: 'json' };
import { municipalitySlug } from '../../lib/help/text';

export interface Municipality {
  name: string;
  slug: string;
}

/** The municipalities in one Veilig Thuis region, by name; throws if the region has none. */
export function municipalitiesInRegion(veiligThuisRegion: string, file: string): Municipality[] {
  const names = rows.filter((row) => row.veiligthuisregiocode === veiligThuisRegion).map((row) => row.gemeentenaam);
  if (names.length === 0) {
    throw new Error(`${file}: no municipality has Veilig Thuis region ${veiligThuisRegion} in content/data`);
  }
  return names.sort((a, b) => a.localeCompare(b, 'nl')).map((name) => ({ name, slug: municipalitySlug(name) }));
}
