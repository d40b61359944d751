/**
 * Municipalities of a Veilig Thuis region, from content/data/gemeente-veiligthuisregio.json
 * (CBS 2025, imported row for row), with the slug of their help page `/{lang}/hulp/<slug>/`.
 */
import rows from '../../../content/data/gemeente-veiligthuisregio.json' with { type: 'json' };

export interface Municipality {
  name: string;
  slug: string;
}

/**
 * `'s-Gravenhage` → `s-gravenhage`, `Súdwest-Fryslân` → `sudwest-fryslan`, `Bergen (NH.)` → `bergen-nh`.
 * Must give the same slug as the help-routes pages (merge note: use their function once it lands).
 */
export function municipalitySlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The municipalities in one Veilig Thuis region, by name; throws if the region has none. */
export function municipalitiesInRegion(veiligThuisRegion: string, file: string): Municipality[] {
  const names = rows.filter((row) => row.veiligthuisregiocode === veiligThuisRegion).map((row) => row.gemeentenaam);
  if (names.length === 0) {
    throw new Error(`${file}: no municipality has Veilig Thuis region ${veiligThuisRegion} in content/data`);
  }
  return names.sort((a, b) => a.localeCompare(b, 'nl')).map((name) => ({ name, slug: municipalitySlug(name) }));
}
