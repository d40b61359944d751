/**
 * The slug and search-key rules live beside the municipality data in content/facts/text.ts (pure
 * functions without data, so the lookup island can import them without pulling data in).
 */
export { municipalitySlug, searchKey, searchKeysOf } from '../../../content/facts/text';
