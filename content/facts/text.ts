/**
 * Text rules shared by the build and the device: the municipality slug and the search key.
 * Pure functions without data, so the lookup island can import them without pulling data in.
 */

/** Removes diacritics: "Súdwest-Fryslân" → "Sudwest-Fryslan". */
function stripDiacritics(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '');
}

/**
 * The URL slug of a municipality (issue 4): the CBS name lowercased, diacritics removed, every
 * run of other characters turned into one hyphen, trimmed. "'s-Gravenhage" → "s-gravenhage",
 * "Súdwest-Fryslân" → "sudwest-fryslan", "Bergen (NH.)" → "bergen-nh".
 */
export function municipalitySlug(cbsName: string): string {
  return stripDiacritics(cbsName)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/**
 * The key a typed name is compared by: lowercase, no diacritics, apostrophes dropped, every
 * other run of non-alphanumerics one space. "'s-Gravenhage" and "s gravenhage" meet as "s gravenhage".
 */
export function searchKey(text: string): string {
  return stripDiacritics(text)
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The keys a name is found by: the whole name, and without a bracketed suffix ("Bergen (NH.)" → "bergen"). */
export function searchKeysOf(name: string): string[] {
  const keys = new Set([searchKey(name)]);
  const withoutSuffix = name.replace(/\s*\([^)]*\)\s*$/, '');
  if (withoutSuffix !== name) keys.add(searchKey(withoutSuffix));
  return [...keys].filter((key) => key.length > 0);
}
